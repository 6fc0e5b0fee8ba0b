import { Worker } from 'node:worker_threads';
import { uuidv7 } from '../../shared/ids.js';
import type { JobStatus } from '../../shared/host.js';
import { ENDED_ON_CANCEL, type JobInput, type JobKind } from './registry.js';

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Starts jobs in worker threads with progress and cancel. Workers compute; anything that
 * changes the panel is committed by the hub thread from the job's result.
 */
export class JobRunner {
  private readonly jobs = new Map<
    string,
    { status: JobStatus; cancel: Int32Array; worker: Worker; update: (patch: Partial<JobStatus>) => void; ended: Promise<void> }
  >();

  constructor(private readonly onUpdate: (status: JobStatus) => void) {}

  start<K extends JobKind>(kind: K, input: JobInput<K>): string {
    const id = uuidv7();
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = workerUrl.pathname.endsWith('.ts')
      ? // Run from sources (CLI, tests): the worker registers the TypeScript loader first.
        new Worker(
          `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); })`,
          { eval: true, workerData: { kind, input, cancelFlag } },
        )
      : new Worker(workerUrl, { workerData: { kind, input, cancelFlag } });
    const status: JobStatus = { id, kind, state: 'running', progress: 0, error: null, result: null };
    let end = () => {};
    // Ends with the job's last state, not with its worker: a worker ended by cancel takes a moment to exit.
    const ended = new Promise<void>((resolve) => (end = resolve));
    const update = (patch: Partial<JobStatus>) => {
      Object.assign(status, patch);
      this.onUpdate({ ...status });
      if (status.state !== 'running') end();
    };
    this.jobs.set(id, { status, cancel: new Int32Array(cancelFlag), worker, update, ended });
    worker.on('message', (msg: { type: 'progress'; fraction: number } | { type: 'done'; result: unknown } | { type: 'failed'; error: JobStatus['error'] }) => {
      // A job ended by cancel may still have a message on its way: the cancel stands.
      if (status.state !== 'running') return;
      if (msg.type === 'progress') update({ progress: msg.fraction });
      else if (msg.type === 'done') update({ state: 'done', progress: 1, result: msg.result });
      else update({ state: msg.error?.code === 'job.cancelled' ? 'cancelled' : 'failed', error: msg.error });
    });
    worker.on('error', (error) => {
      if (status.state === 'running') update({ state: 'failed', error: { code: 'job.failed', params: { detail: error.message } } });
    });
    worker.on('exit', () => {
      if (status.state === 'running') update({ state: 'failed', error: { code: 'job.failed', params: { detail: 'exit' } } });
    });
    this.onUpdate({ ...status });
    return id;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    Atomics.store(job.cancel, 0, 1);
    if (job.status.state === 'running' && ENDED_ON_CANCEL.has(job.status.kind as JobKind)) {
      job.update({ state: 'cancelled', error: { code: 'job.cancelled', params: {} } });
      void job.worker.terminate();
    }
    return true;
  }

  status(id: string): JobStatus | null {
    return this.jobs.get(id)?.status ?? null;
  }

  async waitFor(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    await job.ended;
    return job.status;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
