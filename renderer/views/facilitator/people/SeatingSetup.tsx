import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature, PanelTable, SeatingSettings } from '../../../../shared/participants.js';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';

/** Rounds, tables (count, capacity, language, accessible) and the features each table should mirror. */
export function SeatingSetup({ tables, settings, features, seatCount }: { tables: PanelTable[]; settings: SeatingSettings | undefined; features: BackgroundFeature[]; seatCount: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const base = useId();
  const { run, error } = useCommand();
  const [count, setCount] = useState(String(tables.length || 6));
  const [capacity, setCapacity] = useState(String(tables[0]?.capacity ?? 7));
  const capacityTotal = tables.reduce((s, x) => s + x.capacity, 0);
  // Ticked boxes show at once; the hub's answer replaces them.
  const saved = settings?.diversify ?? [];
  const [local, setLocal] = useState<string[] | null>(null);
  const savedKey = saved.join(',');
  useEffect(() => setLocal(null), [savedKey]);
  const diversify = local ?? saved;
  const setDiversify = (next: string[]) => {
    setLocal(next);
    void run('seating.settings', { diversify: next });
  };

  return (
    <section className="panel-section seating-setup" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('seating.setup.title')}</h2>
      <div className="seating-setup-grid">
        <div className="field">
          <label htmlFor={`${base}-rounds`}>{t('seating.setup.rounds')}</label>
          <input
            id={`${base}-rounds`}
            type="number"
            min={1}
            max={12}
            value={settings?.rounds ?? 2}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 12) void run('seating.settings', { rounds: n });
            }}
          />
        </div>
        <form
          className="seating-table-count"
          onSubmit={(e) => {
            e.preventDefault();
            void run('seating.setTableCount', { count: Number(count), capacity: Number(capacity) });
          }}
        >
          <div className="field">
            <label htmlFor={`${base}-count`}>{t('seating.setup.tableCount')}</label>
            <input id={`${base}-count`} type="number" min={0} max={200} value={count} onChange={(e) => setCount(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${base}-cap`}>{t('seating.setup.capacity')}</label>
            <input id={`${base}-cap`} type="number" min={1} max={40} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          </div>
          <button type="submit">{t('seating.setup.applyTables')}</button>
        </form>
      </div>
      <p className={capacityTotal < seatCount ? 'alert alert-error' : 'muted'} role="status">
        {t('seating.setup.seats', { seats: capacityTotal, people: seatCount, tables: tables.length })}
      </p>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {tables.length > 0 && (
        <details className="seating-tables-details">
          <summary>{t('seating.setup.editTables')}</summary>
          <table className="data-table seating-tables-table">
            <caption className="sr-only">{t('seating.setup.tablesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seating.setup.table')}</th>
                <th scope="col">{t('seating.setup.name')}</th>
                <th scope="col">{t('seating.setup.capacity')}</th>
                <th scope="col">{t('seating.setup.language')}</th>
                <th scope="col">{t('seating.setup.accessible')}</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((tb) => (
                <tr key={tb.no}>
                  <th scope="row">{tb.no}</th>
                  <td>
                    <input
                      aria-label={t('seating.setup.nameOf', { no: tb.no })}
                      defaultValue={tb.name}
                      maxLength={60}
                      onBlur={(e) => e.target.value !== tb.name && void run('seating.setTable', { no: tb.no, name: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('seating.setup.capacityOf', { no: tb.no })}
                      type="number"
                      min={1}
                      max={40}
                      value={tb.capacity}
                      onChange={(e) => {
                        const n = Number(e.target.value);
                        if (Number.isInteger(n) && n >= 1 && n <= 40) void run('seating.setTable', { no: tb.no, capacity: n });
                      }}
                    />
                  </td>
                  <td>
                    <select aria-label={t('seating.setup.languageOf', { no: tb.no })} value={tb.language} onChange={(e) => void run('seating.setTable', { no: tb.no, language: e.target.value as PanelTable['language'] })}>
                      {(['fi', 'sv', 'en'] as const).map((l) => (
                        <option key={l} value={l}>
                          {t(`languages.${l}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('seating.setup.accessibleOf', { no: tb.no })}
                      checked={tb.accessible}
                      onChange={(e) => void run('seating.setTable', { no: tb.no, accessible: e.target.checked })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <fieldset className="field seating-features">
        <legend>{t('seating.setup.diversify')}</legend>
        <p className="hint">{t('seating.setup.diversifyHint')}</p>
        {features.length === 0 ? (
          <p className="empty">{t('seating.setup.noFeatures')}</p>
        ) : (
          <div className="checks">
            {features.map((f) => (
              <label className="check" key={f.key}>
                <input
                  type="checkbox"
                  checked={diversify.includes(f.key)}
                  onChange={(e) => setDiversify(e.target.checked ? [...diversify, f.key] : diversify.filter((k) => k !== f.key))}
                />
                {f.label}
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </section>
  );
}
