import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDay } from '../../../../shared/agenda.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate } from '../../../components/RelativeTime.js';
import { hub } from '../../../hub/client.js';
import { HubError, wireErrorFrom } from '../../../hub/errors.js';
import { useJob } from '../../../stores/jobs.js';
import { useTopic } from '../../../stores/topics.js';

/**
 * Generate: the optimiser runs in a worker on the hub with progress and cancel; the plan is
 * written into the seating rounds when it is done (and then shows on the board).
 */
export function Generate({ existingRounds, plannedRounds, day }: { existingRounds: number; plannedRounds: number; day: AgendaDay | null }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [keep, setKeep] = useState(0);
  const [presentOnly, setPresentOnly] = useState(false);
  const [seconds, setSeconds] = useState(3);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const job = useJob(jobId);
  // The job's end reaches this window a moment before the plan it wrote: "done" waits for the plan.
  const roundsTopic = useTopic('seatingRounds');
  const [roundsAtStart, setRoundsAtStart] = useState<unknown>(null);
  const landed = job?.state === 'done' && roundsTopic !== roundsAtStart;
  const running = job?.state === 'running' || (jobId !== null && !job);

  const maxKeep = Math.max(0, Math.min(existingRounds, plannedRounds - 1));

  async function generate() {
    setError(null);
    setRoundsAtStart(roundsTopic);
    try {
      const res = await fetch('/api/seating/generate', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          keepRounds: Math.min(keep, maxKeep),
          timeLimitMs: seconds * 1000,
          presentOn: presentOnly && day ? day.id : null,
          roundLabel: t('seating.roundLabel'),
        }),
      });
      const body = (await res.json().catch(() => null)) as { jobId?: string } | null;
      if (!res.ok || !body?.jobId) throw HubError.fromWire(wireErrorFrom(body, { status: res.status }));
      setJobId(body.jobId);
    } catch (caught) {
      setError(caught instanceof HubError ? caught : new HubError('internal', { reason: 'network' }));
    }
  }

  const result = job?.state === 'done' ? (job.result as { score?: { repeatPairs: number }; stats?: { ms: number } } | null) : null;

  return (
    <section className="panel-section seating-generate" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('seating.generate.title')}</h2>
      <div className="generate-options">
        <div className="field">
          <label htmlFor={`${base}-keep`}>{t('seating.generate.keep')}</label>
          <select id={`${base}-keep`} value={Math.min(keep, maxKeep)} onChange={(e) => setKeep(Number(e.target.value))}>
            {Array.from({ length: maxKeep + 1 }, (_, i) => (
              <option key={i} value={i}>
                {i === 0 ? t('seating.generate.keepNone') : t('seating.generate.keepN', { count: i })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-secs`}>{t('seating.generate.seconds')}</label>
          <select id={`${base}-secs`} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
            {[1, 3, 10, 30].map((s) => (
              <option key={s} value={s}>
                {t('seating.generate.secondsN', { count: s })}
              </option>
            ))}
          </select>
        </div>
        {day && (
          <label className="check">
            <input type="checkbox" checked={presentOnly} onChange={(e) => setPresentOnly(e.target.checked)} />
            {t('seating.generate.presentOnly', { date: formatDate(day.date, i18n.language) })}
          </label>
        )}
      </div>
      <p className="hint">{t('seating.generate.hint', { rounds: plannedRounds })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void generate()} disabled={running}>
          {t('seating.generate.go')}
        </button>
        {running && jobId && (
          <button type="button" onClick={() => void hub.send('host.cancelJob', { jobId }).catch(() => undefined)}>
            {t('seating.generate.cancel')}
          </button>
        )}
      </div>
      {jobId && (
        <div className="generate-state" role="status" aria-live="polite">
          {running && (
            <>
              <progress max={1} value={job?.progress ?? 0} aria-label={t('seating.generate.progress')} />{' '}
              <span>{t('seating.generate.running', { percent: Math.round((job?.progress ?? 0) * 100) })}</span>
            </>
          )}
          {job?.state === 'done' && !landed && <span>{t('seating.generate.saving')}</span>}
          {landed && <span>{t('seating.generate.done', { repeats: result?.score?.repeatPairs ?? 0 })}</span>}
          {job?.state === 'cancelled' && <span>{t('seating.generate.cancelled')}</span>}
        </div>
      )}
      {job?.state === 'failed' && <ErrorAlert error={job.error} />}
      <ErrorAlert error={error} />
    </section>
  );
}
