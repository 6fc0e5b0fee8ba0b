/** The job 'seating.plan': the optimiser in a worker thread, with progress and cancel. */
import { PuntariError } from '../../../../shared/errors.js';
import type { SeatingInput } from '../../../../shared/seating.js';
import type { JobIo } from '../../../jobs/jobIo.js';
import { planSeating, type PlanOptions, type PlanResult } from './optimise.js';

export function planSeatingJob(
  input: { seating: SeatingInput; options?: Pick<PlanOptions, 'seed' | 'iterations' | 'timeLimitMs' | 'diversityWeight'> },
  io: JobIo,
): PlanResult {
  const result = planSeating(input.seating, { ...input.options, onProgress: (f) => io.progress(f), cancelled: () => io.cancelled() });
  if (result.stats.stoppedBy === 'cancelled') throw new PuntariError('job.cancelled');
  return result;
}
