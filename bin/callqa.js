#!/usr/bin/env node
// Thin entry point: the CLI lives in src/cli (compiled to dist/ by `npm run build`).
import { main } from '../dist/cli/index.js';

process.exitCode = await main(process.argv);
