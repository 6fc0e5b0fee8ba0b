import { create } from 'zustand';
import type { JobStatus } from '../../shared/host.js';

/** Background jobs (exports, selection…) by job id, as the hub reports their progress. */
export type JobsState = Record<string, JobStatus>;

export const useJobs = create<JobsState>()(() => ({}));

export function updateJob(job: JobStatus): void {
  useJobs.setState({ [job.id]: job });
}

export function resetJobs(): void {
  useJobs.setState({}, true);
}

/** One job's status, or undefined until the hub reports it. */
export function useJob(id: string | null | undefined): JobStatus | undefined {
  return useJobs((s) => (id ? s[id] : undefined));
}
