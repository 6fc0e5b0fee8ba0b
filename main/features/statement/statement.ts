import { createHash } from 'node:crypto';
import type { PanelBasics } from '../../../shared/panel.js';
import {
  canonicalJson,
  orderedSections,
  recommendationNumbers,
  translationState,
  type FollowUp,
  type ParticipantConsent,
  type Statement,
  type StatementAmendment,
  type StatementAnnex,
  type StatementApproval,
  type StatementBlock,
  type StatementBlockRecord,
  type StatementFinal,
  type StatementFollowUpRecord,
  type StatementShown,
  type StatementLanguage,
  type StatementLock,
  type StatementMeta,
  type StatementSectionRecord,
  type StatementSnapshot,
  type StatementTranslation,
  type StatementVersionInfo,
  type TranslationState,
} from '../../../shared/statement.js';
import { tableScope } from '../../../shared/protocol.js';
import type { Db } from '../../store/sqlite.js';
import type { TopicReader } from '../context.js';
import { readBasics } from '../panels/panels.js';

/** The statement's default title before anyone has named it. */
export const DEFAULT_TITLE: Record<StatementLanguage, string> = { fi: 'Lausuma', sv: 'Utlåtande', en: 'Statement' };

// ---------------------------------------------------------------- rows

interface MetaRow {
  title: string;
  summary: string;
  main_language: StatementLanguage;
  second_language: StatementLanguage | null;
  updated_at: string;
}

