/**
 * Everything the statement's exports read from the open panel, in one go: the statement itself
 * (readStatement), vote results, the panel's composition, experts, the programme as run, and
 * attendance. Display names only; no personal data is read here.
 */
import type { AgendaDay, AgendaItem, Expert } from '../../../shared/agenda.js';
import type { ItemRun } from '../../../shared/clock.js';
import type { PanelBasics } from '../../../shared/panel.js';
import type { Attendance, BackgroundFeature, Participant } from '../../../shared/participants.js';
import type { Statement, StatementLanguage } from '../../../shared/statement.js';
import { supportingKeys } from '../../../shared/voteCounting.js';
import { type SubjectResult, type Vote, type VoteResult, type VoteSubject } from '../../../shared/votes.js';
import type { Db } from '../../store/sqlite.js';
import { agendaDaysTopic, agendaItemsTopic, expertsTopic } from '../agenda/agenda.js';
import { readRuns } from '../clock/clock.js';
import { readBasics } from '../panels/panels.js';
import { attendanceTopic, featuresTopic, participantBackgroundTopic, participantsTopic } from '../participants/participants.js';
import { readStatementForExport } from './statementSource.js';
import { voteResultsTopic, votesTopic } from '../votes/votes.js';

/** A recommendation's vote: the vote, its subject, and the subject's result (null while none is counted). */
export interface RecommendationVote {
  vote: Vote;
  subject: VoteSubject;
  result: SubjectResult | null;
  /** The base the percentages are of (ballots cast or people present). */
  base: number;
  /** People whose answer counts as support. */
  supportCount: number | null;
}

export interface ExportData {
  basics: PanelBasics;
  statement: Statement;
  /** Keyed by the statement's recommendation block id. */
  votes: Map<string, RecommendationVote>;
  features: BackgroundFeature[];
  /** Panel members: participants confirmed (not declined, dropped out, replaced or only invited). */
  members: Participant[];
  /** participant id → feature key → value */
  background: Map<string, Record<string, string>>;
  experts: Expert[];
  days: AgendaDay[];
  items: AgendaItem[];
  runs: ItemRun[];
  attendance: Attendance[];
}

/** The supporting answers' count of a subject's result, by the vote's method. */
export function supportCount(vote: Vote, result: SubjectResult): number | null {
  if (vote.method === 'dots' || vote.method === 'ranking') return null;
  return supportingKeys(vote.method).reduce((sum, key) => sum + (result.counts[key] ?? 0), 0);
}

function findVotes(db: Db, statement: Statement): Map<string, RecommendationVote> {
  const ctx = { db, isConnected: () => false };
  let votes: Vote[] = [];
  let results: VoteResult[] = [];
  try {
    votes = votesTopic(ctx).map((e) => e.value);
    results = voteResultsTopic(ctx).map((e) => e.value);
  } catch {
    // A panel without votes (or before the votes feature): no results to show.
    return new Map();
  }
  const resultByVote = new Map(results.map((r) => [r.voteId, r]));
  const out = new Map<string, RecommendationVote>();
  const rank = (v: Vote) => (v.status === 'closed' ? 2 : v.status === 'open' ? 1 : 0);
  for (const section of statement.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'recommendation') continue;
      const ids = new Set([block.id, block.draftRecommendationId].filter((x): x is string => !!x));
      let best: RecommendationVote | null = null;
      for (const vote of votes) {
        if (vote.status === 'draft') continue;
        const subject = vote.subjects.find((s) => s.recommendationId !== null && ids.has(s.recommendationId));
        if (!subject) continue;
        const voteResult = resultByVote.get(vote.id) ?? null;
        const result = voteResult?.subjects.find((s) => s.subjectId === subject.id) ?? null;
        const candidate: RecommendationVote = {
          vote,
          subject,
          result,
          base: voteResult?.base ?? 0,
          supportCount: result ? supportCount(vote, result) : null,
        };
        // A closed vote beats an open one; among equals the latest closed.
        if (!best || rank(vote) > rank(best.vote) || (rank(vote) === rank(best.vote) && (vote.closedAt ?? '') > (best.vote.closedAt ?? ''))) {
          best = candidate;
        }
      }
      if (best) out.set(block.id, best);
    }
  }
  return out;
}

export function readExportData(db: Db, language: StatementLanguage): ExportData {
  const ctx = { db, isConnected: () => false };
  const statement = readStatementForExport(db, language);
  const participants = participantsTopic(ctx).map((e) => e.value);
  return {
    basics: readBasics(db),
    statement,
    votes: findVotes(db, statement),
    features: featuresTopic(ctx).map((e) => e.value),
    members: participants.filter((p) => p.status === 'confirmed'),
    background: new Map(participantBackgroundTopic(ctx).map((e) => [e.value.participantId, e.value.features])),
    experts: expertsTopic(ctx).map((e) => e.value),
    days: agendaDaysTopic(ctx).map((e) => e.value),
    items: agendaItemsTopic(ctx).map((e) => e.value),
    runs: readRuns(db),
    attendance: attendanceTopic(ctx).map((e) => e.value),
  };
}
