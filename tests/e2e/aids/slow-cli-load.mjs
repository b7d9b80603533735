// Test aid: `node --import tests/e2e/aids/slow-cli-load.mjs bin/callqa.js …` holds the loading of
// the CLI proper (dist/cli/index.js) for CALLQA_TEST_LOAD_DELAY_MS (default 5000) and writes
// "loading the CLI" to stderr when it starts: a test can then signal callqa while it is still
// starting, which otherwise lasts a second at most and cannot be aimed at.
import { register } from 'node:module';

register('./slow-cli-load-hooks.mjs', import.meta.url);
