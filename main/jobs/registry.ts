import { exportAuditCsv } from './auditExport.js';
import { planSeatingJob } from '../features/seating/engine/job.js';
import { statementExportJob } from '../features/export/job.js';
import { selectionJob } from '../features/selection/engine/job.js';
import type { JobIo } from './jobIo.js';

/** Long work that runs in a worker thread. Jobs read the panel and write files; they never write the panel. */
export const JOBS = {
  'audit.exportCsv': exportAuditCsv,
  'seating.plan': planSeatingJob,
  'statement.export': statementExportJob,
  'selection.run': selectionJob,
} as const satisfies Record<string, (input: never, io: JobIo) => unknown>;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[0];
