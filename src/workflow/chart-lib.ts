/**
 * The charting library inlined into report.html: Chart.js 4 (MIT, a pinned dependency), its UMD
 * build, which defines `window.Chart`. It is read from node_modules at run time so the report
 * needs no network. Should the build be missing (a broken install), report.html is still written
 * with every table and the CLI says the charts are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChartLibrary {
  name: string;
  version: string;
  /** The UMD source, safe to put inside <script> … </script>. */
  source: string;
}

const BUILDS = ['dist/chart.umd.min.js', 'dist/chart.umd.js'];

let cached: ChartLibrary | null | undefined;

/** Chart.js from the nearest node_modules above this module (or CALLQA_CHARTJS_DIR), or null. */
export function findChartLibrary(): ChartLibrary | null {
  if (cached !== undefined) return cached;
  cached = null;
  const dirs: string[] = [];
  if (process.env.CALLQA_CHARTJS_DIR) dirs.push(process.env.CALLQA_CHARTJS_DIR);
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    dirs.push(join(dir, 'node_modules', 'chart.js'));
    if (dirname(dir) === dir) break;
  }
  for (const pkgDir of dirs) {
    const build = BUILDS.map((b) => join(pkgDir, b)).find((f) => existsSync(f));
    if (!build) continue;
    let version = '';
    try {
      version = String((JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '');
    } catch {
      // a build without its package.json still draws charts
    }
    cached = { name: 'chart.js', version, source: inlineScript(readFileSync(build, 'utf8')) };
    break;
  }
  return cached;
}

/** Script text that cannot close its <script> element early and asks for no source map. */
export function inlineScript(js: string): string {
  return js.replace(/^\/\/# sourceMappingURL=.*$/gm, '').replace(/<\/(script)/gi, '<\\/$1');
}
