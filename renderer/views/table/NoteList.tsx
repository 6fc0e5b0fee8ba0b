import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/agenda.js';
import { runningOrder } from '../../../shared/clock.js';
import { NOTE_KINDS, type NoteConflict, type NoteKind, type NoteVersion, type TableNote } from '../../../shared/notes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hub } from '../../hub/client.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';
import { isSubmitKey } from './NoteEntry.js';
import { sendQueued, type OutboxView } from './outboxView.js';

/** A note as the secretary sees it: the hub's record with this laptop's unsent changes laid over it. */
export interface ShownNote {
  id: string;
  itemId: string | null;
  kind: NoteKind;
  text: string;
  /** ms, for ordering (newest first) */
  at: number;
  note: TableNote | null;
  /** not yet acknowledged: the note itself, an edit of it, or its deletion */
  pending: 'add' | 'edit' | 'delete' | null;
  /** the version an edit made now is based on: the hub's version plus the edits still queued */
  baseVersion: number;
}

export function shownNotes(notes: Record<string, TableNote>, tableNo: number, outbox: OutboxView): ShownNote[] {
  const out: ShownNote[] = [];
  const known = new Set<string>();
  for (const note of Object.values(notes)) {
    if (note.tableNo !== tableNo) continue;
    known.add(note.id);
    if (note.deleted) continue;
    const edit = outbox.edits.get(note.id);
    out.push({
      id: note.id,
      itemId: note.itemId,
      kind: edit?.kind ?? note.kind,
      text: edit?.text ?? note.text,
      at: Date.parse(note.createdAt),
      note,
      pending: outbox.deletes.has(note.id) ? 'delete' : edit ? 'edit' : null,
      baseVersion: note.version + (edit?.count ?? 0),
    });
  }
  for (const add of outbox.adds.values()) {
    if (known.has(add.id)) continue;
    const edit = outbox.edits.get(add.id);
    out.push({
      id: add.id,
      itemId: add.itemId,
      kind: edit?.kind ?? add.kind,
      text: edit?.text ?? add.text,
      at: add.at,
      note: null,
      pending: outbox.deletes.has(add.id) ? 'delete' : 'add',
      baseVersion: 1 + (edit?.count ?? 0),
    });
  }
  return out.sort((a, b) => b.at - a.at);
}

/** The items a selector offers: the one on stage and every item with notes at this table, in programme order. */
export function itemsWithNotes(order: AgendaItem[], notes: ShownNote[], currentId: string | null): { id: string | null; item: AgendaItem | null }[] {
  const used = new Set(notes.map((n) => n.itemId));
  const list: { id: string | null; item: AgendaItem | null }[] = order.filter((i) => used.has(i.id) || i.id === currentId).map((item) => ({ id: item.id, item }));
  // Items this screen does not know (yet): a page reopened offline has only its queued notes.
  const known = new Set(order.map((i) => i.id));
  for (const id of used) if (id !== null && !known.has(id)) list.push({ id, item: null });
  if (used.has(null)) list.push({ id: null, item: null });
  return list;
}

/** The selector's value for "every item". */
const ALL = '*';

function timeOf(ms: number, lng: string): string {
  return Number.isFinite(ms) ? new Date(ms).toLocaleTimeString(lng, { hour: '2-digit', minute: '2-digit' }) : '';
}

