import { parentPort, workerData } from 'node:worker_threads';
import { PuntariError } from '../../shared/errors.js';
import type { JobIo } from './jobIo.js';
import { JOBS, type JobKind } from './registry.js';

/** Runs one job in a worker thread and reports progress, its result or its error to the hub thread. */
const { kind, input, cancelFlag } = workerData as { kind: JobKind; input: never; cancelFlag: SharedArrayBuffer };
const flag = new Int32Array(cancelFlag);
let lastReport = 0;

const io = {
  progress(fraction: number) {
    const now = Date.now();
    if (now - lastReport > 100 || fraction >= 1) {
      lastReport = now;
      parentPort!.postMessage({ type: 'progress', fraction });
    }
  },
  cancelled: () => Atomics.load(flag, 0) === 1,
};
const fail = (error: unknown) => {
  const wire = error instanceof PuntariError ? error.toWire() : { code: 'job.failed', params: { detail: String((error as Error).message) } };
  parentPort!.postMessage({ type: 'failed', error: wire });
};

// A job may return its result or a promise of it (e.g. a PDF rendered from a stream).
JOBS[kind]()
  .then((job) => (job as (input: never, io: JobIo) => unknown)(input, io))
  .then((result) => parentPort!.postMessage({ type: 'done', result }), fail);
