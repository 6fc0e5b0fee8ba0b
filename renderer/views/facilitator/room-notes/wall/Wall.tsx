import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, type TableNote } from '../../../../../shared/notes.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useCommand } from '../../../../components/useCommand.js';
import { useTopic, useTopicList } from '../../../../stores/topics.js';
import { draftsByNote, orderedItems, wallNotes, wallTables } from '../model.js';
import '../roomNotes.css';
import { Drafts } from './Drafts.js';
import { GroupDialog } from './GroupDialog.js';
import { NoteCard } from './NoteCard.js';
import { SheetLinks } from './SheetLinks.js';
import { Transcribe } from './Transcribe.js';
import { WaitingBar } from './WaitingBar.js';

/** The item select's value for "the item on stage now", which follows the clock. */
const CURRENT = '__current';
/** …and for notes written when no item was on stage. */
const NONE = '__none';

/**
 * The facilitator's live wall: every table's notes for the item on stage (or any item), a column
 * per table, filtered by kind and table. Notes are marked, selected across tables and grouped into
 * draft recommendations, which remember the notes they came from.
 */
export function Wall() {
  const { t } = useTranslation();
  const clock = useTopic('clock').clock;
  const items = orderedItems(useTopicList('agendaDays'), useTopicList('agendaItems'));
  const tables = useTopicList('tables');
  const notesById = useTopic('tableNotes');
  const allNotes = useMemo(() => Object.values(notesById), [notesById]);
  const recs = useTopicList('recommendations', 'position');

  const [itemChoice, setItemChoice] = useState<string>(CURRENT);
  const [kinds, setKinds] = useState<ReadonlySet<string>>(() => new Set(NOTE_KINDS));
  const [tableNo, setTableNo] = useState<number | null>(null);
  const [markedOnly, setMarkedOnly] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [grouping, setGrouping] = useState(false);
  const [addTo, setAddTo] = useState('');
  const [said, setSaid] = useState('');
  const add = useCommand();

  const itemId = itemChoice === CURRENT ? (clock?.itemId ?? null) : itemChoice === NONE ? null : itemChoice;
  const item = items.find((i) => i.id === itemId) ?? null;
  const notes = wallNotes(allNotes, { itemId, kinds, tableNo, markedOnly });
  const columns = wallTables(tables, allNotes).filter((no) => tableNo === null || no === tableNo);
  const sources = useMemo(() => draftsByNote(recs), [recs]);
  const tableName = (no: number) => tables.find((x) => x.no === no)?.name || t('wall.tableN', { no });

  // A note that vanished (deleted meanwhile) cannot stay selected.
  useEffect(() => {
    setSelected((s) => {
      const kept = [...s].filter((id) => notesById[id] && !notesById[id]!.deleted);
      return kept.length === s.size ? s : new Set(kept);
    });
  }, [notesById]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectedNotes = [...selected].map((id) => notesById[id]).filter((n): n is TableNote => n !== undefined);
  const selectedTables = [...new Set(selectedNotes.map((n) => n.tableNo))].sort((a, b) => a - b);
  const targetDraft = recs.find((r) => r.id === addTo) ?? recs[0];

  async function addToDraft() {
    if (!targetDraft || selected.size === 0) return;
    const count = selected.size;
    const done = await add.run('recommendations.addNotes', { recommendationId: targetDraft.id, noteIds: [...selected] });
    if (done !== undefined) {
      setSelected(new Set());
      setSaid(t('wall.addedToDraft', { count, title: targetDraft.title }));
    }
  }

  const kindAll = kinds.size === NOTE_KINDS.length;

  return (
    <div className="wall">
      <div className="wall-head">
        <div>
          <h1>{t('wall.title')}</h1>
          <p className="wall-item">
            {item ? (
              <>
                <span className="wall-item-title">{item.title}</span>
                {item.question && <span className="wall-item-question">{item.question}</span>}
              </>
            ) : (
              <span className="muted">{itemId === null ? t('wall.noItem') : ''}</span>
            )}
          </p>
        </div>
        <SheetLinks itemId={itemId} />
      </div>

      <WaitingBar />

      <section className="wall-filters" aria-label={t('wall.filters')}>
        <div className="field wall-item-field">
          <label htmlFor="wall-item">{t('wall.item')}</label>
          <select id="wall-item" value={itemChoice} onChange={(e) => { setItemChoice(e.target.value); setSelected(new Set()); }}>
            <option value={CURRENT}>
              {t('wall.currentItem', { title: items.find((i) => i.id === clock?.itemId)?.title ?? t('wall.nothingOnStage') })}
            </option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
            <option value={NONE}>{t('wall.noItemOption')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="wall-table">{t('wall.table')}</label>
          <select id="wall-table" value={tableNo ?? ''} onChange={(e) => setTableNo(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('wall.allTables')}</option>
            {wallTables(tables, allNotes).map((no) => (
              <option key={no} value={no}>
                {tableName(no)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field wall-kinds">
          <legend>{t('wall.kinds')}</legend>
          <div className="checks">
            <label className="check">
              <input type="checkbox" checked={kindAll} onChange={() => setKinds(kindAll ? new Set() : new Set(NOTE_KINDS))} />
              {t('wall.allKinds')}
            </label>
            {NOTE_KINDS.map((k) => (
              <label className="check" key={k}>
                <input
                  type="checkbox"
                  checked={kinds.has(k)}
                  onChange={() =>
                    setKinds((s) => {
                      const next = new Set(s);
                      if (next.has(k)) next.delete(k);
                      else next.add(k);
                      return next;
                    })
                  }
                />
                <span className={`wn-dot wn-${k}`} aria-hidden="true" />
                {t(`wall.kind.${k}`)}
              </label>
            ))}
            <label className="check">
              <input type="checkbox" checked={markedOnly} onChange={(e) => setMarkedOnly(e.target.checked)} />
              {t('wall.markedOnly')}
            </label>
          </div>
        </fieldset>
      </section>

      <div className="wall-selection" aria-label={t('wall.selectionLabel')} role="region" data-active={selected.size > 0}>
        <p className="wall-selection-count" aria-live="polite">
          {selected.size === 0 ? t('wall.selectHint') : t('wall.selected', { count: selected.size, tables: selectedTables.join(', ') })}
        </p>
        <div className="actions">
          <button type="button" className="primary" disabled={selected.size === 0} onClick={() => setGrouping(true)}>
            {t('wall.group')}
          </button>
          {recs.length > 0 && (
            <span className="wall-add-to">
              <label htmlFor="wall-add-to" className="sr-only">
                {t('wall.addToLabel')}
              </label>
              <select id="wall-add-to" value={targetDraft?.id ?? ''} onChange={(e) => setAddTo(e.target.value)}>
                {recs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
              <button type="button" disabled={selected.size === 0 || add.busy} onClick={() => void addToDraft()}>
                {t('wall.addTo')}
              </button>
            </span>
          )}
          {selected.size > 0 && (
            <button type="button" className="small" onClick={() => setSelected(new Set())}>
              {t('wall.clearSelection')}
            </button>
          )}
        </div>
        <ErrorAlert error={add.error} />
      </div>
      <p className="sr-only" role="status">
        {said}
      </p>

      <div className="wall-layout">
        <div className="wall-columns" data-testid="wall-columns">
          {columns.map((no) => {
            const own = notes.filter((n) => n.tableNo === no);
            return (
              <section key={no} className="wall-column" aria-labelledby={`wall-table-${no}`} data-table={no}>
                <h2 id={`wall-table-${no}`} className="wall-column-title">
                  {tableName(no)} <span className="badge">{t('wall.noteCount', { count: own.length })}</span>
                </h2>
                {own.length === 0 ? (
                  <p className="empty">{t('wall.noNotes')}</p>
                ) : (
                  <ul className="wall-notes">
                    {own.map((n) => (
                      <NoteCard key={n.id} note={n} selected={selected.has(n.id)} onToggle={toggle} drafts={sources.get(n.id) ?? []} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
          {columns.length === 0 && <p className="empty">{t('wall.noTables')}</p>}
        </div>
        <Drafts recs={recs} notesById={notesById} />
      </div>

      <Transcribe itemId={itemId} items={items} tables={tables.map((x) => x.no)} tableName={tableName} />

      <GroupDialog
        open={grouping}
        notes={selectedNotes}
        onClose={(created) => {
          setGrouping(false);
          if (created) {
            setSaid(t('wall.grouped', { count: selected.size, title: created }));
            setSelected(new Set());
          }
        }}
      />
    </div>
  );
}
