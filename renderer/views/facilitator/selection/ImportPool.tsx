import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature } from '../../../../shared/participants.js';
import type { PoolMapping, PoolReport, SelectionView, UploadedTable } from '../../../../shared/recruitment.js';
import type { FormatProblem } from '../../../../shared/selection.js';
import { Scroll } from './Scroll.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { selectionApi } from './api.js';

const NONE = '';
const ROWS = '\u0000rows';

export function ProblemTable({ problems, caption }: { problems: FormatProblem[]; caption: string }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, 200);
  return (
    <Scroll label={caption} className="sel-problems">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('selection.col.row')}</th>
            <th scope="col">{t('selection.col.column')}</th>
            <th scope="col">{t('selection.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i}>
              <td className="num">{p.row ?? '–'}</td>
              <td>{p.column ?? '–'}</td>
              <td>{t(`selection.problem.${p.code}`, { value: p.value ?? '' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown.length && <p className="hint">{t('selection.import.moreProblems', { count: problems.length - shown.length })}</p>}
    </Scroll>
  );
}

/** Sign-ups from CSV or XLSX: upload, map the columns, see every problem by row and column, import when clean. */
export function ImportPool({ view, features }: { view: SelectionView; features: BackgroundFeature[] }) {
  const { t } = useTranslation();
  const base = useId();
  const [upload, setUpload] = useState<UploadedTable | null>(null);
  const [mapping, setMapping] = useState<PoolMapping | null>(null);
  const [report, setReport] = useState<PoolReport | null>(null);
  const [exclude, setExclude] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const drawn = view.outcome !== null;

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    setReport(null);
    setDone(null);
    setExclude(false);
    setBusy(true);
    try {
      const up = await selectionApi<UploadedTable>('POST', `/api/selection/upload?name=${encodeURIComponent(file.name)}`, undefined, await file.arrayBuffer());
      setUpload(up);
      setMapping(up.suggested);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    if (!upload || !mapping) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await selectionApi<PoolReport>('POST', '/api/selection/validate', { uploadId: upload.uploadId, mapping }));
      setExclude(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function importNow() {
    if (!upload || !mapping || !report) return;
    setBusy(true);
    setError(null);
    try {
      const res = await selectionApi<{ imported: number }>('POST', '/api/selection/import', { uploadId: upload.uploadId, mapping, excludeRows: exclude ? report.problemRows : [] });
      setDone(res.imported);
      setUpload(null);
      setMapping(null);
      setReport(null);
    } catch (caught) {
      const body = (caught as { body?: { report?: PoolReport } }).body;
      if (body?.report) setReport(body.report);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const set = (patch: Partial<PoolMapping>) => {
    setMapping((m) => (m ? { ...m, ...patch } : m));
    setReport(null);
  };
  const header = upload?.header.filter(Boolean) ?? [];
  const single = (field: 'id' | 'name' | 'email' | 'phone' | 'postcode' | 'language') => (
    <div className="field" key={field}>
      <label htmlFor={`${base}-${field}`}>{t(`selection.map.${field}`)}</label>
      <select
        id={`${base}-${field}`}
        value={field === 'id' && mapping?.id === null ? ROWS : (mapping?.[field] ?? NONE)}
        onChange={(e) => set({ [field]: e.target.value === NONE || e.target.value === ROWS ? null : e.target.value })}
      >
        {field === 'id' ? <option value={ROWS}>{t('selection.map.rowNumbers')}</option> : <option value={NONE}>{t('selection.map.none')}</option>}
        {header.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
  const samples = (h: string) => {
    const ci = upload?.header.indexOf(h) ?? -1;
    return [...new Set((upload?.preview ?? []).map((r) => r[ci] ?? '').filter(Boolean))].slice(0, 3).join(', ');
  };
  const featureOf = (h: string) => mapping?.features.find((f) => f.column === h)?.feature ?? NONE;

  return (
    <section className="panel-section" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('selection.import.title')}</h2>
      <p className="alert alert-info">{t('selection.import.privacy', { file: view.pool?.recruitmentFile ?? t('selection.import.recruitmentFileDefault') })}</p>
      {drawn && <p className="hint">{t('selection.import.afterDraw')}</p>}
      {view.pool && (
        <p>
          {t('selection.import.current', { count: view.pool.n, file: view.inputs.find((i) => i.kind === 'people')?.name ?? '' })}{' '}
          {!view.pool.recruitmentFileFound && <span className="badge badge-warn">{t('selection.import.fileMissing')}</span>}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${base}-file`}>{t('selection.import.file')}</label>
        <p className="hint" id={`${base}-file-hint`}>
          {t('selection.import.fileHint')}
        </p>
        <input
          id={`${base}-file`}
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${base}-file-hint`}
          disabled={busy || drawn}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {done !== null && (
        <p className="alert alert-info" role="status">
          {t('selection.import.done', { count: done })}
        </p>
      )}
      {upload && mapping && (
        <div className="sel-mapping">
          <p>
            {t('selection.import.read', {
              name: upload.name,
              count: upload.rows,
              encoding: upload.encoding,
              delimiter: upload.delimiter === '\t' ? 'TAB' : upload.delimiter || '–',
            })}
          </p>
          <h3>{t('selection.map.title')}</h3>
          <div className="sel-map-grid">
            {single('id')}
            {single('name')}
            {single('email')}
            {single('phone')}
            {single('postcode')}
            {single('language')}
          </div>
          <fieldset className="field">
            <legend>{t('selection.map.address')}</legend>
            <p className="hint">{t('selection.map.addressHint')}</p>
            <div className="checks sel-checks">
              {header.map((h) => (
                <label className="check" key={h}>
                  <input
                    type="checkbox"
                    checked={mapping.address.includes(h)}
                    onChange={(e) => set({ address: e.target.checked ? [...mapping.address, h] : mapping.address.filter((a) => a !== h) })}
                  />
                  {h}
                </label>
              ))}
            </div>
          </fieldset>
          <Scroll label={t('selection.map.features')}>
            <table className="data-table sel-table">
              <caption>{t('selection.map.features')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('selection.col.column')}</th>
                  <th scope="col">{t('selection.col.examples')}</th>
                  <th scope="col">{t('selection.col.feature')}</th>
                </tr>
              </thead>
              <tbody>
                {header.map((h) => (
                  <tr key={h}>
                    <th scope="row">{h}</th>
                    <td className="muted">{samples(h)}</td>
                    <td>
                      <select
                        aria-label={t('selection.map.featureOf', { column: h })}
                        value={featureOf(h)}
                        onChange={(e) =>
                          set({
                            features: [...mapping.features.filter((f) => f.column !== h), ...(e.target.value === NONE ? [] : [{ column: h, feature: e.target.value }])],
                          })
                        }
                      >
                        <option value={NONE}>{t('selection.map.notFeature')}</option>
                        {features.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.label}
                          </option>
                        ))}
                        {!features.some((f) => f.key === h || f.label === h) && <option value={h}>{t('selection.map.newFeature', { name: h })}</option>}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void check()}>
              {t('selection.import.check')}
            </button>
          </div>
        </div>
      )}
      {report && (
        <div className="sel-report" role="status" aria-live="polite">
          <h3>{t('selection.import.report')}</h3>
          <p>
            {report.problems.length === 0
              ? t('selection.import.clean', { count: report.ok })
              : t('selection.import.problems', { count: report.problems.length, rows: report.problemRows.length, total: report.rows })}
          </p>
          {report.newFeatures.length > 0 && (
            <ul>
              {report.newFeatures.map((f) => (
                <li key={f.feature}>{t('selection.import.newFeature', { name: f.feature, values: f.values.join(', ') })}</li>
              ))}
            </ul>
          )}
          {report.problems.length > 0 && <ProblemTable problems={report.problems} caption={t('selection.import.problemCaption')} />}
          {report.problemRows.length > 0 && (
            <label className="check">
              <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} />
              {t('selection.import.exclude', { count: report.problemRows.length })}
            </label>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || report.problems.some((p) => p.row === null || p.row === 1) || (report.problemRows.length > 0 && !exclude) || report.rows === 0}
              onClick={() => void importNow()}
            >
              {t('selection.import.go', { count: report.problemRows.length > 0 && exclude ? report.rows - report.problemRows.length : report.ok })}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}

/** Quotas from a file: the Sortition Foundation's feature,value,min,max or the replication format's category,feature,min,max. */
export function ImportQuotas({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const base = useId();
  const [problems, setProblems] = useState<FormatProblem[] | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function onFile(file: File | undefined) {
    if (!file) return;
    setProblems(null);
    setDone(null);
    setError(null);
    try {
      const res = await selectionApi<{ quotas: number }>('POST', `/api/selection/quotas?name=${encodeURIComponent(file.name)}`, undefined, await file.arrayBuffer());
      setDone(res.quotas);
    } catch (caught) {
      const body = (caught as { body?: { problems?: FormatProblem[] } }).body;
      if (body?.problems) setProblems(body.problems);
      else setError(caught);
    }
  }
  return (
    <div className="field">
      <label htmlFor={`${base}-q`}>{t('selection.quotas.file')}</label>
      <p className="hint" id={`${base}-qh`}>
        {t('selection.quotas.fileHint')}
      </p>
      <input id={`${base}-q`} type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${base}-qh`} disabled={disabled} onChange={(e) => void onFile(e.target.files?.[0])} />
      <div role="status">{done !== null && <p className="save-state">{t('selection.quotas.fileDone', { count: done })}</p>}</div>
      {problems && <ProblemTable problems={problems} caption={t('selection.quotas.fileProblems', { count: problems.length })} />}
      <ErrorAlert error={error} />
    </div>
  );
}
