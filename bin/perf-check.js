#!/usr/bin/env node
// Required, not imported: importing CommonJS from ESM makes Node scan the whole bundle for its exports first.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../lib/perf-check.cjs');
