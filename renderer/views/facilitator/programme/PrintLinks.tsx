import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelTable } from '../../../../shared/participants.js';
import { useConnection } from '../../../stores/connection.js';
import { useTopicList } from '../../../stores/topics.js';
import './printLinks.css';

const byNo = (a: PanelTable, b: PanelTable) => a.no - b.no;

function printLang(language: string): 'fi' | 'sv' | 'en' {
  const base = language.slice(0, 2);
  return base === 'sv' || base === 'en' ? base : 'fi';
}

/**
 * "Tulosta ohjelma": the programme as PDF for the room and for each table, and the planned-versus-
 * actual log as CSV. Managers see every link; a table laptop sees the room's and its own table's.
 * The hub checks the same rules (GET /api/print/programme.pdf, GET /api/export/actual-log.csv).
 */
export function PrintLinks({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const principal = useConnection((s) => s.principal);
  const tables = useTopicList('tables', byNo);
  if (!principal) return null;
  const manager = principal.role === 'facilitator' || principal.role === 'cofacilitator';
  const ownTable = principal.role === 'secretary' ? principal.tableNo : null;
  if (!manager && ownTable === null) return null;

  const lang = printLang(i18n.language);
  const pdf = (table?: number) => `/api/print/programme.pdf?lang=${lang}${table === undefined ? '' : `&table=${table}`}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const newTab = <span className="sr-only"> ({t('print.newTab')})</span>;

  return (
    <section className="print-links" aria-labelledby={id}>
      <Heading id={id}>{t('print.section')}</Heading>
      <p className="muted">{t('print.lead')}</p>
      <ul className="print-links-main">
        <li>
          <a className="print-link" href={pdf()} target="_blank" rel="noopener">
            {t('print.roomPdf')}
            {newTab}
          </a>
        </li>
        {ownTable !== null && (
          <li>
            <a className="print-link" href={pdf(ownTable)} target="_blank" rel="noopener">
              {t('print.ownTablePdf', { no: ownTable })}
              {newTab}
            </a>
          </li>
        )}
      </ul>
      {manager && (
        <>
          <p className="print-links-label" id={`${id}-tables`}>
            {t('print.tablesLabel')}
          </p>
          {tables.length === 0 ? (
            <p className="empty">{t('print.noTables')}</p>
          ) : (
            <ul className="print-links-tables" aria-labelledby={`${id}-tables`}>
              {tables.map((table) => (
                <li key={table.no}>
                  <a className="print-link print-link-table" href={pdf(table.no)} target="_blank" rel="noopener">
                    {t('print.tablePdf', { no: table.no })}
                    {newTab}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p className="print-links-label">{t('print.logTitle')}</p>
          <ul className="print-links-main">
            <li>
              <a className="print-link" href={`/api/export/actual-log.csv?lang=${lang}`} download>
                {t('print.actualLog')}
              </a>
              <span className="hint"> {t('print.logHint')}</span>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
