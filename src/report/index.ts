export { createReportWriter, SCORECARD_COLUMNS, FINDINGS_COLUMNS, ERRORS_COLUMNS, type ReportWriter, type RunInfo, type ErrorRow, type ReportWriterOptions, type RunSummary, type FinishExtras } from './writer.js';
export { ReportError, StagedFile, atomicWriteFile, describeIoError, discardAllStaging, isReport, reportFolderProblem } from './atomic.js';
export { outputFileProblem, HTML_REPORT, SAMPLE_LIST, type OutputKind } from './output-file.js';
export { maskPersonalData, maskProblemMessage, maskWithFound, personalDataFound } from './mask.js';
export { csvLine, csvHeader, BOM } from './csv.js';
export { renderCall, packCall, unpackCall, type PackedCall, type RenderedCall, type CallSummary, type RenderOptions, type FailedFinding } from './render.js';
export type { SummaryColumns, SummaryTable } from './summary.js';
export type { Cell } from './csv.js';
