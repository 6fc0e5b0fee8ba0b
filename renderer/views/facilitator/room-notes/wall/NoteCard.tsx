import { useTranslation } from 'react-i18next';
import type { TableNote } from '../../../../../shared/notes.js';
import type { DraftRecommendation } from '../../../../../shared/recommendations.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useCommand } from '../../../../components/useCommand.js';
import { deviceLabel } from '../model.js';

interface Props {
  note: TableNote;
  selected: boolean;
  onToggle: (id: string) => void;
  drafts: DraftRecommendation[];
}

function clockTime(iso: string, lng: string): string {
  return new Date(iso).toLocaleTimeString(lng, { hour: '2-digit', minute: '2-digit' });
}

/** One table note on the wall: select it (checkbox), mark it (star), see its kind, origin, conflicts. */
export function NoteCard({ note, selected, onToggle, drafts }: Props) {
  const { t, i18n } = useTranslation();
  const mark = useCommand();
  const checkId = `note-check-${note.id}`;
  const kind = t(`wall.kind.${note.kind}`);
  return (
    <li className={`wall-note wn-${note.kind}${selected ? ' is-selected' : ''}${note.marked ? ' is-marked' : ''}${note.conflicts.length ? ' wall-has-conflict' : ''}`} data-note-id={note.id}>
      <div className="wall-note-top">
        <input id={checkId} type="checkbox" checked={selected} onChange={() => onToggle(note.id)} aria-label={t('wall.selectNote', { kind, text: note.text.slice(0, 80) })} />
        <span className="wall-note-kind">{kind}</span>
        <button
          type="button"
          className="star"
          aria-pressed={note.marked}
          disabled={mark.busy}
          onClick={() => void mark.run('notes.mark', { noteId: note.id, marked: !note.marked })}
          aria-label={note.marked ? t('wall.unmark', { text: note.text.slice(0, 60) }) : t('wall.mark', { text: note.text.slice(0, 60) })}
          title={note.marked ? t('wall.marked') : t('wall.markShort')}
        >
          <span aria-hidden="true">{note.marked ? '★' : '☆'}</span>
        </button>
      </div>
      <label htmlFor={checkId} className="wall-note-text">
        {note.text}
      </label>
      {note.photoId && (
        <a className="wall-note-photo" href={`/api/photos/${encodeURIComponent(note.photoId)}`} target="_blank" rel="noopener">
          <img src={`/api/photos/${encodeURIComponent(note.photoId)}`} alt={t('wall.photoAlt', { no: note.tableNo })} loading="lazy" />
        </a>
      )}
      <p className="wall-note-meta">
        <time dateTime={note.createdAt}>{clockTime(note.createdAt, i18n.language)}</time>
        {note.transcribedBy !== null && <span className="badge wall-transcribed">{t('wall.transcribedBy', { name: deviceLabel(note.transcribedBy, t('roles.facilitator')) })}</span>}
        {note.version > 1 && <span>{t('wall.edited')}</span>}
      </p>
      {note.conflicts.length > 0 && (
        <p className="wall-conflict">
          <span aria-hidden="true">⚠ </span>
          {t('wall.conflict', { count: note.conflicts.length })}
        </p>
      )}
      {drafts.length > 0 && (
        <p className="wall-note-drafts">
          {t('wall.inDrafts', { count: drafts.length, titles: drafts.map((d) => d.title).join(', ') })}
        </p>
      )}
      <ErrorAlert error={mark.error} />
    </li>
  );
}
