import type { AgendaItem, AgendaItemKind } from '../../../shared/agenda.js';
import type { TopicReader } from '../context.js';

export const agendaDaysTopic: TopicReader<'agendaDays'> = ({ db }) =>
  (db.prepare('SELECT * FROM agenda_day ORDER BY position').all() as {
    id: string;
    date: string;
    starts_at: string;
    title: string;
    position: number;
  }[]).map((r) => ({
    key: r.id,
    value: { id: r.id, date: r.date, startsAt: r.starts_at, title: r.title, position: r.position },
    scope: null,
  }));

export const agendaItemsTopic: TopicReader<'agendaItems'> = ({ db }) => {
  const experts = db.prepare('SELECT item_id, expert_id FROM agenda_item_expert ORDER BY expert_id').all() as {
    item_id: string;
    expert_id: string;
  }[];
  return (
    db.prepare('SELECT * FROM agenda_item ORDER BY day_id, position').all() as {
      id: string;
      day_id: string;
      position: number;
      kind: AgendaItemKind;
      title: string;
      planned_minutes: number;
      question: string;
      facilitator_notes: string;
      seating_round_id: string | null;
    }[]
  ).map((r) => {
    const value: AgendaItem = {
      id: r.id,
      dayId: r.day_id,
      position: r.position,
      kind: r.kind,
      title: r.title,
      plannedMinutes: r.planned_minutes,
      question: r.question,
      facilitatorNotes: r.facilitator_notes,
      seatingRoundId: r.seating_round_id,
      expertIds: experts.filter((e) => e.item_id === r.id).map((e) => e.expert_id),
    };
    return { key: r.id, value, scope: null };
  });
};

export const expertsTopic: TopicReader<'experts'> = ({ db }) =>
  (db.prepare('SELECT * FROM expert ORDER BY name').all() as {
    id: string;
    name: string;
    title: string;
    organisation: string;
    topic: string;
  }[]).map((r) => ({ key: r.id, value: { ...r }, scope: null }));