interface BlockRow {
  id: string;
  section_id: string;
  kind: StatementBlockRecord['kind'];
  position: number;
  title: string;
  text: string;
  rationale: string;
  authors: string;
  recommendation_id: string | null;
  draft_recommendation_id: string | null;
  source_note_ids: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

interface TranslationRow {
  target_id: string;
  language: StatementLanguage;
  title: string;
  text: string;
  rationale: string;
  source_version: number;
  updated_at: string;
}

interface AmendmentRow {
  id: string;
  block_id: string;
  table_no: number | null;
  device_name: string;
  text: string;
  reason: string;
  base_version: number;
  status: StatementAmendment['status'];
  decision_note: string;
  created_at: string;
  decided_at: string | null;
}

export function toBlock(r: BlockRow): StatementBlockRecord {
  return {
    id: r.id,
    sectionId: r.section_id,
    kind: r.kind,
    position: r.position,
    title: r.title,
    text: r.text,
    rationale: r.rationale,
    authors: r.authors,
    recommendationId: r.recommendation_id,
    draftRecommendationId: r.draft_recommendation_id,
    sourceNoteIds: JSON.parse(r.source_note_ids) as string[],
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function toTranslation(r: TranslationRow): StatementTranslation {
  return { targetId: r.target_id, language: r.language, title: r.title, text: r.text, rationale: r.rationale, sourceVersion: r.source_version, updatedAt: r.updated_at };
}

export function toAmendment(r: AmendmentRow): StatementAmendment {
  return {
    id: r.id,
    blockId: r.block_id,
    tableNo: r.table_no,
    deviceName: r.device_name,
    text: r.text,
    reason: r.reason,
    baseVersion: r.base_version,
    status: r.status,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

export function amendmentScope(tableNo: number | null) {
  return tableScope(tableNo === null ? [] : [tableNo]);
}

// ---------------------------------------------------------------- reads

export function panelBasics(db: Db): PanelBasics | null {
  return db.prepare('SELECT 1 FROM panel WHERE id = 1').get() ? readBasics(db) : null;
}

function defaultLanguage(db: Db): StatementLanguage {
  const langs = panelBasics(db)?.languages ?? ['fi'];
  return (langs[0] ?? 'fi') as StatementLanguage;
}

export function readMetaRow(db: Db): MetaRow {
  const row = db.prepare('SELECT title, summary, main_language, second_language, updated_at FROM statement WHERE id = ?').get('statement') as MetaRow | undefined;
  if (row) return row;
  const main = defaultLanguage(db);
  const second = (panelBasics(db)?.languages ?? []).find((l) => l !== main) as StatementLanguage | undefined;
  return { title: DEFAULT_TITLE[main], summary: '', main_language: main, second_language: second ?? null, updated_at: '' };
}

export function readApproval(db: Db): StatementApproval | null {
  const r = db.prepare('SELECT * FROM statement_approval WHERE id = ?').get('approval') as
    | { method: 'vote' | 'decision'; vote_id: string | null; decision_text: string; approved_on: string; approved_by: string }
    | undefined;
  return r ? { method: r.method, voteId: r.vote_id, decisionText: r.decision_text, approvedOn: r.approved_on, approvedBy: r.approved_by } : null;
}

export function readFinal(db: Db): StatementFinal | null {
  const r = db.prepare('SELECT sha256, locked_at, locked_by FROM statement_final WHERE id = ?').get('final') as
    | { sha256: string; locked_at: string; locked_by: string }
    | undefined;
  return r ? { sha256: r.sha256, lockedAt: r.locked_at, lockedBy: r.locked_by } : null;
}

export function readMeta(db: Db): StatementMeta {
  const m = readMetaRow(db);
  return {
    title: m.title,
    summary: m.summary,
    mainLanguage: m.main_language,
    secondLanguage: m.second_language,
    approval: readApproval(db),
    final: readFinal(db),
    updatedAt: m.updated_at,
  };
}

export function readSections(db: Db): StatementSectionRecord[] {
  return db.prepare('SELECT id, title, position FROM statement_section ORDER BY position, id').all() as StatementSectionRecord[];
}

export function readBlocks(db: Db): StatementBlockRecord[] {
  return (db.prepare('SELECT * FROM statement_block ORDER BY section_id, position, id').all() as BlockRow[]).map(toBlock);
}

export function readBlock(db: Db, id: string): StatementBlockRecord | null {
  const row = db.prepare('SELECT * FROM statement_block WHERE id = ?').get(id) as BlockRow | undefined;
  return row ? toBlock(row) : null;
}

export function readTranslations(db: Db): StatementTranslation[] {
  return (db.prepare('SELECT * FROM statement_translation ORDER BY target_id, language').all() as TranslationRow[]).map(toTranslation);
}

export function readTranslation(db: Db, targetId: string, language: string): StatementTranslation | null {
  const r = db.prepare('SELECT * FROM statement_translation WHERE target_id = ? AND language = ?').get(targetId, language) as TranslationRow | undefined;
  return r ? toTranslation(r) : null;
}

export function readAmendment(db: Db, id: string): StatementAmendment | null {
  const r = db.prepare('SELECT * FROM statement_amendment WHERE id = ?').get(id) as AmendmentRow | undefined;
  return r ? toAmendment(r) : null;
}

export function readLock(db: Db, blockId: string): StatementLock | null {
  const r = db.prepare('SELECT * FROM statement_lock WHERE block_id = ?').get(blockId) as
    | { block_id: string; holder: string; holder_name: string; expires_at: string }
    | undefined;
  return r ? { blockId: r.block_id, holder: r.holder, holderName: r.holder_name, expiresAt: r.expires_at } : null;
}

export function readFollowUps(db: Db): StatementFollowUpRecord[] {
  return (
    db.prepare('SELECT * FROM statement_follow_up ORDER BY block_id').all() as {
      block_id: string;
      status: FollowUp['status'];
      reasons: string;
      answered_on: string | null;
      updated_at: string;
    }[]
  ).map((r) => ({ blockId: r.block_id, status: r.status, reasons: r.reasons, answeredOn: r.answered_on, updatedAt: r.updated_at }));
}

export function readAnnexes(db: Db): StatementAnnex[] {
  return (
    db.prepare('SELECT * FROM statement_annex ORDER BY position, id').all() as {
      id: string;
      visibility: 'public' | 'confidential';
      title: string;
      text: string;
      file_name: string | null;
      position: number;
    }[]
  ).map((r) => ({ id: r.id, visibility: r.visibility, title: r.title, text: r.text, fileName: r.file_name, position: r.position }));
}

export function readConsents(db: Db): ParticipantConsent[] {
  return (db.prepare('SELECT * FROM participant_consent ORDER BY participant_id').all() as { participant_id: string; named: number; recorded_at: string }[]).map((r) => ({
    participantId: r.participant_id,
    named: r.named === 1,
    recordedAt: r.recorded_at,
  }));
}

/** Display names of the participants who consented to be named. */
export function namedParticipants(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT p.display_name AS name FROM participant_consent c JOIN participant p ON p.id = c.participant_id
       WHERE c.named = 1 ORDER BY p.display_name COLLATE NOCASE`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** The whole statement's editable state (main language and translations), as versions store it. */
export function readSnapshot(db: Db): StatementSnapshot {
  const m = readMetaRow(db);
  return {
    meta: { title: m.title, summary: m.summary, mainLanguage: m.main_language, secondLanguage: m.second_language },
    sections: readSections(db),
    blocks: readBlocks(db).sort((a, b) => (a.sectionId === b.sectionId ? a.position - b.position : a.sectionId < b.sectionId ? -1 : 1)),
    translations: readTranslations(db),
  };
}

/** Builds the document structure from a snapshot, in one language. */
export function statementFromSnapshot(
  snapshot: StatementSnapshot,
  language: StatementLanguage,
  extra: {
    registerNumber: string;
    approval: StatementApproval | null;
    final: StatementFinal | null;
    annexes: StatementAnnex[];
    namedParticipants: string[];
    followUps: StatementFollowUpRecord[];
  },
): Statement {
  const main = snapshot.meta.mainLanguage;
  const languages: StatementLanguage[] = [main, ...(snapshot.meta.secondLanguage && snapshot.meta.secondLanguage !== main ? [snapshot.meta.secondLanguage] : [])];
  const translations = new Map(snapshot.translations.map((t) => [`${t.targetId}:${t.language}`, t]));
  const followUps = new Map(extra.followUps.map((f) => [f.blockId, f]));
  const numbers = recommendationNumbers(snapshot);
  const untranslated: Statement['untranslated'] = [];
  const stateOf = (targetId: string, version: number, lang: StatementLanguage): TranslationState =>
    lang === main ? 'original' : translationState({ version }, translations.get(`${targetId}:${lang}`));
  const textOf = (targetId: string, version: number) => {
    const state = stateOf(targetId, version, language);
    if (state === 'missing' || state === 'outdated') untranslated.push({ id: targetId, state });
    return { state, t: language === main ? undefined : translations.get(`${targetId}:${language}`) };
  };
  const meta = textOf('statement', 1);
  const sections = orderedSections(snapshot).map(({ section, blocks }, index) => {
    const s = textOf(section.id, 1);
    return {
      id: section.id,
      number: index + 1,
      title: s.t?.title || section.title,
      translation: s.state,
      blocks: blocks.map((b): StatementBlock => {
        const { state, t } = textOf(b.id, b.version);
        const title = t?.title || b.title;
        const text = t ? t.text : b.text;
        if (b.kind === 'recommendation') {
          const f = followUps.get(b.id);
          return {
            kind: 'recommendation',
            id: b.id,
            number: numbers.get(b.id) ?? '',
            title,
            text,
            rationale: t ? t.rationale : b.rationale,
            sourceNoteIds: b.sourceNoteIds,
            draftRecommendationId: b.draftRecommendationId,
            version: b.version,
            translation: state,
            translations: Object.fromEntries(languages.map((l) => [l, stateOf(b.id, b.version, l)])),
            followUp: f ? { status: f.status, reasons: f.reasons, answeredOn: f.answeredOn, updatedAt: f.updatedAt } : null,
          };
        }
        if (b.kind === 'minority') return { kind: 'minority', id: b.id, recommendationId: b.recommendationId, text, authors: b.authors || null, translation: state };
        return { kind: 'text', id: b.id, heading: title || null, text, translation: state };
      }),
    };
  });
  return {
    language,
    mainLanguage: main,
    languages,
    title: meta.t?.title || snapshot.meta.title,
    summary: meta.t ? meta.t.text : snapshot.meta.summary,
    registerNumber: extra.registerNumber,
    sections,
    approval: extra.approval,
    final: extra.final,
    annexes: { public: extra.annexes.filter((a) => a.visibility === 'public'), confidential: extra.annexes.filter((a) => a.visibility === 'confidential') },
    namedParticipants: extra.namedParticipants,
    // The statement's own title/summary translation counts only when it has some text to translate.
    untranslated: untranslated.filter((u) => u.id !== 'statement' || snapshot.meta.summary || snapshot.meta.title !== DEFAULT_TITLE[main]),
  };
}

/**
 * The statement as a document structure in `language` (default: its main language). Texts not yet
 * translated carry the main language's text with `translation: 'missing'` (or 'outdated').
 */
export function readStatement(db: Db, language?: StatementLanguage): Statement {
  const snapshot = readSnapshot(db);
  return statementFromSnapshot(snapshot, language ?? snapshot.meta.mainLanguage, {
    registerNumber: panelBasics(db)?.recordNumber ?? '',
    approval: readApproval(db),
    final: readFinal(db),
    annexes: readAnnexes(db),
    namedParticipants: namedParticipants(db),
    followUps: readFollowUps(db),
  });
}

/**
 * What the final version's checksum covers: the statement in every language, the approval record,
 * the register number, the annexes and the named participants. Follow-up is not part of it.
 */
export function finalContent(db: Db): unknown {
  const snapshot = readSnapshot(db);
  const languages = [snapshot.meta.mainLanguage, ...(snapshot.meta.secondLanguage ? [snapshot.meta.secondLanguage] : [])];
  const extra = {
    registerNumber: panelBasics(db)?.recordNumber ?? '',
    approval: readApproval(db),
    final: null,
    annexes: readAnnexes(db),
    namedParticipants: namedParticipants(db),
    followUps: [],
  };
  return { statements: languages.map((l) => statementFromSnapshot(snapshot, l, extra)) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function canonicalFinal(db: Db): { json: string; sha256: string } {
  const json = canonicalJson(finalContent(db));
  return { json, sha256: sha256Hex(json) };
}

// ---------------------------------------------------------------- topics

export const statementMetaTopic: TopicReader<'statementMeta'> = ({ db }) => [{ key: 'statement', value: readMeta(db), scope: null }];

export const statementSectionsTopic: TopicReader<'statementSections'> = ({ db }) => readSections(db).map((s) => ({ key: s.id, value: s, scope: null }));

export const statementBlocksTopic: TopicReader<'statementBlocks'> = ({ db }) => readBlocks(db).map((b) => ({ key: b.id, value: b, scope: null }));

export const statementLocksTopic: TopicReader<'statementLocks'> = ({ db }) =>
  (db.prepare('SELECT block_id FROM statement_lock').all() as { block_id: string }[]).map((r) => ({ key: r.block_id, value: readLock(db, r.block_id)!, scope: null }));

export const statementVersionsTopic: TopicReader<'statementVersions'> = ({ db }) =>
  (
    db.prepare('SELECT id, name, kind, created_at, created_by FROM statement_version ORDER BY created_at, id').all() as {
      id: string;
      name: string;
      kind: StatementVersionInfo['kind'];
      created_at: string;
      created_by: string;
    }[]
  ).map((r) => ({ key: r.id, value: { id: r.id, name: r.name, kind: r.kind, createdAt: r.created_at, createdBy: r.created_by }, scope: null }));

export const statementTranslationsTopic: TopicReader<'statementTranslations'> = ({ db }) =>
  readTranslations(db).map((t) => ({ key: `${t.targetId}:${t.language}`, value: t, scope: null }));

export const statementAmendmentsTopic: TopicReader<'statementAmendments'> = ({ db }) =>
  (db.prepare('SELECT * FROM statement_amendment ORDER BY created_at, id').all() as AmendmentRow[]).map((r) => ({
    key: r.id,
    value: toAmendment(r),
    scope: amendmentScope(r.table_no),
  }));

/** The draft on the projector, kept in meta ('statement.shown') like the seating round shown. */
export function readShown(db: Db): StatementShown {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'statement.shown'").get() as { value: string } | undefined;
  // Rows written before the projector had a language choice lack `language`.
  return { mode: null, blockId: null, language: null, ...(row ? (JSON.parse(row.value) as Partial<StatementShown>) : {}) };
}

export const statementShownTopic: TopicReader<'statementShown'> = ({ db }) => [{ key: 'shown', value: readShown(db), scope: null }];

export const statementFollowUpTopic: TopicReader<'statementFollowUp'> = ({ db }) => readFollowUps(db).map((f) => ({ key: f.blockId, value: f, scope: null }));

export const statementAnnexesTopic: TopicReader<'statementAnnexes'> = ({ db }) => readAnnexes(db).map((a) => ({ key: a.id, value: a, scope: null }));

export const participantConsentTopic: TopicReader<'participantConsent'> = ({ db }) => readConsents(db).map((c) => ({ key: c.participantId, value: c, scope: null }));
