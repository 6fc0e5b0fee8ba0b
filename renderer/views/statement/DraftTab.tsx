import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockKind, StatementBlockRecord, StatementSectionRecord } from '../../../shared/statement.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';
import { BlockEditor } from './BlockEditor.js';
import { RichText } from './RichText.js';
import { activeLock, blockLabel, personName, useDraft, type DraftModel } from './model.js';

function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The statement's title and summary. */
function MetaEditor({ draft }: { draft: DraftModel }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const { run, busy, error } = useCommand();
  const meta = draft.meta;
  if (!open)
    return (
      <section className="statement-meta" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{meta?.title ?? t('statement.untitled')}</h2>
        {meta?.summary ? <RichText text={meta.summary} headingLevel={3} /> : <p className="empty">{t('statement.noSummary')}</p>}
        {!draft.final && (
          <button
            type="button"
            className="small"
            onClick={() => {
              setTitle(meta?.title ?? '');
              setSummary(meta?.summary ?? '');
              setOpen(true);
            }}
          >
            {t('statement.editTitle')}
          </button>
        )}
      </section>
    );
  return (
    <form
      className="statement-meta card"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run('statement.update', { title, summary })) !== undefined) setOpen(false);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('statement.field.statementTitle')}</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('statement.field.summary')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('statement.field.markupHint')}
        </p>
        <textarea id={`${id}-summary`} aria-describedby={`${id}-hint`} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('statement.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('statement.cancel')}
        </button>
      </div>
    </form>
  );
}

function BlockCard({
  draft,
  block,
  index,
  count,
  sectionIndex,
  sectionIds,
  now,
}: {
  draft: DraftModel;
  block: StatementBlockRecord;
  index: number;
  count: number;
  sectionIndex: number;
  sectionIds: string[];
  now: number;
}) {
  const { t } = useTranslation();
  const locks = useTopic('statementLocks');
  const amendments = useTopic('statementAmendments');
  const principal = useConnection((s) => s.principal);
  const mine = principal?.deviceId ?? 'facilitator';
  const lock = activeLock(locks[block.id], now);
  const lockedByOther = lock && lock.holder !== mine ? lock : null;
  const [editing, setEditing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { run, error } = useCommand();
  const label = blockLabel(t, draft, block);
  const pending = Object.values(amendments).filter((a) => a.blockId === block.id && a.status === 'pending').length;
  const headingId = `block-${block.id}`;

  const move = (delta: number) => void run('statement.moveBlock', { blockId: block.id, sectionId: block.sectionId, position: index + delta });
  const moveSection = (delta: number) => {
    const target = sectionIds[sectionIndex + delta];
    if (target) void run('statement.moveBlock', { blockId: block.id, sectionId: target, position: delta > 0 ? 0 : 10_000 });
  };
  const edit = async () => {
    if ((await run('statement.lock', { blockId: block.id })) !== undefined) setEditing(true);
  };

  return (
    <li
      className={`statement-block block-${block.kind}${lockedByOther ? ' block-locked' : ''}`}
      aria-labelledby={headingId}
      data-block-id={block.id}
      onKeyDown={(e) => {
        if (!e.altKey || editing || draft.final) return;
        if (e.key === 'ArrowUp' && index > 0) {
          e.preventDefault();
          move(-1);
        } else if (e.key === 'ArrowDown' && index < count - 1) {
          e.preventDefault();
          move(1);
        }
      }}
    >
      <div className="block-head">
        <h3 id={headingId} className="block-title">
          <span className="block-kind">{t(`statement.kind.${block.kind}`)}</span>
          {block.kind === 'recommendation' ? <span>{label}</span> : block.kind === 'text' && block.title ? <span>{block.title}</span> : block.kind === 'minority' ? <span>{label}</span> : null}
        </h3>
        <div className="block-badges">
          {block.sourceNoteIds.length > 0 && <span className="badge">{t('statement.fromNotes', { count: block.sourceNoteIds.length })}</span>}
          {pending > 0 && <span className="badge badge-attention">{t('statement.pendingAmendments', { count: pending })}</span>}
          {lockedByOther && (
            <span className="badge badge-warn">
              {t('statement.lockedBy', { name: personName(t, lockedByOther.holderName), time: new Date(lockedByOther.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })}
            </span>
          )}
        </div>
      </div>
      {editing ? (
        <BlockEditor block={block} onDone={() => setEditing(false)} />
      ) : (
        <>
          <RichText text={block.text} headingLevel={4} />
          {block.kind === 'minority' && block.authors && <p className="muted">{t('statement.heldBy', { authors: block.authors })}</p>}
          {block.kind === 'recommendation' && block.rationale && (
            <div className="rationale">
              <p className="rationale-label">{t('statement.field.rationale')}</p>
              <RichText text={block.rationale} headingLevel={5} />
            </div>
          )}
          {!draft.final && (
            <div className="actions block-actions">
              <button type="button" className="small" onClick={() => void edit()} disabled={Boolean(lockedByOther)} aria-describedby={headingId}>
                {t('statement.edit')}
              </button>
              <button type="button" className="small" onClick={() => move(-1)} disabled={index === 0} aria-label={t('statement.moveUpLabel', { label })}>
                {t('statement.moveUp')}
              </button>
              <button type="button" className="small" onClick={() => move(1)} disabled={index === count - 1} aria-label={t('statement.moveDownLabel', { label })}>
                {t('statement.moveDown')}
              </button>
              {sectionIndex > 0 && (
                <button type="button" className="small" onClick={() => moveSection(-1)} aria-label={t('statement.toPrevSectionLabel', { label })}>
                  {t('statement.toPrevSection')}
                </button>
              )}
              {sectionIndex < sectionIds.length - 1 && (
                <button type="button" className="small" onClick={() => moveSection(1)} aria-label={t('statement.toNextSectionLabel', { label })}>
                  {t('statement.toNextSection')}
                </button>
              )}
              <button type="button" className="small danger" onClick={() => setConfirmRemove(true)} disabled={Boolean(lockedByOther)} aria-label={t('statement.removeLabel', { label })}>
                {t('statement.remove')}
              </button>
            </div>
          )}
        </>
      )}
      <ErrorAlert error={error} />
      <ConfirmDialog
        open={confirmRemove}
        title={t('statement.removeTitle')}
        message={t('statement.removeMessage', { label })}
        confirmLabel={t('statement.remove')}
        danger
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void run('statement.removeBlock', { blockId: block.id });
        }}
      />
    </li>
  );
}

