/**
 * The statement as one document (shared/document.ts), built from the open panel: title and
 * mandate; summary; recommendations by section, each with its rationale and vote result (counts,
 * percent, verdict, a bar chart with its table); minority opinions; how the panel was chosen and
 * its composition against the population; the experts heard; the programme as run; participation;
 * the approval record and checksum; annexes. Every export format renders this one model.
 */
import { plannedSchedule } from '../../../shared/agenda.js';
import {
  fill,
  formatPercent,
  paragraph,
  richTextBlocks,
  slugId,
  type Block,
  type ChartBlock,
  type DocumentLanguage,
  type PuntariDocument,
  type Run,
  type TableBlock,
} from '../../../shared/document.js';
import type { StatementRecommendation } from '../../../shared/statement.js';
import type { Db } from '../../store/sqlite.js';
import { readExportData, type ExportData, type RecommendationVote } from './sources.js';
import { exportTexts, formatClock, formatDate, formatNumber, type ExportTexts } from './texts.js';

export interface BuildOptions {
  language: DocumentLanguage;
  /** 'public': public annexes only (for publishing); 'all': confidential annexes too. */
  annexes: 'public' | 'all';
  now?: Date;
  /** Clock times of the programme; default Europe/Helsinki. */
  timeZone?: string;
}

/** Something the reader of an export should know before sending it on; `where` names the part. */
export interface ExportWarning {
  kind: 'voteOpen' | 'noVote' | 'untranslated' | 'noAnswer';
  where: string;
}

export interface BuiltDocument {
  document: PuntariDocument;
  warnings: ExportWarning[];
  data: ExportData;
}

export function buildDocument(db: Db, options: BuildOptions): PuntariDocument {
  return buildStatementDocument(readExportData(db, options.language), options).document;
}

/** The answer keys of a method in reading order, with their labels and whether they count as support. */
export function answerScale(vote: RecommendationVote, t: ExportTexts): { key: string; label: string; support: boolean }[] {
  const a = t.answers;
  const m = vote.vote.method;
  if (m === 'yesNoAbstain') {
    return [
      { key: 'yes', label: a.yes as string, support: true },
      { key: 'no', label: a.no as string, support: false },
      { key: 'abstain', label: a.abstain as string, support: false },
    ];
  }
  if (m === 'scale4' || m === 'scale5') {
    const labels = a[m] as string[];
    const agree = m === 'scale4' ? [3, 4] : [4, 5];
    // Most agreeing first, as statements usually print them.
    return labels.map((label, i) => ({ key: String(i + 1), label, support: agree.includes(i + 1) })).reverse();
  }
  if (m === 'approval') return [{ key: 'approved', label: a.approved as string, support: true }];
  const keys = Object.keys(vote.result?.counts ?? {});
  return keys.map((key) => ({ key, label: (a[key] as string | undefined) ?? key, support: false }));
}

function voteBlocks(rec: StatementRecommendation, v: RecommendationVote | undefined, t: ExportTexts, lang: DocumentLanguage): { blocks: Block[]; line: string | null } {
  const blocks: Block[] = [paragraph([{ text: t.voteResult, bold: true }], 'label')];
  if (!v || !v.result) {
    blocks.push(paragraph(v && v.vote.status === 'open' ? t.voteOpen : t.noVote, 'muted'));
    return { blocks, line: null };
  }
  const r = v.result;
  const base = v.base || r.answered || 0;
  const pct = (n: number) => (base > 0 ? (100 * n) / base : 0);
  const support = r.supportPercent !== null ? formatPercent(r.supportPercent, lang) : v.supportCount !== null ? formatPercent(pct(v.supportCount), lang) : '–';
  const verdict = r.verdict ?? t.noVerdict;
  const line = fill(t.voteLine, { support, supportCount: v.supportCount ?? '–', base, verdict }).trim();
  blocks.push(paragraph([{ text: line }]));
  if (v.vote.status === 'open') blocks.push(paragraph(t.voteOpen, 'muted'));

  const scale = answerScale(v, t);
  const table: TableBlock = {
    kind: 'table',
    caption: fill(t.chartTable, { number: rec.number }),
    header: [t.answer, t.votes, t.share],
    rows: scale.map((s) => {
      const n = r.counts[s.key] ?? 0;
      return [s.label, formatNumber(n, lang), formatPercent(pct(n), lang)];
    }),
    numeric: [false, true, true],
    widths: [3, 1, 1],
  };
  const chart: ChartBlock = {
    kind: 'chart',
    chart: 'bar',
    title: fill(t.chartTitle, { number: rec.number }),
    alt: fill(t.chartAlt, { number: rec.number, summary: line }),
    bars: scale.map((s) => ({ label: s.label, value: r.counts[s.key] ?? 0, emphasis: s.support })),
    unit: 'count',
    max: Math.max(base, ...scale.map((s) => r.counts[s.key] ?? 0), 1),
    table,
  };
  blocks.push(chart);
  return { blocks, line: `${support} · ${verdict}` };
}

