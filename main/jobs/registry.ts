import type { JobIo } from './jobIo.js';

/**
 * Long work that runs in a worker thread. Jobs read the panel and write files; they never write the
 * panel. Each entry loads its module only when its job runs, so an export's worker does not also
 * load the selection engine, HiGHS and the seating optimiser.
 */
export const JOBS = {
  'audit.exportCsv': () => import('./auditExport.js').then((m) => m.exportAuditCsv),
  'seating.plan': () => import('../features/seating/engine/job.js').then((m) => m.planSeatingJob),
  'statement.export': () => import('../features/export/job.js').then((m) => m.statementExportJob),
  'selection.run': () => import('../features/selection/engine/job.js').then((m) => m.selectionJob),
  'selection.feasibility': () => import('../features/selection/engine/job.js').then((m) => m.feasibilityJob),
} as const satisfies Record<string, () => Promise<(input: never, io: JobIo) => unknown>>;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<Awaited<ReturnType<(typeof JOBS)[K]>>>[0];

/**
 * Jobs that spend their time in one call that never looks at the cancel flag (the feasibility
 * check is a single HiGHS MIP): cancelling ends their worker. They write no files, so nothing is
 * left half-written.
 */
export const ENDED_ON_CANCEL: ReadonlySet<JobKind> = new Set<JobKind>(['selection.feasibility']);
