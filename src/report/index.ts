export { createReportWriter, SCORECARD_COLUMNS, FINDINGS_COLUMNS, ERRORS_COLUMNS, type ReportWriter, type RunInfo, type ErrorRow, type ReportWriterOptions, type RunSummary } from './writer.js';
export { ReportError, atomicWriteFile, discardAllStaging } from './atomic.js';
export { maskPersonalData } from './mask.js';
export { csvLine, csvHeader, BOM } from './csv.js';
export { renderCall, type RenderedCall, type CallSummary, type RenderOptions } from './render.js';