/** Adding a block to a section: a new recommendation, minority opinion or free text, or drafts grouped from the tables' notes. */
function AddBlock({ section, draft }: { section: StatementSectionRecord; draft: DraftModel }) {
  const { t } = useTranslation();
  const id = useId();
  const drafts = useTopic('recommendations');
  const [mode, setMode] = useState<BlockKind | 'drafts' | null>(null);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { run, busy, error } = useCommand();
  const used = new Set(Object.values(draft.blocks).map((b) => b.draftRecommendationId));
  const available = Object.values(drafts)
    .filter((d) => !used.has(d.id))
    .sort((a, b) => a.position - b.position);

  const close = () => {
    setMode(null);
    setTitle('');
    setChosen([]);
  };

  if (mode === null)
    return (
      <div className="actions add-block">
        <button type="button" className="small" onClick={() => setMode('recommendation')}>
          {t('statement.add.recommendation')}
        </button>
        <button type="button" className="small" onClick={() => setMode('drafts')}>
          {t('statement.add.fromDrafts')}
        </button>
        <button type="button" className="small" onClick={() => setMode('minority')}>
          {t('statement.add.minority')}
        </button>
        <button type="button" className="small" onClick={() => setMode('text')}>
          {t('statement.add.text')}
        </button>
      </div>
    );

  if (mode === 'drafts')
    return (
      <form
        className="card add-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (chosen.length && (await run('statement.fromDrafts', { sectionId: section.id, recommendationIds: chosen })) !== undefined) close();
        }}
      >
        <fieldset className="field">
          <legend>{t('statement.add.fromDraftsLegend', { section: section.title })}</legend>
          {available.length === 0 ? (
            <p className="empty">{t('statement.add.noDrafts')}</p>
          ) : (
            <div className="draft-choices">
              {available.map((d) => (
                <label key={d.id} className="check">
                  <input type="checkbox" checked={chosen.includes(d.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))} />
                  <span>
                    {d.title}
                    {d.sourceNoteIds.length > 0 && <span className="muted"> · {t('statement.fromNotes', { count: d.sourceNoteIds.length })}</span>}
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            {t('statement.add.addChosen', { count: chosen.length })}
          </button>
          <button type="button" onClick={close}>
            {t('statement.cancel')}
          </button>
        </div>
      </form>
    );

  return (
    <form
      className="card add-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await run('statement.addBlock', {
          sectionId: section.id,
          kind: mode,
          title: mode === 'minority' ? '' : title,
          text: mode === 'minority' ? title : '',
          rationale: '',
          authors: '',
          recommendationId: null,
        });
        if (result !== undefined) close();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-new`}>{t(`statement.add.${mode}Label`)}</label>
        {mode === 'minority' ? (
          <textarea id={`${id}-new`} rows={3} value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
        ) : (
          <input id={`${id}-new`} value={title} onChange={(e) => setTitle(e.target.value)} required={mode === 'recommendation'} maxLength={300} autoFocus />
        )}
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('statement.add.add')}
        </button>
        <button type="button" onClick={close}>
          {t('statement.cancel')}
        </button>
      </div>
    </form>
  );
}

function SectionView({ draft, index, sectionIds, now }: { draft: DraftModel; index: number; sectionIds: string[]; now: number }) {
  const { t } = useTranslation();
  const entry = draft.sections[index]!;
  const { section, blocks } = entry;
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  const { run, error } = useCommand();
  return (
    <section className="statement-section" aria-labelledby={`${id}-h`}>
      <div className="section-head">
        {renaming ? (
          <form
            className="inline"
            onSubmit={async (e) => {
              e.preventDefault();
              if ((await run('statement.updateSection', { sectionId: section.id, title })) !== undefined) setRenaming(false);
            }}
          >
            <label htmlFor={`${id}-title`} className="sr-only">
              {t('statement.sectionTitle')}
            </label>
            <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
            <button type="submit" className="primary">
              {t('statement.save')}
            </button>
            <button type="button" onClick={() => setRenaming(false)}>
              {t('statement.cancel')}
            </button>
          </form>
        ) : (
          <h2 id={`${id}-h`}>
            {index + 1}. {section.title}
          </h2>
        )}
        {!draft.final && !renaming && (
          <div className="actions">
            <button
              type="button"
              className="small"
              onClick={() => {
                setTitle(section.title);
                setRenaming(true);
              }}
              aria-label={t('statement.renameSectionLabel', { title: section.title })}
            >
              {t('statement.renameSection')}
            </button>
            <button type="button" className="small" disabled={index === 0} onClick={() => void run('statement.moveSection', { sectionId: section.id, position: index - 1 })} aria-label={t('statement.moveUpLabel', { label: section.title })}>
              {t('statement.moveUp')}
            </button>
            <button
              type="button"
              className="small"
              disabled={index === sectionIds.length - 1}
              onClick={() => void run('statement.moveSection', { sectionId: section.id, position: index + 1 })}
              aria-label={t('statement.moveDownLabel', { label: section.title })}
            >
              {t('statement.moveDown')}
            </button>
            {blocks.length === 0 && (
              <button type="button" className="small danger" onClick={() => void run('statement.removeSection', { sectionId: section.id })} aria-label={t('statement.removeLabel', { label: section.title })}>
                {t('statement.remove')}
              </button>
            )}
          </div>
        )}
      </div>
      <ErrorAlert error={error} />
      {blocks.length === 0 ? (
        <p className="empty">{t('statement.emptySection')}</p>
      ) : (
        <ol className="block-list">
          {blocks.map((b, i) => (
            <BlockCard key={b.id} draft={draft} block={b} index={i} count={blocks.length} sectionIndex={index} sectionIds={sectionIds} now={now} />
          ))}
        </ol>
      )}
      {!draft.final && <AddBlock section={section} draft={draft} />}
    </section>
  );
}

function AddSection({ position }: { position: number }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const { run, busy, error } = useCommand();
  return (
    <form
      className="add-section"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run('statement.addSection', { title, position })) !== undefined) setTitle('');
      }}
    >
      <label htmlFor={`${id}-t`}>{t('statement.newSection')}</label>
      <div className="inline">
        <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        <button type="submit" disabled={busy}>
          {t('statement.addSection')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/** The draft: the statement's title and summary, then its sections and blocks. */
export function DraftTab() {
  const { t } = useTranslation();
  const draft = useDraft();
  const now = useNow();
  const sectionIds = draft.sections.map((s) => s.section.id);
  return (
    <div className="draft-tab">
      <MetaEditor draft={draft} />
      {!draft.final && <p className="hint">{t('statement.reorderHint')}</p>}
      {draft.sections.length === 0 && <p className="empty">{t('statement.noSections')}</p>}
      {draft.sections.map((s, i) => (
        <SectionView key={s.section.id} draft={draft} index={i} sectionIds={sectionIds} now={now} />
      ))}
      {!draft.final && <AddSection position={draft.sections.length} />}
    </div>
  );
}