/** The notes of one item at this table, grouped by kind, newest first; a selector for earlier items. */
export function NoteList({ tableNo, outbox }: { tableNo: number; outbox: OutboxView }) {
  const { t } = useTranslation();
  const notes = useTopic('tableNotes');
  const items = useTopic('agendaItems');
  const days = useTopic('agendaDays');
  const currentId = useTopic('clock').clock?.itemId ?? null;
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const ids = useId();

  const shown = useMemo(() => shownNotes(notes, tableNo, outbox), [notes, tableNo, outbox]);
  const order = useMemo(() => runningOrder(Object.values(days), Object.values(items)), [days, items]);
  const options = itemsWithNotes(order, shown, currentId);
  // Follow the item on stage unless the secretary picked another one; before the first snapshot
  // (a page reopened offline) show every note.
  const clockKnown = useTopic('clock').clock !== undefined;
  const selected: string | null = chosen === undefined ? (clockKnown ? currentId : ALL) : chosen;
  const selectKey = selected ?? '';
  const list = selected === ALL ? shown : shown.filter((n) => n.itemId === selected);
  const selectedItem = selected && selected !== ALL ? (items[selected] ?? null) : null;
  const following = chosen === undefined;

  return (
    <section aria-labelledby={`${ids}-h`} className="panel-section notes-section">
      <div className="notes-head">
        <h2 id={`${ids}-h`}>
          {t('notes.listTitle')} <span className="badge">{list.length}</span>
        </h2>
        <div className="item-picker">
          <label htmlFor={`${ids}-item`}>{t('notes.itemLabel')}</label>
          <select
            id={`${ids}-item`}
            value={selectKey}
            onChange={(e) => {
              const v = e.target.value;
              setChosen(clockKnown && v === (currentId ?? '') ? undefined : v === '' ? null : v);
            }}
          >
            {!options.some((o) => o.id === selected) && selected !== ALL && <option value={selectKey}>{t('notes.noItem')}</option>}
            {options.map(({ id, item }) => (
              <option key={id ?? ''} value={id ?? ''}>
                {item ? (id === currentId ? t('notes.itemNow', { title: item.title }) : item.title) : id ? t('notes.itemUnknown') : t('notes.noItem')}
              </option>
            ))}
            <option value={ALL}>{t('notes.allItems')}</option>
          </select>
        </div>
      </div>
      {!following && selected !== currentId && (
        <p className="alert alert-info earlier-note">
          {selected === ALL ? t('notes.showingAll') : t('notes.earlierItem', { title: selectedItem?.title ?? t('notes.noItem') })}{' '}
          <button type="button" className="small" onClick={() => setChosen(undefined)}>
            {t('notes.backToNow')}
          </button>
        </p>
      )}
      {list.length === 0 ? (
        <p className="empty">{t('notes.noneYet')}</p>
      ) : (
        NOTE_KINDS.map((kind) => {
          const group = list.filter((n) => n.kind === kind);
          if (group.length === 0) return null;
          return (
            <section key={kind} className={`note-group kind-group-${kind}`} aria-labelledby={`${ids}-${kind}`}>
              <h3 id={`${ids}-${kind}`}>
                {t(`notes.kindPlural.${kind}`)} <span className="group-count">({group.length})</span>
              </h3>
              <ul className="note-cards">
                {group.map((n) => (
                  <NoteCard key={n.id} shown={n} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}

function NoteCard({ shown }: { shown: ShownNote }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const note = shown.note;
  const conflicts = note?.conflicts ?? [];
  const textId = useId();

  return (
    <li className={`note-card kind-border-${shown.kind} ${shown.pending ? `pending pending-${shown.pending}` : ''} ${conflicts.length ? 'has-conflict' : ''}`} aria-describedby={textId}>
      {editing ? (
        <EditNote
          shown={shown}
          onDone={() => {
            setEditing(false);
            editButton.current?.focus();
          }}
        />
      ) : (
        <>
          <p className="note-text-shown" id={textId}>
            {shown.text}
          </p>
          {note?.photoId && (
            <a href={`/api/photos/${note.photoId}`} target="_blank" rel="noopener noreferrer" className="photo-thumb-link">
              <img src={`/api/photos/${note.photoId}`} alt={t('notes.photoAlt', { text: shown.text })} className="photo-thumb" loading="lazy" />
            </a>
          )}
          <div className="note-meta">
            <span className="note-time">{timeOf(shown.at, i18n.language)}</span>
            {note && note.version > 1 && <span className="muted">{t('notes.edited', { version: note.version })}</span>}
            {note?.transcribedBy && <span className="muted">{t('notes.transcribed', { name: note.transcribedBy })}</span>}
            {shown.pending && <span className="badge badge-warn pending-badge">{t(`notes.pending.${shown.pending}`)}</span>}
            <span className="note-actions">
              <button ref={editButton} type="button" className="small" onClick={() => setEditing(true)} disabled={shown.pending === 'delete'}>
                {t('notes.edit')}
              </button>
              {note && (
                <button type="button" className="small" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
                  {t('notes.history')}
                </button>
              )}
              <button type="button" className="small danger" onClick={() => setConfirmDelete(true)} disabled={shown.pending === 'delete'}>
                {t('notes.delete')}
              </button>
            </span>
          </div>
        </>
      )}
      {note && conflicts.map((c) => <ConflictBox key={c.id} note={note} conflict={c} />)}
      {showHistory && note && <History noteId={note.id} />}
      <ConfirmDialog
        open={confirmDelete}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteText', { text: shown.text.length > 120 ? `${shown.text.slice(0, 117)}…` : shown.text })}
        confirmLabel={t('notes.delete')}
        danger
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          void sendQueued('notes.delete', { noteId: shown.id, baseVersion: shown.baseVersion }).catch(() => undefined);
        }}
      />
    </li>
  );
}

function EditNote({ shown, onDone }: { shown: ShownNote; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<NoteKind>(shown.kind);
  const [text, setText] = useState(shown.text);
  const [empty, setEmpty] = useState(false);
  const ids = useId();

  function save() {
    const value = text.trim();
    if (!value) {
      setEmpty(true);
      return;
    }
    if (value !== shown.text || kind !== shown.kind) {
      void sendQueued('notes.edit', { noteId: shown.id, baseVersion: shown.baseVersion, kind, text: value }).catch(() => undefined);
    }
    onDone();
  }

  return (
    <div className="note-edit">
      <label htmlFor={`${ids}-text`}>{t('notes.editLabel')}</label>
      <textarea
        id={`${ids}-text`}
        value={text}
        rows={3}
        maxLength={4000}
        autoFocus
        aria-describedby={`${ids}-hint${empty ? ` ${ids}-empty` : ''}`}
        aria-invalid={empty}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          } else if (isSubmitKey(e)) {
            e.preventDefault();
            save();
          }
        }}
      />
      {empty && (
        <p className="field-error" id={`${ids}-empty`}>
          {t('notes.textRequired')}
        </p>
      )}
      <p className="hint" id={`${ids}-hint`}>
        {t('notes.editHint')}
      </p>
      <div className="actions">
        <label htmlFor={`${ids}-kind`} className="sr-only">
          {t('notes.kindLabel')}
        </label>
        <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)} className="kind-select">
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`notes.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" className="primary small" onClick={save}>
          {t('common.save')}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Two devices changed the note at once: both texts, and three ways out. Nothing is lost meanwhile. */
function ConflictBox({ note, conflict }: { note: TableNote; conflict: NoteConflict }) {
  const { t, i18n } = useTranslation();
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(() => `${note.text}\n${conflict.text}`);
  const ids = useId();

  function resolve(keep: 'current' | 'conflict' | 'text') {
    const input =
      keep === 'text'
        ? { noteId: note.id, conflictId: conflict.id, keep, text: merged.trim() }
        : { noteId: note.id, conflictId: conflict.id, keep };
    if (keep === 'text' && !merged.trim()) return;
    void sendQueued('notes.resolveConflict', input).catch(() => undefined);
  }

  return (
    <div className="conflict-box" role="group" aria-labelledby={`${ids}-h`}>
      <p className="conflict-title" id={`${ids}-h`}>
        <strong>{t('notes.conflictTitle')}</strong>
      </p>
      <div className="conflict-versions">
        <div className="conflict-version">
          <p className="conflict-label">{t('notes.conflictCurrent')}</p>
          <p className="conflict-text">
            <span className="badge">{t(`notes.kind.${note.kind}`)}</span> {note.text}
          </p>
        </div>
        <div className="conflict-version">
          <p className="conflict-label">
            {t('notes.conflictOther', { device: conflict.deviceName, time: timeOf(Date.parse(conflict.at), i18n.language) })}
          </p>
          {conflict.deleted ? (
            <p className="conflict-text">{t('notes.conflictDeleted')}</p>
          ) : (
            <p className="conflict-text">
              <span className="badge">{t(`notes.kind.${conflict.kind}`)}</span> {conflict.text}
            </p>
          )}
        </div>
      </div>
      {merging ? (
        <div className="conflict-merge">
          <label htmlFor={`${ids}-merged`}>{t('notes.conflictMergedLabel')}</label>
          <textarea id={`${ids}-merged`} rows={3} value={merged} onChange={(e) => setMerged(e.target.value)} autoFocus maxLength={4000} />
          <div className="actions">
            <button type="button" className="primary small" onClick={() => resolve('text')} disabled={!merged.trim()}>
              {t('notes.conflictSaveMerged')}
            </button>
            <button type="button" className="small" onClick={() => setMerging(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="small" onClick={() => resolve('current')}>
            {t('notes.conflictKeepCurrent')}
          </button>
          <button type="button" className="small" onClick={() => resolve('conflict')}>
            {conflict.deleted ? t('notes.conflictTakeDelete') : t('notes.conflictTakeOther')}
          </button>
          <button type="button" className="small" onClick={() => setMerging(true)}>
            {t('notes.conflictWriteMerged')}
          </button>
        </div>
      )}
    </div>
  );
}

function History({ noteId }: { noteId: string }) {
  const { t, i18n } = useTranslation();
  const online = useConnection((s) => s.status === 'open' && s.synced);
  const [versions, setVersions] = useState<NoteVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Asked once the hub is reachable (a query is not worth queueing on the laptop).
  const ask = online && versions === null && error === null;
  useEffect(() => {
    if (!ask) return;
    let alive = true;
    hub.send('notes.history', { noteId }).then(
      (v) => alive && setVersions(v),
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [ask, noteId]);
  if (!online && versions === null) return <p className="muted history">{t('notes.historyOffline')}</p>;
  if (error) return <ErrorAlert error={error} />;
  if (versions === null) return <p className="muted history">{t('common.loading')}</p>;
  return (
    <ul className="history" aria-label={t('notes.historyTitle')}>
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <li key={v.version}>
            <span className="history-meta">
              {t('notes.historyVersion', { version: v.version })} · {timeOf(Date.parse(v.at), i18n.language)} · {v.deviceName}
            </span>{' '}
            {v.deleted ? <em>{t('notes.historyDeleted')}</em> : <span>{`${t(`notes.kind.${v.kind}`)}: ${v.text}`}</span>}
          </li>
        ))}
    </ul>
  );
}
