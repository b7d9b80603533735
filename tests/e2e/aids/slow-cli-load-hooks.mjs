// Module hooks for slow-cli-load.mjs (they run on Node's hooks thread).
import { writeSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (url.endsWith('/dist/cli/index.js')) {
    writeSync(2, 'loading the CLI\n');
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.CALLQA_TEST_LOAD_DELAY_MS ?? 5000)));
  }
  return nextLoad(url, context);
}
