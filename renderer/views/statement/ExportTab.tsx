import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementLanguage } from '../../../shared/statement.js';
import { useTopic } from '../../stores/topics.js';
import { useDraft } from './model.js';

const FORMATS = ['docx', 'pdf', 'html', 'md', 'csv', 'json'] as const;
const FOLLOW_UP_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;

/** The statement for the record and the web: every format from the one document model. */
export function ExportTab() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const main = draft.meta?.mainLanguage ?? 'fi';
  const second = draft.meta?.secondLanguage ?? null;
  const languages: StatementLanguage[] = second ? [main, second] : [main];
  const [lang, setLang] = useState<StatementLanguage>(main);
  const followUps = useTopic('statementFollowUp');
  const recs = draft.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'recommendation');
  const answered = recs.filter((b) => followUps[b.id]).length;
  return (
    <section aria-labelledby="statement-export-title" className="statement-export">
      <h2 id="statement-export-title">{t('statement.export.title')}</h2>
      <p>{t('statement.export.intro')}</p>
      <div className="field narrow-field">
        <label htmlFor={`${id}-lang`}>{t('statement.export.language')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as StatementLanguage)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ul className="export-links">
        {FORMATS.map((format) => (
          <li key={format}>
            <a href={`/api/export/statement.${format}?lang=${lang}`} download>
              {t(`statement.export.format.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      <p className="muted">{t('statement.export.archiveHint')}</p>
      <h3 id="statement-followup-title">{t('statement.export.followUpTitle')}</h3>
      <p>{t('statement.export.followUpIntro', { answered, count: recs.length })}</p>
      <ul className="export-links" aria-labelledby="statement-followup-title">
        {FOLLOW_UP_FORMATS.map((format) => (
          <li key={format}>
            <a href={`/api/export/followup.${format}?lang=${lang}`} download>
              {t(`statement.export.followUpFormat.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
