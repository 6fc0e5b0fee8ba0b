/** What a job gets from its worker: a way to report progress and to learn it was cancelled. */
export interface JobIo {
  progress(fraction: number): void;
  cancelled(): boolean;
}
