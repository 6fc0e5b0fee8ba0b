import { isUnchanged, wordDiff, type DiffPart } from './diff.js';
import { orderedSections, recommendationNumbers, type BlockKind, type StatementSnapshot } from './statement.js';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'moved' | 'same';

export interface FieldDiff {
  field: 'title' | 'text' | 'rationale' | 'authors' | 'summary';
  parts: DiffPart[];
}

export interface BlockDiff {
  id: string;
  kind: BlockKind;
  status: DiffStatus;
  /** Recommendation number in the later version (or the earlier one when removed). */
  number: string | null;
  /** The block's title in the later version (earlier when removed). */
  label: string;
  fields: FieldDiff[];
}

export interface SectionDiff {
  id: string;
  status: DiffStatus;
  title: DiffPart[];
  blocks: BlockDiff[];
}

export interface StatementDiff {
  meta: FieldDiff[];
  sections: SectionDiff[];
  /** How many blocks were added, removed, changed or moved. */
  counts: Record<Exclude<DiffStatus, 'same'>, number>;
}

const FIELDS = ['title', 'text', 'rationale', 'authors'] as const;

/** What changed from `before` to `after`, block by block, with word-level diffs of the texts. */
export function diffSnapshots(before: StatementSnapshot, after: StatementSnapshot): StatementDiff {
  const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  const beforeBlocks = new Map(before.blocks.map((b) => [b.id, b]));
  const afterBlocks = new Map(after.blocks.map((b) => [b.id, b]));
  const beforeSections = new Map(before.sections.map((s) => [s.id, s]));
  const beforeNumbers = recommendationNumbers(before);
  const afterNumbers = recommendationNumbers(after);
  // Order of blocks within the earlier version, to tell moves.
  const beforeOrder = new Map<string, string>();
  for (const { section, blocks } of orderedSections(before)) blocks.forEach((b, i) => beforeOrder.set(b.id, `${section.id}:${i}`));
  const afterOrder = new Map<string, string>();
  for (const { section, blocks } of orderedSections(after)) blocks.forEach((b, i) => afterOrder.set(b.id, `${section.id}:${i}`));

  const meta: FieldDiff[] = [];
  const titleParts = wordDiff(before.meta.title, after.meta.title);
  if (!isUnchanged(titleParts)) meta.push({ field: 'title', parts: titleParts });
  const summaryParts = wordDiff(before.meta.summary, after.meta.summary);
  if (!isUnchanged(summaryParts)) meta.push({ field: 'summary', parts: summaryParts });

  const sections: SectionDiff[] = [];
  for (const { section, blocks } of orderedSections(after)) {
    const old = beforeSections.get(section.id);
    const title = wordDiff(old?.title ?? '', section.title);
    const diffs: BlockDiff[] = blocks.map((block) => {
      const prev = beforeBlocks.get(block.id);
      const fields: FieldDiff[] = [];
      for (const field of FIELDS) {
        const parts = wordDiff(prev?.[field] ?? '', block[field]);
        if (!isUnchanged(parts) || (!prev && block[field])) fields.push({ field, parts });
      }
      let status: DiffStatus = 'same';
      if (!prev) status = 'added';
      else if (fields.length) status = 'changed';
      else if (beforeOrder.get(block.id) !== afterOrder.get(block.id) && prev.sectionId !== block.sectionId) status = 'moved';
      if (status !== 'same') counts[status]++;
      return { id: block.id, kind: block.kind, status, number: afterNumbers.get(block.id) ?? null, label: block.title, fields };
    });
    // Blocks of this section in the earlier version that are gone now.
    for (const prev of before.blocks.filter((b) => b.sectionId === section.id && !afterBlocks.has(b.id)).sort((a, b) => a.position - b.position)) {
      counts.removed++;
      diffs.push(removedBlock(prev, beforeNumbers.get(prev.id) ?? null));
    }
    sections.push({ id: section.id, status: old ? (isUnchanged(title) ? 'same' : 'changed') : 'added', title, blocks: diffs });
  }
  const afterSectionIds = new Set(after.sections.map((s) => s.id));
  for (const { section, blocks } of orderedSections(before)) {
    if (afterSectionIds.has(section.id)) continue;
    const gone = blocks.filter((b) => !afterBlocks.has(b.id));
    counts.removed += gone.length;
    sections.push({
      id: section.id,
      status: 'removed',
      title: [{ op: 'removed', text: section.title }],
      blocks: gone.map((b) => removedBlock(b, beforeNumbers.get(b.id) ?? null)),
    });
  }
  return { meta, sections, counts };
}

function removedBlock(prev: StatementSnapshot['blocks'][number], number: string | null): BlockDiff {
  const fields: FieldDiff[] = FIELDS.filter((f) => prev[f]).map((field) => ({ field, parts: [{ op: 'removed', text: prev[field] }] }));
  return { id: prev.id, kind: prev.kind, status: 'removed', number, label: prev.title, fields };
}
