#!/usr/bin/env node
'use strict';
require('../lib/perf-check.cjs');
