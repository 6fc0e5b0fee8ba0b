import { z } from 'zod';

/**
 * The panel's statement (lausuma): sections of blocks (recommendations, minority opinions, free
 * text), named versions, editing locks, amendments from tables, a second language linked block by
 * block, an approval record, a locked final version and the authority's follow-up.
 *
 * Texts are a limited rich text: a Markdown subset (see richText.ts), stored as plain text.
 */

export const STATEMENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

export const BLOCK_KINDS = ['recommendation', 'minority', 'text'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/**
 * A block's text in a language: `original` (this is the main language), `current` (translated from
 * the block's current version), `outdated` (translated from an older version), `missing` (not
 * translated: the structure then carries the main language's text).
 */
export type TranslationState = 'original' | 'current' | 'outdated' | 'missing';

export const FOLLOW_UP_STATUSES = ['done', 'planned', 'notPossible'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const AMENDMENT_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

// ---------------------------------------------------------------- the read model (exports read this)

/** The authority's answer to a recommendation. `answeredOn` is an ISO date (YYYY-MM-DD). */
export interface FollowUp {
  status: FollowUpStatus;
  reasons: string;
  answeredOn: string | null;
  updatedAt: string;
}

export interface StatementRecommendation {
  kind: 'recommendation';
  id: string;
  /** Numbered through the statement in order: "1", "2", … */
  number: string;
  title: string;
  /** Rich text (Markdown subset). */
  text: string;
  /** Rich text (Markdown subset). May be empty. */
  rationale: string;
  /** The table notes it came from (through the draft recommendation). */
  sourceNoteIds: string[];
  /** The draft recommendation (topic 'recommendations') it was made from, if any. Votes may name either id. */
  draftRecommendationId: string | null;
  /** The recommendation's version in the main language (each save and accepted amendment adds one). */
  version: number;
  /** State of this language's text. */
  translation: TranslationState;
  /** State in every language of the statement (main language: 'original'). */
  translations: Partial<Record<StatementLanguage, TranslationState>>;
  followUp: FollowUp | null;
}

export interface StatementMinorityOpinion {
  kind: 'minority';
  id: string;
  /** The recommendation it dissents from, or null: a minority opinion on the statement as a whole. */
  recommendationId: string | null;
  text: string;
  /** Who holds it, if they wish to be named. */
  authors: string | null;
  translation: TranslationState;
}

export interface StatementFreeText {
  kind: 'text';
  id: string;
  heading: string | null;
  text: string;
  translation: TranslationState;
}

export type StatementBlock = StatementRecommendation | StatementMinorityOpinion | StatementFreeText;

export interface StatementSection {
  id: string;
  /** 1-based position. */
  number: number;
  title: string;
  translation: TranslationState;
  blocks: StatementBlock[];
}

export interface StatementApproval {
  /** Adopted by a vote (topic 'votes') or by a decision recorded as text. */
  method: 'vote' | 'decision';
  voteId: string | null;
  decisionText: string;
  /** ISO date YYYY-MM-DD. */
  approvedOn: string;
  /** Who approved (e.g. "Paneelin täysistunto"). */
  approvedBy: string;
}

export interface StatementFinal {
  lockedAt: string;
  lockedBy: string;
  /** SHA-256 (hex) of the canonical JSON of the final statement (all languages), see canonicalJson. */
  sha256: string;
}

export interface StatementAnnex {
  id: string;
  visibility: 'public' | 'confidential';
  title: string;
  text: string;
  fileName: string | null;
  position: number;
}

/** What `readStatement(db, language)` (main/features/statement/statement.ts) returns. */
export interface Statement {
  /** The language of the texts in this structure. */
  language: StatementLanguage;
  mainLanguage: StatementLanguage;
  /** Main language first, then the translation languages. */
  languages: StatementLanguage[];
  title: string;
  /** Rich text shown before the sections (summary); may be empty. */
  summary: string;
  /** The case register number (diaarinumero) from the panel basics; '' when none. */
  registerNumber: string;
  sections: StatementSection[];
  approval: StatementApproval | null;
  final: StatementFinal | null;
  annexes: { public: StatementAnnex[]; confidential: StatementAnnex[] };
  /** Display names of the participants who consented to be named, sorted. */
  namedParticipants: string[];
  /** Blocks and section titles whose text in this language is missing or outdated. */
  untranslated: { id: string; state: 'missing' | 'outdated' }[];
}

// ---------------------------------------------------------------- topic records (the feed)

/** Topic 'statementMeta', key 'statement'. */
export interface StatementMeta {
  title: string;
  summary: string;
  mainLanguage: StatementLanguage;
  /** The translation language, or null when the statement is in one language only. */
  secondLanguage: StatementLanguage | null;
  approval: StatementApproval | null;
  final: StatementFinal | null;
  updatedAt: string;
}

/** Topic 'statementSections'. */
export interface StatementSectionRecord {
  id: string;
  title: string;
  position: number;
}

/** Topic 'statementBlocks': a block in the main language. */
export interface StatementBlockRecord {
  id: string;
  sectionId: string;
  kind: BlockKind;
  position: number;
  /** recommendation: its title; text block: its heading ('' for none); minority: ''. */
  title: string;
  text: string;
  rationale: string;
  /** minority: who holds it ('' when not named). */
  authors: string;
  /** minority: the recommendation it dissents from. */
  recommendationId: string | null;
  draftRecommendationId: string | null;
  sourceNoteIds: string[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Topic 'statementLocks', key: the block id. Expired locks are free. */
export interface StatementLock {
  blockId: string;
  /** Who holds it: a device id, or 'facilitator' for the host's own windows. */
  holder: string;
  holderName: string;
  expiresAt: string;
}

/** Topic 'statementVersions' (the snapshot itself is read with statement.version). */
export interface StatementVersionInfo {
  id: string;
  name: string;
  /** named: saved by someone; beforeRestore: saved automatically before a restore; restored: a restore; final: the locked final. */
  kind: 'named' | 'beforeRestore' | 'restored' | 'final';
  createdAt: string;
  createdBy: string;
}

/** Topic 'statementTranslations', key `${targetId}:${language}` (target: a block or a section). */
export interface StatementTranslation {
  targetId: string;
  language: StatementLanguage;
  title: string;
  text: string;
  rationale: string;
  /** The main-language version it translates (sections: always 1). */
  sourceVersion: number;
  updatedAt: string;
}

/** Topic 'statementAmendments'. Secretaries see their own table's proposals. */
export interface StatementAmendment {
  id: string;
  blockId: string;
  tableNo: number | null;
  deviceName: string;
  text: string;
  reason: string;
  /** The recommendation's version the proposal was written against. */
  baseVersion: number;
  status: AmendmentStatus;
  decisionNote: string;
  createdAt: string;
  decidedAt: string | null;
}

/**
 * How the projector shows the draft for a read-through: one block at a time, or the whole draft
 * scrolled to the block the facilitator is at.
 */
export const STATEMENT_PROJECTOR_MODES = ['one', 'scroll'] as const;
export type StatementProjectorMode = (typeof STATEMENT_PROJECTOR_MODES)[number];

/** Topic 'statementShown' (key 'shown'): the draft on the projector; mode null when it is not shown. */
export interface StatementShown {
  mode: StatementProjectorMode | null;
  /** The block shown (or scrolled to); null: the statement's start. */
  blockId: string | null;
  /** The translation the projector shows; null: the main language. Kept while the draft is not shown. */
  language: StatementLanguage | null;
}

/** Topic 'statementFollowUp', key: the recommendation block id. */
export interface StatementFollowUpRecord extends FollowUp {
  blockId: string;
}

/** Topic 'statementAnnexes' (facilitators only: confidential annexes are among them). */
export type StatementAnnexRecord = StatementAnnex;

/** Topic 'participantConsent': a participant's recorded consent to be named in the annex. */
export interface ParticipantConsent {
  participantId: string;
  named: boolean;
  recordedAt: string;
}

/** A saved snapshot of the whole statement (main language and translations). */
export interface StatementSnapshot {
  meta: { title: string; summary: string; mainLanguage: StatementLanguage; secondLanguage: StatementLanguage | null };
  sections: StatementSectionRecord[];
  blocks: StatementBlockRecord[];
  translations: StatementTranslation[];
}

/** Edits are refused this long after a lock's last renewal. */
export const LOCK_MS = 2 * 60_000;

// ---------------------------------------------------------------- pure helpers

/** JSON with object keys sorted, no whitespace: the same value gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Sections in order, each with its blocks in order. */
export function orderedSections(snapshot: Pick<StatementSnapshot, 'sections' | 'blocks'>): { section: StatementSectionRecord; blocks: StatementBlockRecord[] }[] {
  const sections = [...snapshot.sections].sort((a, b) => a.position - b.position);
  return sections.map((section) => ({
    section,
    blocks: snapshot.blocks.filter((b) => b.sectionId === section.id).sort((a, b) => a.position - b.position),
  }));
}

/** Recommendation numbers through the statement: block id → "1", "2", … */
export function recommendationNumbers(snapshot: Pick<StatementSnapshot, 'sections' | 'blocks'>): Map<string, string> {
  const numbers = new Map<string, string>();
  let n = 0;
  for (const { blocks } of orderedSections(snapshot)) {
    for (const block of blocks) if (block.kind === 'recommendation') numbers.set(block.id, String(++n));
  }
  return numbers;
}

export function translationState(
  block: { version: number },
  translation: { sourceVersion: number } | undefined,
): Exclude<TranslationState, 'original'> {
  if (!translation) return 'missing';
  return translation.sourceVersion >= block.version ? 'current' : 'outdated';
}

// ---------------------------------------------------------------- commands

const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const MANAGE = ['facilitator', 'cofacilitator'] as const;
const title = z.string().trim().max(300);
const rich = z.string().max(20_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const language = z.enum(STATEMENT_LANGUAGES);

export const statementCommands = {
  'statement.update': {
    input: z.object({ title: title.min(1).optional(), summary: rich.optional(), mainLanguage: language.optional(), secondLanguage: language.nullable().optional() }),
    roles: MANAGE,
  },
  'statement.addSection': { input: z.object({ title: title.min(1), position: z.number().int().min(0).optional() }), roles: MANAGE },
  'statement.updateSection': { input: z.object({ sectionId: id, title: title.min(1) }), roles: MANAGE },
  'statement.moveSection': { input: z.object({ sectionId: id, position: z.number().int().min(0) }), roles: MANAGE },
  /** Refused while the section still has blocks. */
  'statement.removeSection': { input: z.object({ sectionId: id }), roles: MANAGE },
  'statement.addBlock': {
    input: z.object({
      sectionId: id,
      kind: z.enum(BLOCK_KINDS),
      title: title.default(''),
      text: rich.default(''),
      rationale: rich.default(''),
      authors: z.string().trim().max(500).default(''),
      recommendationId: id.nullable().default(null),
      position: z.number().int().min(0).optional(),
    }),
    roles: MANAGE,
  },
  /** Make recommendation blocks from draft recommendations (topic 'recommendations'), keeping their notes. */
  'statement.fromDrafts': { input: z.object({ sectionId: id, recommendationIds: z.array(id).min(1).max(200) }), roles: MANAGE },
  /** Take or renew the editing lock of a block. */
  'statement.lock': { input: z.object({ blockId: id }), roles: MANAGE, audit: false as const },
  'statement.unlock': { input: z.object({ blockId: id }), roles: MANAGE, audit: false as const },
  /** Save a block's text; refused (statement.stale) when the block moved past baseVersion. Releases the lock. */
  'statement.saveBlock': {
    input: z.object({
      blockId: id,
      baseVersion: z.number().int().min(1),
      title: title.optional(),
      text: rich.optional(),
      rationale: rich.optional(),
      authors: z.string().trim().max(500).optional(),
      recommendationId: id.nullable().optional(),
    }),
    roles: MANAGE,
  },
  'statement.moveBlock': { input: z.object({ blockId: id, sectionId: id, position: z.number().int().min(0) }), roles: MANAGE },
  'statement.removeBlock': { input: z.object({ blockId: id }), roles: MANAGE },
  'statement.saveVersion': { input: z.object({ name: z.string().trim().min(1).max(200) }), roles: MANAGE },
  /** The current state is saved first (kind beforeRestore); the restore is itself recorded. */
  'statement.restoreVersion': { input: z.object({ versionId: id }), roles: MANAGE },
  /** A table proposes new text for a recommendation. The id is made on the laptop (outbox). */
  'statement.proposeAmendment': {
    input: z.object({ amendmentId: uuid, blockId: id, text: z.string().trim().min(1).max(8000), reason: z.string().trim().max(2000).default('') }),
    roles: ['facilitator', 'cofacilitator', 'secretary'] as const,
  },
  'statement.decideAmendment': {
    input: z.object({ amendmentId: id, decision: z.enum(['accept', 'decline']), note: z.string().trim().max(2000).default('') }),
    roles: MANAGE,
  },
  'statement.saveTranslation': {
    input: z.object({ targetId: id, language, title: title.default(''), text: rich.default(''), rationale: rich.default('') }),
    roles: MANAGE,
  },
  'statement.setApproval': {
    input: z.object({
      method: z.enum(['vote', 'decision']),
      voteId: id.nullable().default(null),
      decisionText: z.string().trim().max(2000).default(''),
      approvedOn: isoDate,
      approvedBy: z.string().trim().min(1).max(300),
    }),
    roles: MANAGE,
  },
  /** Lock the final version: needs the approval record; afterwards only follow-up may change. */
  'statement.finalize': { input: z.object({}), roles: ['facilitator'] as const },
  /** The draft on the projector (read-only, large type); mode null takes it down. Last shown wins. */
  'statement.showOnProjector': {
    input: z.object({ mode: z.enum(STATEMENT_PROJECTOR_MODES).nullable(), blockId: id.nullable().default(null) }),
    roles: MANAGE,
  },
  /** Which of the statement's languages the projector shows: the main language or the translation. */
  'statement.setProjectorLanguage': { input: z.object({ language }), roles: MANAGE },
  'statement.setFollowUp': {
    input: z.object({ blockId: id, status: z.enum(FOLLOW_UP_STATUSES), reasons: z.string().trim().max(8000).default(''), answeredOn: isoDate.nullable().default(null) }),
    roles: MANAGE,
  },
  'statement.setConsent': { input: z.object({ participantId: id, named: z.boolean() }), roles: MANAGE },
  'statement.addAnnex': {
    input: z.object({ visibility: z.enum(['public', 'confidential']), title: title.min(1), text: rich.default(''), fileName: z.string().trim().max(300).nullable().default(null) }),
    roles: MANAGE,
  },
  'statement.updateAnnex': {
    input: z.object({ annexId: id, visibility: z.enum(['public', 'confidential']).optional(), title: title.min(1).optional(), text: rich.optional() }),
    roles: MANAGE,
  },
  'statement.removeAnnex': { input: z.object({ annexId: id }), roles: MANAGE },
} as const;

/** Reads (no receipt, no audit). */
export const statementQueries = {
  /** A saved version's snapshot, or the current state with versionId 'current'. */
  'statement.version': { input: z.object({ versionId: id }), roles: MANAGE, query: true as const },
} as const;
