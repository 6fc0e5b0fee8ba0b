import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_ITEM_KINDS, type AgendaItem, type AgendaItemKind } from '../../../../shared/agenda.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Field } from '../../../components/Field.js';
import { useCommand } from '../../../components/useCommand.js';
import { useTopicList } from '../../../stores/topics.js';
import { refusedField } from './model.js';

const FIELDS = ['kind', 'title', 'plannedMinutes', 'question', 'facilitatorNotes', 'expertIds', 'seatingRoundId', 'warnSeconds', 'showOvertime'] as const;
type ItemField = (typeof FIELDS)[number];

interface Draft {
  kind: AgendaItemKind;
  title: string;
  minutes: string;
  question: string;
  facilitatorNotes: string;
  expertIds: string[];
  seatingRoundId: string;
  warnMinutes: string;
  showOvertime: boolean;
}

function toDraft(item?: AgendaItem): Draft {
  return {
    kind: item?.kind ?? 'tableDiscussion',
    title: item?.title ?? '',
    minutes: String(item?.plannedMinutes ?? 30),
    question: item?.question ?? '',
    facilitatorNotes: item?.facilitatorNotes ?? '',
    expertIds: item?.expertIds ?? [],
    seatingRoundId: item?.seatingRoundId ?? '',
    warnMinutes: String((item?.warnSeconds ?? 120) / 60),
    showOvertime: item?.showOvertime ?? true,
  };
}

/** A typed number as the hub wants it; anything unreadable goes as NaN and is refused at its field. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** Adds an item to a day, or edits one. The hub checks every value; its refusal shows at the field. */
export function ItemForm({ dayId, item, onDone }: { dayId: string; item?: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const command = useCommand();
  const experts = useTopicList('experts', byName);
  const rounds = useTopicList('seatingRounds', byPosition);
  const [draft, setDraft] = useState<Draft>(() => toDraft(item));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const refused = refusedField(command.error, FIELDS);
  const fieldError = (field: ItemField) => (refused === field ? t(`programme.fieldError.${field}`) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      kind: draft.kind,
      title: draft.title.trim(),
      plannedMinutes: toNumber(draft.minutes),
      question: draft.question.trim(),
      facilitatorNotes: draft.facilitatorNotes.trim(),
      expertIds: draft.expertIds,
      seatingRoundId: draft.kind === 'tableDiscussion' && draft.seatingRoundId ? draft.seatingRoundId : null,
      warnSeconds: Math.round(toNumber(draft.warnMinutes) * 60),
      showOvertime: draft.showOvertime,
    };
    const done = item ? await command.run('agenda.updateItem', { itemId: item.id, ...fields }) : await command.run('agenda.addItem', { dayId, ...fields });
    if (done !== undefined) onDone();
  };

  return (
    <form onSubmit={submit} noValidate className="pe-form pe-item-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="pe-form-title">
        {item ? t('programme.item.editTitle', { title: item.title }) : t('programme.item.addTitle')}
      </h3>
      <div className="pe-form-row">
        <Field label={t('programme.item.kind')} error={fieldError('kind')}>
          {({ id: fid, describedBy }) => (
            <select id={fid} value={draft.kind} onChange={(e) => set('kind', e.target.value as AgendaItemKind)} aria-describedby={describedBy}>
              {AGENDA_ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`agenda.kind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('programme.item.title')} error={fieldError('title')}>
          {({ id: fid, describedBy, invalid }) => (
            <input id={fid} value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <Field label={t('programme.item.minutes')} hint={t('programme.item.minutesHint')} error={fieldError('plannedMinutes')}>
          {({ id: fid, describedBy, invalid }) => (
            <input
              id={fid}
              type="number"
              inputMode="numeric"
              className="pe-number"
              value={draft.minutes}
              onChange={(e) => set('minutes', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
      </div>
      <Field label={t('programme.item.question')} hint={t('programme.item.questionHint')} error={fieldError('question')}>
        {({ id: fid, describedBy, invalid }) => (
          <textarea id={fid} rows={3} value={draft.question} onChange={(e) => set('question', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <Field label={t('programme.item.notes')} hint={t('programme.item.notesHint')} error={fieldError('facilitatorNotes')}>
        {({ id: fid, describedBy, invalid }) => (
          <textarea id={fid} rows={3} value={draft.facilitatorNotes} onChange={(e) => set('facilitatorNotes', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <fieldset className="field">
        <legend>{t('programme.item.experts')}</legend>
        {experts.length === 0 ? (
          <p className="hint">{t('programme.item.noExperts')}</p>
        ) : (
          <div className="checks">
            {experts.map((expert) => (
              <label key={expert.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.expertIds.includes(expert.id)}
                  onChange={(e) => set('expertIds', e.target.checked ? [...draft.expertIds, expert.id] : draft.expertIds.filter((x) => x !== expert.id))}
                />
                {expert.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="pe-form-row">
        {draft.kind === 'tableDiscussion' && (
          <Field label={t('programme.item.seatingRound')} hint={t('programme.item.seatingRoundHint')} error={fieldError('seatingRoundId')}>
            {({ id: fid, describedBy }) => (
              <select id={fid} value={draft.seatingRoundId} onChange={(e) => set('seatingRoundId', e.target.value)} aria-describedby={describedBy}>
                <option value="">{t('programme.item.noRound')}</option>
                {rounds.map((round) => (
                  <option key={round.id} value={round.id}>
                    {round.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('programme.item.warn')} hint={t('programme.item.warnHint')} error={fieldError('warnSeconds')}>
          {({ id: fid, describedBy, invalid }) => (
            <input
              id={fid}
              type="number"
              step="0.5"
              inputMode="decimal"
              className="pe-number"
              value={draft.warnMinutes}
              onChange={(e) => set('warnMinutes', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <div className="field pe-check-field">
          <label className="check">
            <input type="checkbox" checked={draft.showOvertime} onChange={(e) => set('showOvertime', e.target.checked)} />
            {t('programme.item.showOvertime')}
          </label>
        </div>
      </div>
      {!refused && <ErrorAlert error={command.error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={command.busy}>
          {item ? t('programme.item.save') : t('programme.item.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
