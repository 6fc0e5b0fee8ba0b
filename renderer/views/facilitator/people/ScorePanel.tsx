import { useTranslation } from 'react-i18next';
import type { SeatingScore, SeatingViolation } from '../../../../shared/seating.js';

/** The plan's quality and its broken constraints, recomputed on every move. */
export function ScorePanel({ score, violations, nameOf, rounds }: { score: SeatingScore; violations: SeatingViolation[]; nameOf: (id: string) => string; rounds: string[] }) {
  const { t } = useTranslation();
  const hard = violations.filter((v) => v.reason !== 'languageTablesFull');
  return (
    <section className="seating-score" aria-labelledby="seating-score-h">
      <h2 id="seating-score-h">{t('seating.score.title')}</h2>
      <dl className="score-facts" aria-live="polite" data-testid="seating-score" data-repeats={score.repeatPairs} data-deviation={score.diversityDeviation.toFixed(4)}>
        <div>
          <dt>{t('seating.score.repeatPairs')}</dt>
          <dd>{score.repeatPairs}</dd>
        </div>
        <div>
          <dt>{t('seating.score.distinctPairs')}</dt>
          <dd>{score.distinctPairsMet}</dd>
        </div>
        <div>
          <dt>{t('seating.score.diversity')}</dt>
          <dd>{score.diversityDeviation.toFixed(3)}</dd>
        </div>
      </dl>
      <p className="hint">{t('seating.score.explain')}</p>
      <h3 className={hard.length ? 'violations-bad' : 'violations-ok'}>{hard.length ? t('seating.score.violations', { count: hard.length }) : t('seating.score.allHold')}</h3>
      {violations.length > 0 && (
        <ul className="violations">
          {violations.slice(0, 30).map((v, i) => (
            <li key={i} className={v.reason === 'languageTablesFull' ? 'soft' : 'hard'}>
              {v.round !== null && rounds[v.round] ? <strong>{rounds[v.round]}: </strong> : null}
              {t(`seating.violation.${v.reason}`, {
                ...v.params,
                language: v.params?.language ? t(`languages.${v.params.language}`) : '',
                names: v.people.slice(0, 6).map(nameOf).join(', ') + (v.people.length > 6 ? ` (+${v.people.length - 6})` : ''),
                count: v.people.length,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
