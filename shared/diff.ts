/**
 * A small word-level diff (longest common subsequence) for comparing statement versions. Pure.
 */

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Words, punctuation and whitespace as separate tokens (so joining them gives the text back). */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}_-]+|[^\s\p{L}\p{N}_-]/gu) ?? [];
}

const MAX_CELLS = 4_000_000;

/** The word-level difference from `before` to `after`. Adjacent parts of the same kind are merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Common prefix and suffix first: versions mostly differ in a small middle part.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  const n = ma.length;
  const m = mb.length;
  if (n * m > MAX_CELLS) {
    // Too large for a table: show the middle as replaced.
    push('removed', ma.join(''));
    push('added', mb.join(''));
  } else {
    // lcs[i][j]: LCS length of ma[i..] and mb[j..]
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = ma[i] === mb[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (ma[i] === mb[j]) {
        push('same', ma[i]!);
        i++;
        j++;
      } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
        push('removed', ma[i]!);
        i++;
      } else {
        push('added', mb[j]!);
        j++;
      }
    }
    while (i < n) push('removed', ma[i++]!);
    while (j < m) push('added', mb[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return tidy(parts);
}

/**
 * Whitespace-only "same" parts between two changes read badly ("removed added removed added"):
 * fold them into the changes on both sides.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const prev = parts[k - 1];
    const next = parts[k + 1];
    if (p.op === 'same' && /^\s+$/.test(p.text) && prev && next && prev.op !== 'same' && next.op !== 'same') {
      out.push({ op: 'removed', text: p.text }, { op: 'added', text: p.text });
    } else out.push({ ...p });
  }
  // Regroup: within a run of changes, all removals first, then all additions.
  const result: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) result.push({ op: 'removed', text: removed });
    if (added) result.push({ op: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const p of out) {
    if (p.op === 'removed') removed += p.text;
    else if (p.op === 'added') added += p.text;
    else {
      flush();
      const last = result[result.length - 1];
      if (last && last.op === 'same') last.text += p.text;
      else result.push(p);
    }
  }
  flush();
  return result;
}

export function isUnchanged(parts: DiffPart[]): boolean {
  return parts.every((p) => p.op === 'same');
}
