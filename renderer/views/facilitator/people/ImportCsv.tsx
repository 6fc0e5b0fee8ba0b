import Papa from 'papaparse';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_ROWS, ROSTER_CSV_COLUMNS, validateImport, type BackgroundFeature, type ImportProblem, type ImportRow } from '../../../../shared/participants.js';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';

/**
 * Import from CSV (UTF-8, comma or semicolon): checked here row by row and column by column
 * before anything is sent; nothing is imported until the file is clean. The hub checks again.
 */
export function ImportCsv({ features, existingNames, existingEmails, onDone }: { features: BackgroundFeature[]; existingNames: string[]; existingEmails: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const inputId = useId();
  const { run, busy, error } = useCommand();
  const [file, setFile] = useState<string | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [done, setDone] = useState<number | null>(null);

  function check(parsed: ImportRow[]) {
    const result = validateImport(parsed, { existingDisplayNames: existingNames, existingEmails, features });
    const tooMany: ImportProblem[] = parsed.length > MAX_IMPORT_ROWS ? [{ row: 0, column: '', kind: 'invalid', value: String(parsed.length) }] : [];
    setRows(parsed);
    setProblems([...tooMany, ...result.problems]);
  }

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setDone(null);
    if (!f) return;
    setFile(f.name);
    Papa.parse<ImportRow>(f, {
      header: true,
      skipEmptyLines: 'greedy',
      transformHeader: (h) => h.trim(),
      complete: (res) => check(res.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v ?? '')])))),
    });
  }

  async function importRows() {
    const result = await run('roster.import', { rows });
    if (result) {
      setDone(result.ids.length);
      setRows([]);
      setProblems([]);
      setFile(null);
    }
  }

  const template = [...ROSTER_CSV_COLUMNS, ...features.map((f) => f.key)].join(',');

  return (
    <section className="card import-card" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('roster.import.title')}</h2>
      <p className="hint">{t('roster.import.lead')}</p>
      <p className="hint">
        {t('roster.import.columns')} <code className="import-template">{template}</code>
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t('roster.import.file')}</label>
        <input id={inputId} type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
      {file && (
        <div role="status" aria-live="polite">
          {problems.length > 0 ? (
            <p className="alert alert-error">{t('roster.import.problems', { count: problems.length, file })}</p>
          ) : (
            rows.length > 0 && <p className="alert alert-info">{t('roster.import.clean', { count: rows.length, file })}</p>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <div className="table-scroll">
          <table className="data-table import-problems">
            <caption className="sr-only">{t('roster.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.import.row')}</th>
                <th scope="col">{t('roster.import.column')}</th>
                <th scope="col">{t('roster.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.slice(0, 200).map((p, i) => (
                <tr key={i}>
                  <td>{p.row === 0 ? t('roster.import.header') : p.row + 1}</td>
                  <td>
                    <code>{p.column}</code>
                  </td>
                  <td>{t(`roster.import.kind.${p.kind}`, { value: p.value ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {done !== null && (
        <p className="alert alert-info" role="status">
          {t('roster.import.done', { count: done })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || rows.length === 0 || problems.length > 0} onClick={() => void importRows()}>
          {t('roster.import.go', { count: rows.length })}
        </button>
        <button type="button" onClick={onDone}>
          {t('roster.import.close')}
        </button>
      </div>
    </section>
  );
}
