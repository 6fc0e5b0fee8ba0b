import { parentPort, workerData } from 'node:worker_threads';
import { PuntariError } from '../../shared/errors.js';
import { JOBS, type JobKind } from './registry.js';

/** Runs one job in a worker thread and reports progress, its result or its error to the hub thread. */
const { kind, input, cancelFlag } = workerData as { kind: JobKind; input: never; cancelFlag: SharedArrayBuffer };
const flag = new Int32Array(cancelFlag);
let lastReport = 0;

try {
  const result = JOBS[kind](input, {
    progress(fraction) {
      const now = Date.now();
      if (now - lastReport > 100 || fraction >= 1) {
        lastReport = now;
        parentPort!.postMessage({ type: 'progress', fraction });
      }
    },
    cancelled: () => Atomics.load(flag, 0) === 1,
  });
  parentPort!.postMessage({ type: 'done', result });
} catch (error) {
  const wire = error instanceof PuntariError ? error.toWire() : { code: 'job.failed', params: { detail: String((error as Error).message) } };
  parentPort!.postMessage({ type: 'failed', error: wire });
}
