import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableNote } from '../../../../../shared/notes.js';
import type { DraftRecommendation } from '../../../../../shared/recommendations.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useCommand } from '../../../../components/useCommand.js';
import { sourceTables } from '../model.js';

/** The side list of draft recommendations: how many notes each came from, and from which tables. */
export function Drafts({ recs, notesById }: { recs: DraftRecommendation[]; notesById: Record<string, TableNote> }) {
  const { t } = useTranslation();
  return (
    <aside className="wall-drafts" aria-labelledby="wall-drafts-title">
      <h2 id="wall-drafts-title">{t('wall.drafts')}</h2>
      {recs.length === 0 ? (
        <p className="empty">{t('wall.noDrafts')}</p>
      ) : (
        <ul className="draft-list">
          {recs.map((r) => (
            <Draft key={r.id} rec={r} notesById={notesById} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function Draft({ rec, notesById }: { rec: DraftRecommendation; notesById: Record<string, TableNote> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unlink = useCommand();
  const tables = sourceTables(rec, notesById);
  const count = rec.sourceNoteIds.length;
  const listId = `draft-sources-${rec.id}`;
  return (
    <li className="draft" data-draft-id={rec.id}>
      <h3 className="draft-title">{rec.title}</h3>
      <p className="draft-meta">
        {count === 0 ? t('wall.draftNoSources') : t('wall.draftSources', { count, tables: tables.join(', ') })}
      </p>
      {count > 0 && (
        <button type="button" className="small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          {open ? t('wall.hideSources') : t('wall.showSources')}
        </button>
      )}
      {open && (
        <ul className="draft-sources" id={listId} aria-label={t('wall.sourcesOf', { title: rec.title })}>
          {rec.sourceNoteIds.map((id) => {
            const n = notesById[id];
            return (
              <li key={id}>
                {n ? (
                  <>
                    <span className="badge">{t('wall.tableN', { no: n.tableNo })}</span> <span className="draft-source-text">{n.text}</span>
                  </>
                ) : (
                  <span className="muted">{t('wall.sourceGone')}</span>
                )}
                <button
                  type="button"
                  className="small draft-unlink"
                  disabled={unlink.busy}
                  onClick={() => void unlink.run('recommendations.removeNote', { recommendationId: rec.id, noteId: id })}
                  aria-label={t('wall.unlinkNamed', { text: n?.text.slice(0, 60) ?? '' })}
                >
                  {t('wall.unlink')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert error={unlink.error} />
    </li>
  );
}
