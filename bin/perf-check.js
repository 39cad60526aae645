#!/usr/bin/env node
import '../lib/perf-check.cjs';
