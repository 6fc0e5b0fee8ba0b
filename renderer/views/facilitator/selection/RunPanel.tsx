import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature } from '../../../../shared/participants.js';
import type { PoolRow, RunSummary, SelectionView } from '../../../../shared/recruitment.js';
import { Scroll } from './Scroll.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { hub } from '../../../hub/client.js';
import { useJobs } from '../../../stores/jobs.js';
import { percent, selectionApi } from './api.js';
import { CurveChart, Histogram } from './Charts.js';

export function currentRun(view: SelectionView, algorithm: 'leximin' | 'legacy'): RunSummary | null {
  if (algorithm === 'leximin' && view.outcome) return view.runs.find((r) => r.id === view.outcome!.runId) ?? null;
  return view.runs.find((r) => r.algorithm === algorithm && !r.stale) ?? null;
}

/** LEXIMIN (and LEGACY for comparison) in a worker on the hub, with progress and cancel; the report. */
export function RunPanel({ view, features }: { view: SelectionView; features: BackgroundFeature[] }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<PoolRow[] | null>(null);
  const job = useJobs((s) => Object.values(s).filter((j) => j.kind === 'selection.run').sort((a, b) => (a.id < b.id ? 1 : -1))[0]);
  const running = job?.state === 'running';
  const drawn = view.outcome !== null;
  const lex = currentRun(view, 'leximin');
  const leg = currentRun(view, 'legacy');
  const staleLex = !lex && view.runs.some((r) => r.algorithm === 'leximin' && r.stale);

  async function start(algorithm: 'leximin' | 'legacy') {
    setError(null);
    setRows(null);
    try {
      await selectionApi('POST', '/api/selection/run', { algorithm });
    } catch (caught) {
      setError(caught);
    }
  }

  async function showTable() {
    setError(null);
    try {
      const res = await selectionApi<{ rows: PoolRow[] }>('GET', '/api/selection/pool');
      setRows([...res.rows].sort((a, b) => (a.leximin ?? 0) - (b.leximin ?? 0)));
    } catch (caught) {
      setError(caught);
    }
  }

  const valueLabel = (feature: string, value: string) => features.find((f) => f.key === feature)?.values.find((v) => v.value === value)?.label ?? value;
  const pct = (v: number | null) => (v === null ? '–' : percent(v, i18n.language));
  const num = (v: number, digits: number) => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

  return (
    <section className="panel-section" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('selection.run.title')}</h2>
      <p className="hint">{t('selection.run.hint')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={running || drawn || !view.pool || view.quotas.length === 0} onClick={() => void start('leximin')}>
          {t('selection.run.leximin')}
        </button>
        <button type="button" disabled={running || drawn || !view.pool || view.quotas.length === 0} onClick={() => void start('legacy')}>
          {t('selection.run.legacy')}
        </button>
        {running && job && (
          <button type="button" onClick={() => void hub.send('host.cancelJob', { jobId: job.id }).catch(() => undefined)}>
            {t('selection.run.cancel')}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className="sel-job">
        {running && job && (
          <>
            <progress max={1} value={job.progress} aria-label={t('selection.run.progress')} />{' '}
            <span>{t('selection.run.running', { percent: Math.round(job.progress * 100) })}</span>
          </>
        )}
        {job?.state === 'cancelled' && <span>{t('selection.run.cancelled')}</span>}
      </div>
      {job?.state === 'failed' && <ErrorAlert error={job.error} />}
      <ErrorAlert error={error} />
      {staleLex && <p className="alert alert-info">{t('selection.run.stale')}</p>}

      {lex && (
        <div className="sel-results">
          <h3>{t('selection.run.report')}</h3>
          {lex.final ? (
            <p>
              <span className="badge badge-ok">{t('selection.run.final')}</span> {t('selection.run.levels', { count: lex.levelsFixed ?? 0 })}
            </p>
          ) : (
            <p className="alert alert-error">{t('selection.run.unfinished', { count: lex.levelsFixed ?? 0 })}</p>
          )}
          <dl className="sel-stats">
            <div>
              <dt>{t('selection.run.min')}</dt>
              <dd>{pct(lex.minProbability)}</dd>
            </div>
            <div>
              <dt>{t('selection.run.gini')}</dt>
              <dd>{num(lex.gini, 3)}</dd>
            </div>
            {leg && (
              <>
                <div>
                  <dt>{t('selection.run.legacyMin')}</dt>
                  <dd>{pct(leg.minProbability)}</dd>
                </div>
                <div>
                  <dt>{t('selection.run.legacyGini')}</dt>
                  <dd>{num(leg.gini, 3)}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t('selection.run.pool')}</dt>
              <dd>{t('selection.run.poolValue', { n: lex.n, k: lex.k })}</dd>
            </div>
            <div>
              <dt>{t('selection.run.seconds')}</dt>
              <dd>{num(lex.seconds, 1)} s</dd>
            </div>
            {lex.lottery && (
              <div>
                <dt>{t('selection.run.rounding', { m: num(lex.lottery.m, 0) })}</dt>
                <dd>{t('selection.run.roundingValue', { points: num(lex.lottery.maxDeviation * 100, 2) })}</dd>
              </div>
            )}
          </dl>
          <div className="sel-charts">
            <div>
              <h4>{t('selection.run.histogram')}</h4>
              <Histogram leximin={lex.histogram} legacy={leg?.histogram ?? null} title={t('selection.run.histogramTitle', { min: pct(lex.minProbability) })} />
            </div>
            <div>
              <h4>{t('selection.run.curve')}</h4>
              <CurveChart leximin={lex.curve} legacy={leg?.curve ?? null} title={t('selection.run.curveTitle')} />
            </div>
          </div>
          {!leg && <p className="hint">{t('selection.run.compareHint')}</p>}
          <div className="actions">
            <button type="button" onClick={() => void showTable()}>
              {t('selection.run.table')}
            </button>
          </div>
          {rows && (
            <Scroll label={t('selection.run.tableCaption', { count: rows.length })} className="sel-prob-table">
              <table className="data-table">
                <caption>{t('selection.run.tableCaption', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('selection.col.id')}</th>
                    <th scope="col">{t('selection.col.name')}</th>
                    <th scope="col">{t('selection.col.features')}</th>
                    <th scope="col">LEXIMIN</th>
                    <th scope="col">LEGACY</th>
                    <th scope="col">{t('selection.col.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.poolId}>
                      <th scope="row">{r.poolId}</th>
                      <td>{r.name ?? '–'}</td>
                      <td className="muted">
                        {Object.entries(r.features)
                          .map(([f, v]) => valueLabel(f, v))
                          .join(' · ')}
                      </td>
                      <td className="num">{pct(r.leximin)}</td>
                      <td className="num">{pct(r.legacy)}</td>
                      <td>{r.outcome ? t(`selection.outcome.${r.outcome}`) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
        </div>
      )}
    </section>
  );
}