function factLine(label: string, value: string): Block {
  return paragraph([{ text: `${label}: `, bold: true }, { text: value }], 'muted');
}

export function buildStatementDocument(data: ExportData, options: BuildOptions): BuiltDocument {
  const lang = options.language;
  const t = exportTexts(lang);
  const tz = options.timeZone ?? 'Europe/Helsinki';
  const now = options.now ?? new Date();
  const { basics, statement } = data;
  const warnings: ExportWarning[] = [];
  const blocks: Block[] = [];
  const used = new Set<string>();
  const headingId = (text: string) => {
    const base = `h-${slugId(text)}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: 'heading', level, text, id: headingId(text) });
  const untranslated = new Map(statement.untranslated.map((u) => [u.id, u.state]));

  const title = statement.title || basics.name;
  const status = statement.final ? t.finalVersion : t.draft;

  // ------------------------------------------------------------ title page
  h(1, title);
  blocks.push(paragraph(`${t.statement} · ${status}`, 'lead'));
  if (basics.organiser) blocks.push(factLine(t.organiser, basics.organiser));
  const dayDates = data.days.map((d) => d.date).sort();
  const from = basics.startsOn ?? dayDates[0];
  const to = basics.endsOn ?? dayDates[dayDates.length - 1];
  if (from) blocks.push(factLine(t.dates, to && to !== from ? `${formatDate(from, lang)} – ${formatDate(to, lang)}` : formatDate(from, lang)));
  if (basics.venue) blocks.push(factLine(t.venue, basics.venue));
  const recordNumber = statement.registerNumber || basics.recordNumber;
  if (recordNumber) blocks.push(factLine(t.recordNumber, recordNumber));
  if (!statement.final) blocks.push(paragraph(fill(t.madeOn, { date: formatDate(now.toISOString(), lang, tz) }), 'muted'));

  // ------------------------------------------------------------ mandate, summary
  if (basics.mandate.trim()) {
    h(2, t.mandate);
    blocks.push(...richTextBlocks(basics.mandate));
  }
  const recs = statement.sections.flatMap((s) => s.blocks.filter((b): b is StatementRecommendation => b.kind === 'recommendation'));
  const numberOf = new Map(recs.map((r) => [r.id, r.number]));
  const voteLines = new Map<string, string | null>();
  const voteContent = new Map<string, Block[]>();
  for (const rec of recs) {
    const v = data.votes.get(rec.id);
    const where = `${fill(t.recommendation, { number: rec.number })} (${rec.title})`;
    if (!v) warnings.push({ kind: 'noVote', where });
    else if (v.vote.status !== 'closed' || !v.result) warnings.push({ kind: 'voteOpen', where });
    const built = voteBlocks(rec, v, t, lang);
    voteLines.set(rec.id, built.line);
    voteContent.set(rec.id, built.blocks);
  }
  h(2, t.summary);
  if (statement.summary.trim()) blocks.push(...richTextBlocks(statement.summary));
  else if (recs.length) {
    blocks.push(paragraph(fill(t.summaryGenerated, { count: recs.length })));
    blocks.push({
      kind: 'list',
      ordered: false,
      items: recs.map((r): Run[] => {
        const line = voteLines.get(r.id);
        return [{ text: `${fill(t.recommendation, { number: r.number })}: `, bold: true }, { text: r.title }, ...(line ? [{ text: ` — ${line}` }] : [])];
      }),
    });
  }

  // ------------------------------------------------------------ the sections
  const note = (id: string, where: string) => {
    const state = untranslated.get(id);
    if (!state) return [];
    warnings.push({ kind: 'untranslated', where });
    return [paragraph([{ text: t.untranslatedNote, italic: true }], 'muted')];
  };
  for (const section of statement.sections) {
    const sectionTitle = section.title || t.recommendations;
    h(2, `${section.title ? `${section.number}. ` : ''}${sectionTitle}`);
    blocks.push(...note(section.id, sectionTitle));
    for (const block of section.blocks) {
      if (block.kind === 'recommendation') {
        const heading = `${fill(t.recommendation, { number: block.number })}: ${block.title}`;
        used.add(`rec-${block.number}`);
        const inner: Block[] = [...note(block.id, heading), ...richTextBlocks(block.text)];
        if (block.rationale.trim()) inner.push(paragraph([{ text: t.rationale, bold: true }], 'label'), ...richTextBlocks(block.rationale));
        inner.push(...(voteContent.get(block.id) ?? []));
        if (block.followUp) {
          const f = block.followUp;
          inner.push(paragraph([{ text: t.followUp, bold: true }], 'label'));
          inner.push(
            paragraph([
              { text: `${t.followUpStatus[f.status] ?? f.status}`, bold: true },
              { text: f.answeredOn ? ` (${formatDate(f.answeredOn, lang)})` : '' },
            ]),
          );
          if (f.reasons.trim()) inner.push(...richTextBlocks(f.reasons));
        }
        blocks.push({ kind: 'recommendation', id: `rec-${block.number}`, number: block.number, heading, blocks: inner });
      } else if (block.kind === 'minority') {
        const n = block.recommendationId ? numberOf.get(block.recommendationId) : undefined;
        const heading = n ? fill(t.minorityOn, { number: n }) : t.minority;
        h(3, heading);
        blocks.push(...note(block.id, heading), ...richTextBlocks(block.text));
        if (block.authors) blocks.push(paragraph(fill(t.minorityAuthors, { authors: block.authors }), 'muted'));
      } else {
        if (block.heading) h(3, block.heading);
        blocks.push(...note(block.id, block.heading ?? sectionTitle), ...richTextBlocks(block.text));
      }
    }
  }

  // ------------------------------------------------------------ how the panel was chosen
  blocks.push({ kind: 'pageBreak' });
  h(2, t.selection);
  const members = data.members;
  blocks.push(paragraph(fill(t.selectionText, { count: members.length })));
  for (const feature of [...data.features].sort((a, b) => a.position - b.position)) {
    const counts = new Map<string, number>();
    for (const m of members) {
      const value = data.background.get(m.id)?.[feature.key];
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const n = members.length || 1;
    blocks.push({
      kind: 'table',
      caption: fill(t.compositionCaption, { feature: feature.label }),
      header: [feature.label, t.panelCount, t.panelShare, t.populationShare, t.difference],
      rows: feature.values.map((v) => {
        const count = counts.get(v.value) ?? 0;
        const share = (100 * count) / n;
        const pop = v.populationShare === null ? null : 100 * v.populationShare;
        const diff = pop === null ? null : share - pop;
        return [
          v.label,
          formatNumber(count, lang),
          formatPercent(share, lang),
          pop === null ? '–' : formatPercent(pop, lang),
          diff === null ? '–' : Math.abs(diff) < 0.05 ? formatNumber(0, lang, 1) : `${diff > 0 ? '+' : ''}${formatNumber(diff, lang, 1)}`,
        ];
      }),
      numeric: [false, true, true, true, true],
      widths: [3, 1.6, 1.4, 1.4, 1.5],
    });
  }

  // ------------------------------------------------------------ experts
  h(2, t.experts);
  if (data.experts.length === 0) blocks.push(paragraph(t.expertsNone, 'muted'));
  else {
    blocks.push({
      kind: 'table',
      caption: t.experts,
      header: [t.expertName, t.expertRole, t.expertTopic],
      rows: data.experts.map((e) => [e.name, [e.title, e.organisation].filter(Boolean).join(', '), e.topic]),
      widths: [1.3, 2.2, 2.2],
    });
  }

  // ------------------------------------------------------------ the programme as run
  h(2, t.programme);
  blocks.push(paragraph(t.programmeText));
  const days = [...data.days].sort((a, b) => a.position - b.position);
  for (const day of days) {
    const items = data.items.filter((i) => i.dayId === day.id).sort((a, b) => a.position - b.position);
    const schedule = new Map(plannedSchedule(day, items).map((s) => [s.id, s]));
    const dayName = `${formatDate(day.date, lang)}${day.title ? ` – ${day.title}` : ''}`;
    h(3, dayName);
    const runOf = new Map<string, (typeof data.runs)[number]>();
    for (const run of data.runs) if (run.dayId === day.id) runOf.set(run.itemId, run);
    blocks.push({
      kind: 'table',
      caption: fill(t.programmeCaption, { day: dayName }),
      header: [t.plannedStart, t.item, t.plannedMinutes, t.actual, t.actualMinutes, t.minutesDiff],
      rows: items.map((item) => {
        const run = runOf.get(item.id);
        const planned = schedule.get(item.id);
        let actual = t.notRun;
        let minutes = '–';
        let diff = '–';
        if (run?.skipped) actual = t.skipped;
        else if (run?.startedAt && run.endedAt) {
          const m = (Date.parse(run.endedAt) - Date.parse(run.startedAt) - run.pausedMs) / 60_000;
          actual = `${formatClock(run.startedAt, tz)}–${formatClock(run.endedAt, tz)}`;
          minutes = formatNumber(Math.round(m), lang);
          const d = Math.round(m) - item.plannedMinutes;
          diff = d === 0 ? '0' : `${d > 0 ? '+' : '−'}${Math.abs(d)}`;
        }
        return [planned?.start ?? '', item.title, formatNumber(item.plannedMinutes, lang), actual, minutes, diff];
      }),
      numeric: [false, false, true, false, true, true],
      widths: [1.45, 3.3, 1.35, 1.6, 1.1, 1],
    });
  }

  // ------------------------------------------------------------ participation
  h(2, t.participation);
  if (data.attendance.length === 0) blocks.push(paragraph(t.participationNone, 'muted'));
  else {
    blocks.push({
      kind: 'table',
      caption: t.participationCaption,
      header: [t.day, t.present, t.ofPanel],
      rows: days.map((day) => {
        const present = data.attendance.filter((a) => a.dayId === day.id).length;
        return [
          `${formatDate(day.date, lang)}${day.title ? ` – ${day.title}` : ''}`,
          `${formatNumber(present, lang)} / ${formatNumber(members.length, lang)}`,
          members.length ? formatPercent((100 * present) / members.length, lang) : '–',
        ];
      }),
      numeric: [false, true, true],
      widths: [3, 1.2, 1.2],
    });
  }

  // ------------------------------------------------------------ approval record
  h(2, t.approval);
  const approval = statement.approval;
  if (!approval) blocks.push(paragraph(t.approvalMissing, 'muted'));
  else {
    const date = formatDate(approval.approvedOn, lang);
    blocks.push(
      paragraph(approval.method === 'vote' ? fill(t.approvalVote, { date }) : fill(t.approvalDecision, { date, text: approval.decisionText })),
    );
    if (approval.method === 'vote' && approval.decisionText.trim()) blocks.push(...richTextBlocks(approval.decisionText));
    blocks.push(factLine(t.approvedBy, approval.approvedBy));
  }
  if (statement.final) {
    blocks.push(paragraph(fill(t.lockedAt, { date: formatDate(statement.final.lockedAt, lang, tz), by: statement.final.lockedBy })));
    blocks.push(paragraph([{ text: `${t.checksum}: `, bold: true }, { text: statement.final.sha256 }]));
    blocks.push(paragraph(t.checksumText, 'muted'));
  }

  // ------------------------------------------------------------ annexes
  const annexes = [...statement.annexes.public, ...(options.annexes === 'all' ? statement.annexes.confidential : [])].sort(
    (a, b) => Number(a.visibility === 'confidential') - Number(b.visibility === 'confidential') || a.position - b.position,
  );
  if (annexes.length || statement.namedParticipants.length) {
    blocks.push({ kind: 'pageBreak' });
    h(2, t.annexes);
    for (const annex of annexes) {
      h(3, annex.visibility === 'confidential' ? `${annex.title} (${t.confidentialAnnex})` : annex.title);
      blocks.push(...richTextBlocks(annex.text));
      if (annex.fileName) blocks.push(paragraph(annex.fileName, 'muted'));
    }
    if (statement.namedParticipants.length) {
      h(3, t.namedParticipants);
      blocks.push({ kind: 'list', ordered: false, items: statement.namedParticipants.map((n) => [{ text: n }]) });
    }
  }

  const document: PuntariDocument = {
    meta: {
      title,
      subtitle: `${t.statement} · ${status}`,
      language: lang,
      subject: t.subject,
      author: basics.organiser || 'Puntari',
      keywords: [basics.area, ...basics.municipalities].filter(Boolean).join(', '),
      recordNumber,
      checksum: statement.final?.sha256 ?? null,
      createdAt: now.toISOString(),
      footer: `${title}${recordNumber ? ` · ${recordNumber}` : ''} · ${status}`,
      pageLabel: t.page,
    },
    blocks,
  };
  return { document, warnings, data };
}
