import { useTranslation } from 'react-i18next';
import type { ExpertMaterial } from '../../../shared/materials.js';
import { useTopic } from '../../stores/topics.js';
import './materials.css';

export function formatBytes(bytes: number | null, lng: string): string {
  if (bytes === null) return '';
  const format = (n: number, unit: string) => `${n.toLocaleString(lng, { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1024) return format(bytes, 'B');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kB');
  return format(bytes / (1024 * 1024), 'MB');
}

/**
 * The experts' materials, read-only, grouped by expert: links open in a new tab, files download
 * from the hub. `headingLevel` is the level of each expert's heading.
 */
export function MaterialList({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const materials = useTopic('materials');
  const experts = useTopic('experts');
  const byExpert = new Map<string, ExpertMaterial[]>();
  for (const m of Object.values(materials)) {
    const list = byExpert.get(m.expertId) ?? [];
    list.push(m);
    byExpert.set(m.expertId, list);
  }
  if (byExpert.size === 0) return <p className="empty">{t('viewer.materialsEmpty')}</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const groups = [...byExpert.entries()]
    .map(([expertId, list]) => ({ expertId, name: experts[expertId]?.name ?? t('viewer.unknownExpert'), list }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="materials">
      {groups.map(({ expertId, name, list }) => (
        <section key={expertId} className="material-group" aria-labelledby={`mat-${expertId}`}>
          <Heading id={`mat-${expertId}`}>{name}</Heading>
          <ul className="material-list">
            {list
              .sort((a, b) => a.title.localeCompare(b.title))
              .map((m) => (
                <li key={m.id} className="material">
                  {m.url ? (
                    <a href={m.url} target="_blank" rel="noopener noreferrer">
                      {m.title}
                      <span className="sr-only"> {t('viewer.opensInNewTab')}</span>
                    </a>
                  ) : (
                    <a href={`/api/materials/${encodeURIComponent(m.id)}`} download={m.fileName ?? true}>
                      {m.title}
                    </a>
                  )}{' '}
                  <span className="material-kind muted">
                    {m.url ? `${t('viewer.link')} · ${hostOf(m.url)}` : `${t('viewer.file')} · ${m.fileName ?? ''} · ${formatBytes(m.bytes, i18n.language)}`}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
