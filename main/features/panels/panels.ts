import type { PanelBasics } from '../../../shared/panel.js';
import type { CommandHandler, TopicReader } from '../context.js';
import type { Db } from '../../store/sqlite.js';

interface PanelRow {
  name: string;
  mandate: string;
  organiser: string;
  area: string;
  municipalities: string;
  languages: string;
  starts_on: string | null;
  ends_on: string | null;
  venue: string;
  record_number: string;
}

export function readBasics(db: Db): PanelBasics {
  const row = db.prepare('SELECT * FROM panel WHERE id = 1').get() as PanelRow;
  return {
    name: row.name,
    mandate: row.mandate,
    organiser: row.organiser,
    area: row.area,
    municipalities: JSON.parse(row.municipalities) as string[],
    languages: JSON.parse(row.languages) as PanelBasics['languages'],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: row.venue,
    recordNumber: row.record_number,
  };
}

const COLUMNS: { [K in keyof PanelBasics]: string } = {
  name: 'name',
  mandate: 'mandate',
  organiser: 'organiser',
  area: 'area',
  municipalities: 'municipalities',
  languages: 'languages',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  venue: 'venue',
  recordNumber: 'record_number',
};

export const updatePanel: CommandHandler<'panel.update'> = (input, ctx) => {
  const fields = Object.entries(input).filter(([, v]) => v !== undefined) as [keyof PanelBasics, unknown][];
  if (fields.length > 0) {
    const sets = fields.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
    const values = fields.map(([, v]) => (Array.isArray(v) ? JSON.stringify(v) : v));
    ctx.db.prepare(`UPDATE panel SET ${sets}, updated_at = ? WHERE id = 1`).run(...values, ctx.now.toISOString());
  }
  ctx.change('panel', 'panel', readBasics(ctx.db));
  return null;
};

export const panelTopic: TopicReader<'panel'> = ({ db }) => [{ key: 'panel', value: readBasics(db), scope: null }];
