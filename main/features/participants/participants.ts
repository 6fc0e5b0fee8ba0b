import type {
  Attendance,
  BackgroundFeature,
  Participant,
  ParticipantPersonal,
  PanelTable,
  SeatingRound,
} from '../../../shared/participants.js';
import { tableScope, type ChangeScope } from '../../../shared/protocol.js';
import type { Db } from '../../store/sqlite.js';
import type { TopicReader } from '../context.js';

/** A table's secretary sees the display names of the people seated at that table, in any round. */
export function participantScope(db: Db, participantId: string): ChangeScope {
  const tables = db.prepare('SELECT DISTINCT table_no FROM seat WHERE participant_id = ?').all(participantId) as { table_no: number }[];
  return tableScope(tables.map((t) => t.table_no));
}

export const participantsTopic: TopicReader<'participants'> = ({ db }) =>
  (
    db.prepare('SELECT id, display_name, language, status FROM participant ORDER BY display_name').all() as {
      id: string;
      display_name: string;
      language: Participant['language'];
      status: Participant['status'];
    }[]
  ).map((r) => ({
    key: r.id,
    value: { id: r.id, displayName: r.display_name, language: r.language, status: r.status },
    scope: participantScope(db, r.id),
  }));

export const participantPersonalTopic: TopicReader<'participantPersonal'> = ({ db }) =>
  (db.prepare('SELECT * FROM participant_personal').all() as Record<string, string>[]).map((r) => {
    const value: ParticipantPersonal = {
      participantId: r.participant_id!,
      fullName: r.full_name!,
      email: r.email!,
      phone: r.phone!,
      address: r.address!,
      postcode: r.postcode!,
      accessibilityNeeds: r.accessibility_needs!,
      dietaryNeeds: r.dietary_needs!,
    };
    return { key: value.participantId, value, scope: null };
  });

export const participantBackgroundTopic: TopicReader<'participantBackground'> = ({ db }) => {
  const byPerson = new Map<string, Record<string, string>>();
  for (const r of db.prepare('SELECT participant_id, feature_key, value FROM participant_feature').all() as {
    participant_id: string;
    feature_key: string;
    value: string;
  }[]) {
    const features = byPerson.get(r.participant_id) ?? {};
    features[r.feature_key] = r.value;
    byPerson.set(r.participant_id, features);
  }
  return [...byPerson].map(([participantId, features]) => ({ key: participantId, value: { participantId, features }, scope: null }));
};

export const featuresTopic: TopicReader<'features'> = ({ db }) => {
  const values = db.prepare('SELECT * FROM background_value ORDER BY position').all() as {
    feature_key: string;
    value: string;
    label: string;
    population_share: number | null;
  }[];
  return (db.prepare('SELECT * FROM background_feature ORDER BY position').all() as { key: string; label: string; position: number }[]).map(
    (f) => {
      const value: BackgroundFeature = {
        key: f.key,
        label: f.label,
        position: f.position,
        values: values
          .filter((v) => v.feature_key === f.key)
          .map((v) => ({ value: v.value, label: v.label, populationShare: v.population_share })),
      };
      return { key: f.key, value, scope: null };
    },
  );
};

export const tablesTopic: TopicReader<'tables'> = ({ db }) =>
  (
    db.prepare('SELECT * FROM panel_table ORDER BY no').all() as {
      no: number;
      name: string;
      capacity: number;
      language: PanelTable['language'];
      accessible: number;
    }[]
  ).map((r) => ({
    key: String(r.no),
    value: { no: r.no, name: r.name, capacity: r.capacity, language: r.language, accessible: r.accessible === 1 },
    scope: null,
  }));

export const seatingRoundsTopic: TopicReader<'seatingRounds'> = ({ db }) => {
  const seats = db.prepare('SELECT round_id, participant_id, table_no FROM seat').all() as {
    round_id: string;
    participant_id: string;
    table_no: number;
  }[];
  return (db.prepare('SELECT * FROM seating_round ORDER BY position').all() as { id: string; name: string; position: number }[]).map(
    (r) => {
      const value: SeatingRound = { id: r.id, name: r.name, position: r.position, seats: {} };
      for (const s of seats) if (s.round_id === r.id) value.seats[s.participant_id] = s.table_no;
      return { key: r.id, value, scope: null };
    },
  );
};

export const attendanceTopic: TopicReader<'attendance'> = ({ db }) =>
  (db.prepare('SELECT * FROM attendance').all() as { day_id: string; participant_id: string; present_at: string }[]).map((r) => {
    const value: Attendance = { key: `${r.day_id}:${r.participant_id}`, dayId: r.day_id, participantId: r.participant_id, presentAt: r.present_at };
    return { key: value.key, value, scope: null };
  });
