/**
 * The statement as the exports read it (readStatement). Until the panel has a statement drafted,
 * the draft recommendations grouped from table notes stand in for it (one section, in the order
 * the facilitator gave them), so that an export is never empty.
 */
import type { Statement, StatementLanguage, StatementRecommendation } from '../../../shared/statement.js';
import type { Db } from '../../store/sqlite.js';
import { readBasics } from '../panels/panels.js';
import { readStatement } from '../statement/statement.js';

/** Builds a stand-in statement from draft_recommendation. */
export function statementFromDrafts(db: Db, language: StatementLanguage): Statement {
  const basics = readBasics(db);
  const drafts = db.prepare('SELECT id, title, text FROM draft_recommendation ORDER BY position').all() as { id: string; title: string; text: string }[];
  const mainLanguage = (basics.languages[0] ?? 'fi') as StatementLanguage;
  const state = language === mainLanguage ? 'original' : 'missing';
  const blocks: StatementRecommendation[] = drafts.map((d, i) => ({
    kind: 'recommendation',
    id: d.id,
    number: String(i + 1),
    title: d.title,
    text: d.text,
    rationale: '',
    sourceNoteIds: [],
    draftRecommendationId: d.id,
    version: 1,
    translation: state,
    translations: { [mainLanguage]: 'original' },
    followUp: null,
  }));
  return {
    language,
    mainLanguage,
    languages: basics.languages as StatementLanguage[],
    title: basics.name,
    summary: '',
    registerNumber: basics.recordNumber,
    sections: blocks.length ? [{ id: 'drafts', number: 1, title: '', translation: state, blocks }] : [],
    approval: null,
    final: null,
    annexes: { public: [], confidential: [] },
    namedParticipants: [],
    untranslated: state === 'missing' ? blocks.map((b) => ({ id: b.id, state: 'missing' as const })) : [],
  };
}

/** The drafted statement; while it has no sections yet, the draft recommendations stand in for it. */
export function readStatementForExport(db: Db, language: StatementLanguage): Statement {
  const statement = readStatement(db, language);
  return statement.sections.length > 0 ? statement : statementFromDrafts(db, language);
}
