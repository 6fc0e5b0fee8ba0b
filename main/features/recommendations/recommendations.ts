import type { TopicReader } from '../context.js';

export const recommendationsTopic: TopicReader<'recommendations'> = ({ db }) =>
  (db.prepare('SELECT * FROM draft_recommendation ORDER BY position').all() as {
    id: string;
    title: string;
    text: string;
    position: number;
    created_at: string;
    updated_at: string;
  }[]).map((r) => ({
    key: r.id,
    value: { id: r.id, title: r.title, text: r.text, position: r.position, createdAt: r.created_at, updatedAt: r.updated_at },
    scope: null,
  }));
