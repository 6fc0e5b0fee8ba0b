import { Worker } from 'node:worker_threads';
import { uuidv7 } from '../../shared/ids.js';
import type { JobStatus } from '../../shared/host.js';
import type { JobInput, JobKind } from './registry.js';

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Starts jobs in worker threads with progress and cancel. Workers compute; anything that
 * changes the panel is committed by the hub thread from the job's result.
 */
export class JobRunner {
  private readonly jobs = new Map<string, { status: JobStatus; cancel: Int32Array; worker: Worker }>();

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
    this.jobs.set(id, { status, cancel: new Int32Array(cancelFlag), worker });
    const update = (patch: Partial<JobStatus>) => {
      Object.assign(status, patch);
      this.onUpdate({ ...status });
    };
    worker.on('message', (msg: { type: 'progress'; fraction: number } | { type: 'done'; result: unknown } | { type: 'failed'; error: JobStatus['error'] }) => {
      if (msg.type === 'progress') update({ progress: msg.fraction });
      else if (msg.type === 'done') update({ state: 'done', progress: 1, result: msg.result });
      else update({ state: msg.error?.code === 'job.cancelled' ? 'cancelled' : 'failed', error: msg.error });
    });
    worker.on('error', (error) => update({ state: 'failed', error: { code: 'job.failed', params: { detail: error.message } } }));
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
    return true;
  }

  status(id: string): JobStatus | null {
    return this.jobs.get(id)?.status ?? null;
  }

  async waitFor(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    if (job.status.state !== 'running') return job.status;
    await new Promise((resolve) => job.worker.once('exit', resolve));
    return job.status;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.worker.terminate()));
  }
}
