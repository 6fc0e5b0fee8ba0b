/**
 * Open data: the recommendations and their vote results as JSON and CSV. No personal data: no
 * names of participants, authors of minority opinions, devices or ballots — only the texts the
 * panel adopted and aggregate counts.
 *
 * JSON schema ("puntari.statement.opendata/1"):
 *   {
 *     "schema": "puntari.statement.opendata/1",
 *     "generatedAt": ISO 8601 timestamp,
 *     "language": "fi" | "sv" | "en",              the language of the texts
 *     "panel": { "name", "organiser", "area", "municipalities": string[],
 *                "startsOn": "YYYY-MM-DD" | null, "endsOn": "YYYY-MM-DD" | null, "recordNumber": string },
 *     "statement": { "title", "status": "draft" | "final", "sha256": string | null, "approvedOn": "YYYY-MM-DD" | null },
 *     "recommendations": [{
 *       "number": "1",                              numbered through the statement
 *       "section": string,                          the section's title
 *       "title": string, "text": string, "rationale": string,   plain text (Markdown removed)
 *       "translation": "original" | "current" | "outdated" | "missing",
 *       "vote": null | {
 *         "title": string, "method": "yesNoAbstain" | "scale4" | "scale5" | "approval" | "dots" | "ranking",
 *         "status": "open" | "closed", "closedAt": ISO timestamp | null,
 *         "base": number,                           people the percentages are of
 *         "answered": number,                       people who answered this recommendation
 *         "answers": [{ "key": "4", "label": "Täysin samaa mieltä", "count": 20, "supports": true }],
 *         "supportCount": number | null, "supportPercent": number | null,   percent 0–100, one decimal
 *         "verdict": string | null                  the highest threshold passed, e.g. "Vahva tuki"
 *       }
 *     }]
 *   }
 *
 * CSV (RFC 4180: comma, double quotes, CRLF, UTF-8 without BOM, '.' as decimal point): one row per
 * recommendation and answer (a recommendation without a vote has one row with the vote columns
 * empty). Columns: CSV_COLUMNS below.
 */
import { richTextToPlain } from '../../../shared/richText.js';
import type { StatementRecommendation } from '../../../shared/statement.js';
import type { DocumentLanguage } from '../../../shared/document.js';
import { answerScale } from './buildDocument.js';
import type { ExportData } from './sources.js';
import { exportTexts } from './texts.js';

export const OPEN_DATA_SCHEMA = 'puntari.statement.opendata/1';

export interface OpenDataAnswer {
  key: string;
  label: string;
  count: number;
  supports: boolean;
}

export interface OpenDataRecommendation {
  number: string;
  section: string;
  title: string;
  text: string;
  rationale: string;
  translation: string;
  vote: null | {
    title: string;
    method: string;
    status: string;
    closedAt: string | null;
    base: number;
    answered: number;
    answers: OpenDataAnswer[];
    supportCount: number | null;
    supportPercent: number | null;
    verdict: string | null;
  };
}

export interface OpenData {
  schema: typeof OPEN_DATA_SCHEMA;
  generatedAt: string;
  language: DocumentLanguage;
  panel: { name: string; organiser: string; area: string; municipalities: string[]; startsOn: string | null; endsOn: string | null; recordNumber: string };
  statement: { title: string; status: 'draft' | 'final'; sha256: string | null; approvedOn: string | null };
  recommendations: OpenDataRecommendation[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildOpenData(data: ExportData, language: DocumentLanguage, now = new Date()): OpenData {
  const t = exportTexts(language);
  const { basics, statement } = data;
  const recommendations: OpenDataRecommendation[] = [];
  for (const section of statement.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'recommendation') continue;
      const rec = block as StatementRecommendation;
      const v = data.votes.get(rec.id);
      let vote: OpenDataRecommendation['vote'] = null;
      if (v && v.result) {
        const base = v.base || v.result.answered;
        vote = {
          title: v.vote.title,
          method: v.vote.method,
          status: v.vote.status,
          closedAt: v.vote.closedAt,
          base,
          answered: v.result.answered,
          answers: answerScale(v, t).map((a) => ({ key: a.key, label: a.label, count: v.result!.counts[a.key] ?? 0, supports: a.support })),
          supportCount: v.supportCount,
          supportPercent: v.result.supportPercent === null ? (v.supportCount !== null && base ? round1((100 * v.supportCount) / base) : null) : round1(v.result.supportPercent),
          verdict: v.result.verdict,
        };
      }
      recommendations.push({
        number: rec.number,
        section: section.title || t.recommendations,
        title: rec.title,
        text: richTextToPlain(rec.text),
        rationale: richTextToPlain(rec.rationale),
        translation: rec.translation,
        vote,
      });
    }
  }
  return {
    schema: OPEN_DATA_SCHEMA,
    generatedAt: now.toISOString(),
    language,
    panel: {
      name: basics.name,
      organiser: basics.organiser,
      area: basics.area,
      municipalities: basics.municipalities,
      startsOn: basics.startsOn,
      endsOn: basics.endsOn,
      recordNumber: statement.registerNumber || basics.recordNumber,
    },
    statement: {
      title: statement.title || basics.name,
      status: statement.final ? 'final' : 'draft',
      sha256: statement.final?.sha256 ?? null,
      approvedOn: statement.approval?.approvedOn ?? null,
    },
    recommendations,
  };
}

export function toJson(data: OpenData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'recommendation_number',
  'section',
  'recommendation_title',
  'vote_title',
  'vote_method',
  'vote_status',
  'base',
  'answered',
  'support_count',
  'support_percent',
  'verdict',
  'answer_key',
  'answer_label',
  'answer_supports',
  'answer_count',
] as const;

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: OpenData): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const r of data.recommendations) {
    const head = [r.number, r.section, r.title];
    if (!r.vote) {
      lines.push([...head, null, null, null, null, null, null, null, null, null, null, null, null].map(csvField).join(','));
      continue;
    }
    const v = r.vote;
    for (const a of v.answers) {
      lines.push(
        [...head, v.title, v.method, v.status, v.base, v.answered, v.supportCount, v.supportPercent, v.verdict, a.key, a.label, a.supports, a.count]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
