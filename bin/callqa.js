#!/usr/bin/env node
// Thin entry point: the CLI lives in src/cli (compiled to dist/ by `npm run build`).
// Ctrl-C / SIGTERM are caught before the rest of the CLI loads (about a second), so a signal at
// any point of an audit ends it the documented way: exit 130 with a message (src/cli/interrupts.ts).
import { watchInterrupts } from '../dist/cli/interrupts.js';

watchInterrupts();
const { main } = await import('../dist/cli/index.js');
process.exitCode = await main(process.argv);
