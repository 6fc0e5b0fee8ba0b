import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature } from '../../../../shared/participants.js';
import type { SelectionView } from '../../../../shared/recruitment.js';
import type { Feasibility } from '../../../../shared/selection.js';
import { Scroll } from './Scroll.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';
import { HubError } from '../../../hub/errors.js';
import { hub } from '../../../hub/client.js';
import { useJobs } from '../../../stores/jobs.js';
import { selectionApi } from './api.js';
import { QuotaChart } from './Charts.js';
import { ImportQuotas } from './ImportPool.js';

const k = (feature: string, value: string) => `${feature}\u0000${value}`;

/** Panel size and quotas: from population shares or by hand; the pool against targets; feasibility and the smallest fix. */
export function Quotas({ view, features, panelCounts }: { view: SelectionView; features: BackgroundFeature[]; panelCounts: Map<string, number> | null }) {
  const { t } = useTranslation();
  const base = useId();
  const { run, busy, error } = useCommand();
  const drawn = view.outcome !== null;
  const s = view.settings;
  const [size, setSize] = useState(String(s.panelSize));
  const [tolerance, setTolerance] = useState(String(s.tolerance));
  const [m, setM] = useState(String(s.lotteryM));
  const [reserves, setReserves] = useState(String(s.reserveCount));
  const quotaKey = JSON.stringify(view.quotas);
  const [drafts, setDrafts] = useState<Record<string, { min: string; max: string }>>({});
  useEffect(() => {
    // The drafts follow the quotas as the hub has them (after a save, a computation or a fix).
    const out: Record<string, { min: string; max: string }> = {};
    for (const q of JSON.parse(quotaKey) as SelectionView['quotas']) out[k(q.feature, q.value)] = { min: String(q.min), max: String(q.max) };
    setDrafts(out);
  }, [quotaKey]);
  const [feasibility, setFeasibility] = useState<Feasibility | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checkCancelled, setCheckCancelled] = useState(false);
  const checkJob = useJobs((st) => Object.values(st).filter((j) => j.kind === 'selection.feasibility' && j.state === 'running').sort((a, b) => (a.id < b.id ? 1 : -1))[0]);
  const [saved, setSaved] = useState<string | null>(null);

  const quotaFeatures = features.filter((f) => f.values.some((v) => view.pool?.counts[f.key]?.[v.value] !== undefined || view.quotas.some((q) => q.feature === f.key)));
  const n = view.pool?.n ?? 0;

  async function saveSettings() {
    setSaved(null);
    const int = (v: string) => Math.round(Number(v));
    if ((await run('selection.settings', { panelSize: int(size), tolerance: int(tolerance), lotteryM: int(m), reserveCount: int(reserves) })) !== undefined) setSaved('settings');
  }

  async function fromShares() {
    setSaved(null);
    setFeasibility(null);
    if ((await run('selection.settings', { panelSize: Math.round(Number(size)), tolerance: Math.round(Number(tolerance)) })) === undefined) return;
    if ((await run('selection.quotasFromShares', {})) !== undefined) setSaved('quotas');
  }

  async function saveQuotas() {
    setSaved(null);
    setFeasibility(null);
    const quotas = Object.entries(drafts)
      .filter(([, d]) => d.min.trim() !== '' && d.max.trim() !== '')
      .map(([key, d]) => {
        const [feature, value] = key.split('\u0000') as [string, string];
        return { feature, value, min: Math.max(0, Math.round(Number(d.min))), max: Math.max(0, Math.round(Number(d.max))) };
      });
    const remove = Object.entries(drafts)
      .filter(([key, d]) => d.min.trim() === '' && d.max.trim() === '' && view.quotas.some((q) => k(q.feature, q.value) === key))
      .map(([key]) => {
        const [feature, value] = key.split('\u0000') as [string, string];
        return { feature, value };
      });
    if ((await run('selection.setQuotas', { quotas, remove })) !== undefined) setSaved('quotas');
  }

  async function check() {
    setChecking(true);
    setCheckError(null);
    setCheckCancelled(false);
    setFeasibility(null);
    try {
      setFeasibility(await selectionApi<Feasibility>('POST', '/api/selection/feasibility'));
    } catch (caught) {
      if (caught instanceof HubError && caught.code === 'job.cancelled') setCheckCancelled(true);
      else setCheckError(caught);
    } finally {
      setChecking(false);
    }
  }

  async function applyRelaxations() {
    if (!feasibility || feasibility.feasible) return;
    const quotas = feasibility.relaxations.map((r) => ({ feature: r.feature, value: r.value, min: r.min ?? r.was.min, max: r.max ?? r.was.max }));
    if ((await run('selection.setQuotas', { quotas })) !== undefined) await check();
  }

  const labelOf = (feature: string, value: string) => {
    const f = features.find((x) => x.key === feature);
    return `${f?.label ?? feature}: ${f?.values.find((v) => v.value === value)?.label ?? value}`;
  };

  return (
    <section className="panel-section" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('selection.quotas.title')}</h2>
      <div className="sel-map-grid">
        <div className="field">
          <label htmlFor={`${base}-k`}>{t('selection.quotas.panelSize')}</label>
          <input id={`${base}-k`} inputMode="numeric" size={5} value={size} disabled={drawn} onChange={(e) => setSize(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-tol`}>{t('selection.quotas.tolerance')}</label>
          <input id={`${base}-tol`} inputMode="numeric" size={4} value={tolerance} disabled={drawn} onChange={(e) => setTolerance(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-m`}>{t('selection.quotas.lotteryM')}</label>
          <input id={`${base}-m`} inputMode="numeric" size={6} value={m} disabled={drawn} onChange={(e) => setM(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-r`}>{t('selection.quotas.reserves')}</label>
          <input id={`${base}-r`} inputMode="numeric" size={4} value={reserves} disabled={drawn} onChange={(e) => setReserves(e.target.value)} />
        </div>
      </div>
      <div className="actions">
        <button type="button" disabled={busy || drawn} onClick={() => void saveSettings()}>
          {t('selection.quotas.saveSettings')}
        </button>
        <button type="button" disabled={busy || drawn} onClick={() => void fromShares()}>
          {t('selection.quotas.fromShares')}
        </button>
      </div>
      <p className="hint">{t('selection.quotas.fromSharesHint')}</p>
      <ImportQuotas disabled={drawn} />

      {quotaFeatures.map((f) => (
        <div key={f.key} className="sel-feature">
          <h3>{f.label}</h3>
          <div className="sel-feature-body">
            <Scroll label={t('selection.quotas.tableCaption', { feature: f.label })}>
              <table className="data-table sel-table">
                <caption className="sr-only">{t('selection.quotas.tableCaption', { feature: f.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('selection.col.value')}</th>
                    <th scope="col">{t('selection.col.signups')}</th>
                    <th scope="col">{t('selection.col.populationShare')}</th>
                    <th scope="col">{t('selection.col.min')}</th>
                    <th scope="col">{t('selection.col.max')}</th>
                    {panelCounts && <th scope="col">{t('selection.col.panel')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {f.values.map((v) => {
                    const key = k(f.key, v.value);
                    const d = drafts[key] ?? { min: '', max: '' };
                    const count = panelCounts?.get(key);
                    const q = view.quotas.find((x) => x.feature === f.key && x.value === v.value);
                    const outside = q && count !== undefined && (count < q.min || count > q.max);
                    return (
                      <tr key={v.value}>
                        <th scope="row">{v.label}</th>
                        <td className="num">{view.pool?.counts[f.key]?.[v.value] ?? 0}</td>
                        <td className="num">{v.populationShare === null ? '–' : `${(v.populationShare * 100).toFixed(1)} %`}</td>
                        <td>
                          <input
                            aria-label={t('selection.quotas.minOf', { value: v.label })}
                            inputMode="numeric"
                            size={3}
                            value={d.min}
                            disabled={drawn}
                            onChange={(e) => setDrafts((x) => ({ ...x, [key]: { ...d, min: e.target.value } }))}
                          />
                        </td>
                        <td>
                          <input
                            aria-label={t('selection.quotas.maxOf', { value: v.label })}
                            inputMode="numeric"
                            size={3}
                            value={d.max}
                            disabled={drawn}
                            onChange={(e) => setDrafts((x) => ({ ...x, [key]: { ...d, max: e.target.value } }))}
                          />
                        </td>
                        {panelCounts && <td className={`num${outside ? ' sel-outside' : ''}`}>{count ?? 0}</td>}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Scroll>
            <QuotaChart
              title={t('selection.chart.title', { feature: f.label })}
              bars={f.values.map((v) => {
                const q = view.quotas.find((x) => x.feature === f.key && x.value === v.value);
                const size = s.panelSize || 1;
                const count = panelCounts?.get(k(f.key, v.value));
                return {
                  label: v.label,
                  pool: n ? (view.pool?.counts[f.key]?.[v.value] ?? 0) / n : 0,
                  population: v.populationShare,
                  min: q ? q.min / size : null,
                  max: q ? q.max / size : null,
                  panel: panelCounts ? (count ?? 0) / size : undefined,
                };
              })}
            />
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || drawn || quotaFeatures.length === 0} onClick={() => void saveQuotas()}>
          {t('selection.quotas.save')}
        </button>
        <button type="button" disabled={checking || !view.pool || view.quotas.length === 0} onClick={() => void check()}>
          {t('selection.quotas.check')}
        </button>
        {checking && checkJob && (
          <button type="button" onClick={() => void hub.send('host.cancelJob', { jobId: checkJob.id }).catch(() => undefined)}>
            {t('selection.quotas.cancelCheck')}
          </button>
        )}
        <p className="save-state" role="status">
          {saved === 'settings' ? t('selection.saved') : saved === 'quotas' ? t('selection.quotas.saved', { count: view.quotas.length }) : ''}
        </p>
      </div>
      <div role="status" aria-live="polite" className="sel-job">
        {checking && (
          <p>
            <progress aria-label={t('selection.quotas.checkProgress')} /> <span>{t('selection.quotas.checking')}</span>
          </p>
        )}
        {checkCancelled && <p>{t('selection.quotas.checkCancelled')}</p>}
        {feasibility?.feasible && <p className="alert alert-info sel-ok">{t('selection.quotas.feasible')}</p>}
        {feasibility && !feasibility.feasible && (
          <div className="alert alert-error sel-infeasible">
            <p>{feasibility.reason === 'pool' ? t('selection.quotas.poolTooSmall') : t('selection.quotas.infeasible')}</p>
            {feasibility.relaxations.length > 0 && (
              <>
                <ul>
                  {feasibility.relaxations.map((r) => (
                    <li key={k(r.feature, r.value)}>
                      {labelOf(r.feature, r.value)}:{' '}
                      {r.min !== undefined && t('selection.quotas.minChange', { from: r.was.min, to: r.min })}
                      {r.min !== undefined && r.max !== undefined && ', '}
                      {r.max !== undefined && t('selection.quotas.maxChange', { from: r.was.max, to: r.max })}
                    </li>
                  ))}
                </ul>
                <button type="button" className="primary" disabled={busy || drawn} onClick={() => void applyRelaxations()}>
                  {t('selection.quotas.apply')}
                </button>
              </>
            )}
          </div>
        )}
      </div>
      <ErrorAlert error={error ?? checkError} />
    </section>
  );
}
