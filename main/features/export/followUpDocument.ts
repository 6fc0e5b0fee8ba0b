/**
 * The follow-up report as one document (shared/document.ts): the authority's answer to each of
 * the statement's recommendations (done, planned, not possible; its reasons and date), a summary
 * by answer, then one table per section. Rendered by the same DOCX, PDF/A, HTML and Markdown
 * renderers as the statement, so a recommendation reads the same in both.
 */
import { FOLLOW_UP_STATUSES, type Statement, type StatementRecommendation } from '../../../shared/statement.js';
import { fill, formatPercent, paragraph, slugId, type Block, type DocumentLanguage, type PuntariDocument } from '../../../shared/document.js';
import { richTextToPlain } from '../../../shared/richText.js';
import type { PanelBasics } from '../../../shared/panel.js';
import { exportTexts, formatDate, formatNumber } from './texts.js';

export interface FollowUpData {
  basics: PanelBasics;
  statement: Statement;
}

export interface FollowUpOptions {
  language: DocumentLanguage;
  now?: Date;
  timeZone?: string;
}

export function buildFollowUpDocument(data: FollowUpData, options: FollowUpOptions): PuntariDocument {
  const lang = options.language;
  const t = exportTexts(lang);
  const f = t.followUpReport;
  const now = options.now ?? new Date();
  const asOf = formatDate(now.toISOString(), lang, options.timeZone ?? 'Europe/Helsinki');
  const { basics, statement } = data;
  const blocks: Block[] = [];
  const used = new Set<string>();
  const h = (level: 1 | 2 | 3, text: string) => {
    const base = `h-${slugId(text)}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    blocks.push({ kind: 'heading', level, text, id });
  };
  const fact = (label: string, value: string) => blocks.push(paragraph([{ text: `${label}: `, bold: true }, { text: value }], 'muted'));

  const statementTitle = statement.title || basics.name;
  const title = fill(f.title, { title: statementTitle });
  const recordNumber = statement.registerNumber || basics.recordNumber;
  h(1, f.short);
  blocks.push(paragraph(statementTitle, 'lead'));
  fact(f.asOf, asOf);
  if (basics.organiser) fact(t.organiser, basics.organiser);
  if (recordNumber) fact(t.recordNumber, recordNumber);
  if (statement.approval) fact(f.approved, formatDate(statement.approval.approvedOn, lang));
  if (statement.final) fact(t.checksum, statement.final.sha256);

  const sections = statement.sections
    .map((s) => ({ section: s, recs: s.blocks.filter((b): b is StatementRecommendation => b.kind === 'recommendation') }))
    .filter((s) => s.recs.length > 0);
  const recs = sections.flatMap((s) => s.recs);
  const answered = recs.filter((r) => r.followUp);
  blocks.push(paragraph(fill(f.intro, { count: recs.length, answered: answered.length })));

  h(2, t.summary);
  if (recs.length === 0) blocks.push(paragraph(f.noRecommendations, 'muted'));
  else {
    const counted = [...FOLLOW_UP_STATUSES.map((s) => ({ label: t.followUpStatus[s] ?? s, n: recs.filter((r) => r.followUp?.status === s).length })), { label: f.noAnswer, n: recs.length - answered.length }];
    blocks.push({
      kind: 'table',
      caption: f.summaryCaption,
      header: [f.status, f.count, t.share],
      rows: counted.map((c) => [c.label, formatNumber(c.n, lang), formatPercent((100 * c.n) / recs.length, lang)]),
      numeric: [false, true, true],
      widths: [3, 1.2, 1.2],
    });
  }

  for (const { section, recs: inSection } of sections) {
    const sectionTitle = section.title ? `${section.number}. ${section.title}` : t.recommendations;
    h(2, sectionTitle);
    blocks.push({
      kind: 'table',
      caption: fill(f.tableCaption, { section: section.title || t.recommendations }),
      header: [f.recommendation, f.status, f.reasons, f.date],
      rows: inSection.map((r) => [
        `${r.number}. ${r.title}`,
        r.followUp ? (t.followUpStatus[r.followUp.status] ?? r.followUp.status) : f.noAnswer,
        r.followUp ? richTextToPlain(r.followUp.reasons) || '–' : '–',
        r.followUp?.answeredOn ? formatDate(r.followUp.answeredOn, lang) : '–',
      ]),
      widths: [2.4, 1.4, 3.7, 1.6],
    });
  }

  return {
    meta: {
      title,
      subtitle: `${f.asOf} ${asOf}`,
      language: lang,
      subject: f.subject,
      author: basics.organiser || 'Puntari',
      keywords: [basics.area, ...basics.municipalities].filter(Boolean).join(', '),
      recordNumber,
      checksum: null,
      createdAt: now.toISOString(),
      footer: `${f.short} · ${statementTitle}${recordNumber ? ` · ${recordNumber}` : ''}`,
      pageLabel: t.page,
    },
    blocks,
  };
}
