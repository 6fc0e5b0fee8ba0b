import { useTranslation } from 'react-i18next';
import { ExpertList, Programme } from '../../components/Programme.js';
import { formatDate } from '../../components/RelativeTime.js';
import { href } from '../../components/route.js';
import { useTopic } from '../../stores/topics.js';

/** The panel at a glance: basics, counts, programme, experts, draft recommendations. Read-only. */
export function Overview() {
  const { t, i18n } = useTranslation();
  const basics = useTopic('panel').panel;
  const participants = useTopic('participants');
  const tables = useTopic('tables');
  const experts = useTopic('experts');
  const days = useTopic('agendaDays');
  const items = useTopic('agendaItems');
  const recommendations = Object.values(useTopic('recommendations')).sort((a, b) => a.position - b.position);

  const counts: [string, number][] = [
    [t('overview.participants'), Object.keys(participants).length],
    [t('overview.tables'), Object.keys(tables).length],
    [t('overview.experts'), Object.keys(experts).length],
    [t('overview.days'), Object.keys(days).length],
    [t('overview.items'), Object.keys(items).length],
  ];

  const dates =
    basics?.startsOn || basics?.endsOn
      ? [formatDate(basics.startsOn, i18n.language), formatDate(basics.endsOn, i18n.language)].filter(Boolean).join(' – ')
      : t('common.notSet');

  return (
    <div className="overview">
      <h1>{basics?.name ?? t('overview.title')}</h1>
      {basics?.mandate ? <p className="mandate">{basics.mandate}</p> : <p className="empty">{t('overview.noMandate')}</p>}
      <p>
        <a href={href('panel')}>{t('overview.editBasics')}</a>
      </p>

      <section aria-labelledby="facts-heading" className="panel-section">
        <h2 id="facts-heading">{t('overview.basicsTitle')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('basics.organiser')}</dt>
            <dd>{basics?.organiser || t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('basics.area')}</dt>
            <dd>{basics?.area || t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('basics.municipalities')}</dt>
            <dd>{basics?.municipalities.length ? basics.municipalities.join(', ') : t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('basics.languages')}</dt>
            <dd>{basics?.languages.map((lng) => t(`languages.${lng}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('overview.dates')}</dt>
            <dd>{dates}</dd>
          </div>
          <div>
            <dt>{t('basics.venue')}</dt>
            <dd>{basics?.venue || t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('basics.recordNumber')}</dt>
            <dd>{basics?.recordNumber || t('common.notSet')}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="counts-heading" className="panel-section">
        <h2 id="counts-heading">{t('overview.countsTitle')}</h2>
        <ul className="counts">
          {counts.map(([label, n]) => (
            <li key={label}>
              <span className="count">{n}</span>
              <span className="count-label">{label}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="programme-heading" className="panel-section">
        <h2 id="programme-heading">{t('programme.title')}</h2>
        <Programme />
      </section>

      <section aria-labelledby="experts-heading" className="panel-section">
        <h2 id="experts-heading">{t('experts.title')}</h2>
        <ExpertList />
      </section>

      <section aria-labelledby="recs-heading" className="panel-section">
        <h2 id="recs-heading">{t('overview.recommendationsTitle')}</h2>
        {recommendations.length === 0 ? (
          <p className="empty">{t('overview.recommendationsEmpty')}</p>
        ) : (
          <ol className="recommendations">
            {recommendations.map((rec) => (
              <li key={rec.id}>
                <p className="card-title">{rec.title}</p>
                <p>{rec.text}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
