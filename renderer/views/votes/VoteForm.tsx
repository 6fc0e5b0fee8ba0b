import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids.js';
import {
  CAST_MODES,
  RANKING_COUNTS,
  VOTE_METHODS,
  type CastMode,
  type RankingCount,
  type Threshold,
  type Vote,
  type VoteBase,
  type VoteDefinition,
  type VoteMethod,
  type VoteSubject,
} from '../../../shared/votes.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { formatDate } from '../../components/RelativeTime.js';
import { useCommand } from '../../components/useCommand.js';
import { useTopicList } from '../../stores/topics.js';
import { methodHasThresholds, tallyAllowed } from './model.js';

interface FreeOption {
  id: string;
  label: string;
}

type Problem = 'title' | 'subjects' | 'options' | 'dots' | 'day' | 'modes' | 'thresholds';

/** Create a vote, or edit one still in draft: the question, what it asks about, how it is counted and cast. */
export function VoteForm({ vote, onDone, onCancel }: { vote?: Vote; onDone: (voteId: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const recommendations = useTopicList('recommendations', 'position');
  const days = useTopicList('agendaDays', 'position');

  const presetThresholds = (): Threshold[] => [
    { label: t('votes.form.presetStrong'), percent: 75 },
    { label: t('votes.form.presetSupported'), percent: 50 },
  ];

  const [title, setTitle] = useState(vote?.title ?? '');
  const [method, setMethod] = useState<VoteMethod>(vote?.method ?? 'scale4');
  const [picked, setPicked] = useState<string[]>(() => vote?.subjects.filter((s) => s.recommendationId).map((s) => s.recommendationId!) ?? []);
  const [options, setOptions] = useState<FreeOption[]>(() => vote?.subjects.filter((s) => !s.recommendationId).map((s) => ({ id: s.id, label: s.label })) ?? []);
  const [dots, setDots] = useState(String(vote?.dots ?? 3));
  const [rankingCount, setRankingCount] = useState<RankingCount>(vote?.rankingCount ?? 'borda');
  const [thresholds, setThresholds] = useState<Threshold[]>(() => vote?.thresholds ?? presetThresholds());
  const [base, setBase] = useState<VoteBase>(vote?.base ?? 'cast');
  const [dayId, setDayId] = useState<string>(vote?.dayId ?? days[0]?.id ?? '');
  const [modes, setModes] = useState<CastMode[]>(vote?.modes ?? ['ballot']);
  const [liveResults, setLiveResults] = useState(vote?.liveResults ?? false);
  const [problems, setProblems] = useState<Problem[]>([]);

  // Subjects keep their ids when a draft is edited, so tallies and results stay attached.
  const existingByRec = useMemo(() => new Map(vote?.subjects.filter((s) => s.recommendationId).map((s) => [s.recommendationId!, s.id]) ?? []), [vote]);

  const usableModes = CAST_MODES.filter((m) => m !== 'tally' || tallyAllowed(method));
  const chosenModes = modes.filter((m) => usableModes.includes(m));

  function subjects(): VoteSubject[] {
    const fromRecs = recommendations
      .filter((r) => picked.includes(r.id))
      .map((r) => ({ id: existingByRec.get(r.id) ?? r.id, label: r.title, recommendationId: r.id }));
    const free = options.filter((o) => o.label.trim()).map((o) => ({ id: o.id, label: o.label.trim(), recommendationId: null }));
    return [...fromRecs, ...free];
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = subjects();
    const dotsNumber = Number(dots);
    const found: Problem[] = [];
    if (!title.trim()) found.push('title');
    if (list.length === 0) found.push('subjects');
    if (method === 'ranking' && list.length < 2) found.push('options');
    if (method === 'dots' && !(Number.isInteger(dotsNumber) && dotsNumber >= 1 && dotsNumber <= 100)) found.push('dots');
    if (base === 'present' && !dayId) found.push('day');
    if (chosenModes.length === 0) found.push('modes');
    if (methodHasThresholds(method) && thresholds.some((th) => !th.label.trim() || !(th.percent >= 0 && th.percent <= 100))) found.push('thresholds');
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.vote-form [aria-invalid="true"]')?.focus());
      return;
    }
    const definition: VoteDefinition = {
      title: title.trim(),
      method,
      subjects: list,
      dots: method === 'dots' ? dotsNumber : null,
      rankingCount: method === 'ranking' ? rankingCount : null,
      thresholds: methodHasThresholds(method) ? thresholds.map((th) => ({ label: th.label.trim(), percent: th.percent })) : [],
      base,
      dayId: dayId || null,
      modes: chosenModes,
      liveResults,
    };
    if (vote) {
      const done = await command.run('votes.update', { voteId: vote.id, ...definition });
      if (done !== undefined) onDone(vote.id);
    } else {
      const done = await command.run('votes.create', definition);
      if (done) onDone(done.id);
    }
  };

  const has = (p: Problem) => problems.includes(p);
  /** A field changed: its problem is no longer shown (the next submit checks again). */
  const fixed = (...ps: Problem[]) => {
    if (problems.some((p) => ps.includes(p))) setProblems(problems.filter((p) => !ps.includes(p)));
  };

  return (
    <form onSubmit={submit} noValidate className="vote-form card">
      <h2>{vote ? t('votes.form.editTitle') : t('votes.form.newTitle')}</h2>
      <Field label={t('votes.form.title')} hint={t('votes.form.titleHint')} error={has('title') ? t('validation.required') : null}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={title} maxLength={300} onChange={(e) => {
              setTitle(e.target.value);
              fixed('title');
            }} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>

      <fieldset className="field">
        <legend>{t('votes.form.method')}</legend>
        <div className="method-choices">
          {VOTE_METHODS.map((m) => (
            <label key={m} className={`method-choice${method === m ? ' is-checked' : ''}`}>
              <input type="radio" name="vote-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              <span>
                <span className="method-name">{t(`votes.methods.${m}`)}</span>
                <span className="method-help">{t(`votes.methodHelp.${m}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {method === 'dots' && (
        <Field label={t('votes.form.dots')} hint={t('votes.form.dotsHint')} error={has('dots') ? t('validation.range', { min: 1, max: 100 }) : null}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={1} max={100} className="narrow-number" value={dots} onChange={(e) => {
              setDots(e.target.value);
              fixed('dots');
            }} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
      )}
      {method === 'ranking' && (
        <fieldset className="field">
          <legend>{t('votes.form.rankingCount')}</legend>
          <div className="checks">
            {RANKING_COUNTS.map((c) => (
              <label key={c} className="check">
                <input type="radio" name="ranking-count" value={c} checked={rankingCount === c} onChange={() => setRankingCount(c)} />
                {t(`votes.rankingCounts.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className={`field${has('subjects') || has('options') ? ' field-invalid' : ''}`} aria-describedby={has('subjects') || has('options') ? 'vote-subjects-error' : undefined}>
        <legend>{t('votes.form.subjects')}</legend>
        <p className="hint">{t('votes.form.subjectsHint')}</p>
        {recommendations.length > 0 ? (
          <>
            <div className="actions subject-pick-actions">
              <button type="button" className="small" onClick={() => setPicked(recommendations.map((r) => r.id))}>
                {t('votes.form.pickAll')}
              </button>
              <button type="button" className="small" onClick={() => setPicked([])}>
                {t('votes.form.pickNone')}
              </button>
            </div>
            <ul className="subject-picks">
              {recommendations.map((r) => (
                <li key={r.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={picked.includes(r.id)}
                      aria-invalid={has('subjects') || undefined}
                      onChange={(e) => {
                        setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id));
                        fixed('subjects', 'options');
                      }}
                    />
                    {r.title}
                  </label>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="empty">{t('votes.form.noRecommendations')}</p>
        )}
        <h3 className="subhead">{t('votes.form.freeOptions')}</h3>
        <ul className="free-options">
          {options.map((o, index) => (
            <li key={o.id} className="inline">
              <label className="sr-only" htmlFor={`option-${o.id}`}>
                {t('votes.form.optionLabel', { n: index + 1 })}
              </label>
              <input
                id={`option-${o.id}`}
                value={o.label}
                maxLength={300}
                onChange={(e) => {
                  setOptions(options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)));
                  fixed('subjects', 'options');
                }}
              />
              <button type="button" className="small" onClick={() => setOptions(options.filter((x) => x.id !== o.id))}>
                {t('votes.form.removeOption', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="small" onClick={() => setOptions([...options, { id: uuidv7(), label: '' }])}>
            {t('votes.form.addOption')}
          </button>
          <button type="button" className="small" onClick={() => setOptions([...options, { id: uuidv7(), label: t('votes.form.wholeStatement') }])}>
            {t('votes.form.addWholeStatement')}
          </button>
        </div>
        {(has('subjects') || has('options')) && (
          <p className="field-error" id="vote-subjects-error">
            {has('subjects') ? t('votes.form.needSubjects') : t('votes.form.needOptions')}
          </p>
        )}
      </fieldset>

      {methodHasThresholds(method) && (
        <fieldset className={`field${has('thresholds') ? ' field-invalid' : ''}`}>
          <legend>{t('votes.form.thresholds')}</legend>
          <p className="hint">{t('votes.form.thresholdsHint')}</p>
          <ul className="threshold-rows">
            {thresholds.map((th, index) => (
              <li key={index} className="threshold-row">
                <label>
                  <span className="threshold-caption">{t('votes.form.thresholdLabel', { n: index + 1 })}</span>
                  <input
                    value={th.label}
                    maxLength={80}
                    aria-invalid={(has('thresholds') && !th.label.trim()) || undefined}
                    onChange={(e) => setThresholds(thresholds.map((x, i) => (i === index ? { ...x, label: e.target.value } : x)))}
                  />
                </label>
                <label>
                  <span className="threshold-caption">{t('votes.form.thresholdPercent', { n: index + 1 })}</span>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    step={1}
                    className="narrow-number"
                    value={Number.isFinite(th.percent) ? th.percent : ''}
                    onChange={(e) => setThresholds(thresholds.map((x, i) => (i === index ? { ...x, percent: e.target.valueAsNumber } : x)))}
                  />
                </label>
                <button type="button" className="small" onClick={() => setThresholds(thresholds.filter((_, i) => i !== index))}>
                  {t('votes.form.removeThreshold', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            {thresholds.length < 5 && (
              <button type="button" className="small" onClick={() => setThresholds([...thresholds, { label: '', percent: 50 }])}>
                {t('votes.form.addThreshold')}
              </button>
            )}
            <button type="button" className="small" onClick={() => setThresholds(presetThresholds())}>
              {t('votes.form.presetThresholds')}
            </button>
          </div>
          {has('thresholds') && <p className="field-error">{t('votes.form.thresholdInvalid')}</p>}
        </fieldset>
      )}

      <fieldset className="field">
        <legend>{t('votes.form.base')}</legend>
        <div className="checks checks-column">
          <label className="check">
            <input type="radio" name="vote-base" value="cast" checked={base === 'cast'} onChange={() => setBase('cast')} />
            {t('votes.base.cast')}
          </label>
          <label className="check">
            <input type="radio" name="vote-base" value="present" checked={base === 'present'} onChange={() => setBase('present')} />
            {t('votes.base.present')}
          </label>
        </div>
      </fieldset>
      <Field label={t('votes.form.day')} hint={t('votes.form.dayHint')} error={has('day') ? t('votes.form.needDay') : null}>
        {({ id, describedBy, invalid }) => (
          <select id={id} value={dayId} onChange={(e) => {
              setDayId(e.target.value);
              fixed('day');
            }} aria-describedby={describedBy} aria-invalid={invalid}>
            <option value="">{t('votes.form.noDay')}</option>
            {days.map((d) => (
              <option key={d.id} value={d.id}>
                {[formatDate(d.date, i18n.language), d.title].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className={`field${has('modes') ? ' field-invalid' : ''}`}>
        <legend>{t('votes.form.modes')}</legend>
        <div className="checks checks-column">
          {CAST_MODES.map((m) => (
            <label key={m} className="check">
              <input
                type="checkbox"
                checked={chosenModes.includes(m)}
                disabled={!usableModes.includes(m)}
                aria-invalid={has('modes') || undefined}
                onChange={(e) => {
                  setModes(e.target.checked ? [...modes.filter((x) => x !== m), m] : modes.filter((x) => x !== m));
                  fixed('modes');
                }}
              />
              {t(`votes.modes.${m}`)}
            </label>
          ))}
        </div>
        {!tallyAllowed(method) && <p className="hint">{t('votes.form.noTallyForRanking')}</p>}
        {has('modes') && <p className="field-error">{t('votes.form.needMode')}</p>}
      </fieldset>

      <div className="vote-live">
        <label className="check">
          <input type="checkbox" checked={liveResults} onChange={(e) => setLiveResults(e.target.checked)} />
          {t('votes.form.liveResults')}
        </label>
        <p className="hint">{t('votes.form.liveResultsHint')}</p>
      </div>

      <ErrorAlert error={command.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={command.busy}>
          {vote ? t('votes.form.save') : t('votes.form.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
