import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature } from '../../../../shared/participants.js';
import type { SelectionView } from '../../../../shared/recruitment.js';
import { Scroll } from './Scroll.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';
import { percent } from './api.js';

const k = (feature: string, value: string) => `${feature}\u0000${value}`;

/**
 * Recruitment figures: invitations sent (in total and per value where known), sign-ups, response
 * rates, and the population's shares per value (e.g. from Statistics Finland).
 */
export function Recruitment({ view, features }: { view: SelectionView; features: BackgroundFeature[] }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const { run, busy, error } = useCommand();
  const [saved, setSaved] = useState(false);
  const [total, setTotal] = useState<string>(view.invitations.total === null ? '' : String(view.invitations.total));
  const [shares, setShares] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const f of features) for (const v of f.values) out[k(f.key, v.value)] = v.populationShare === null ? '' : String(Number((v.populationShare * 100).toFixed(2)));
    return out;
  });
  const [invites, setInvites] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const r of view.invitations.perValue) out[k(r.feature, r.value)] = String(r.invitations);
    return out;
  });
  const pool = view.pool;
  const totalNum = view.invitations.total;

  async function save() {
    setSaved(false);
    const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s.replace(',', '.')));
    const perValue = features.flatMap((f) => f.values.map((v) => ({ feature: f.key, value: v.value, invitations: num(invites[k(f.key, v.value)]) }))).filter((r) => r.invitations === null || Number.isInteger(r.invitations));
    const done = await run('selection.setInvitations', { total: num(total), perValue: perValue.map((r) => ({ ...r, invitations: r.invitations === null ? null : Math.max(0, Math.round(r.invitations)) })) });
    if (done === undefined) return;
    for (const f of features) {
      const list = f.values.map((v) => {
        const s = num(shares[k(f.key, v.value)]);
        return { value: v.value, share: s === null || Number.isNaN(s) ? null : Math.min(1, Math.max(0, s / 100)) };
      });
      if ((await run('selection.setShares', { feature: f.key, shares: list })) === undefined) return;
    }
    setSaved(true);
  }

  return (
    <section className="panel-section" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('selection.recruitment.title')}</h2>
      <p className="hint">{t('selection.recruitment.hint')}</p>
      <div className="sel-figures">
        <div className="field">
          <label htmlFor={`${base}-total`}>{t('selection.recruitment.invitations')}</label>
          <input id={`${base}-total`} inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} size={8} />
        </div>
        <dl className="sel-stats">
          <div>
            <dt>{t('selection.recruitment.signups')}</dt>
            <dd>{pool?.n ?? 0}</dd>
          </div>
          <div>
            <dt>{t('selection.recruitment.response')}</dt>
            <dd>{pool && totalNum ? percent(pool.n / totalNum, i18n.language) : '–'}</dd>
          </div>
          <div>
            <dt>{t('selection.recruitment.households')}</dt>
            <dd>{pool?.households ?? 0}</dd>
          </div>
        </dl>
      </div>
      {features.length === 0 ? (
        <p>{t('selection.recruitment.noFeatures')}</p>
      ) : (
        features.map((f) => (
          <Scroll label={f.label} key={f.key}>
            <table className="data-table sel-table">
              <caption>{f.label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('selection.col.value')}</th>
                  <th scope="col">{t('selection.col.populationShare')}</th>
                  <th scope="col">{t('selection.col.invitations')}</th>
                  <th scope="col">{t('selection.col.signups')}</th>
                  <th scope="col">{t('selection.col.response')}</th>
                </tr>
              </thead>
              <tbody>
                {f.values.map((v) => {
                  const key = k(f.key, v.value);
                  const count = pool?.counts[f.key]?.[v.value] ?? 0;
                  const inv = view.invitations.perValue.find((r) => r.feature === f.key && r.value === v.value)?.invitations;
                  return (
                    <tr key={v.value}>
                      <th scope="row">{v.label}</th>
                      <td>
                        <input
                          aria-label={t('selection.recruitment.shareOf', { value: v.label })}
                          inputMode="decimal"
                          size={6}
                          value={shares[key] ?? ''}
                          onChange={(e) => setShares((s) => ({ ...s, [key]: e.target.value }))}
                        />{' '}
                        %
                      </td>
                      <td>
                        <input
                          aria-label={t('selection.recruitment.invitationsOf', { value: v.label })}
                          inputMode="numeric"
                          size={7}
                          value={invites[key] ?? ''}
                          onChange={(e) => setInvites((s) => ({ ...s, [key]: e.target.value }))}
                        />
                      </td>
                      <td className="num">{count}</td>
                      <td className="num">{inv ? percent(count / inv, i18n.language) : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Scroll>
        ))
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('selection.recruitment.save')}
        </button>
        <p className="save-state" role="status">
          {saved ? t('selection.saved') : ''}
        </p>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
