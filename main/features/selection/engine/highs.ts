/**
 * HiGHS (WASM) loader. The runtime is loaded once per thread; every model is a persistent
 * native instance that the caller disposes. Solves are synchronous and single-threaded.
 */
import type { Highs, Model } from 'highs';

let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

export type { Highs, Model };

/** A fresh model with quiet output and the options every engine model uses. */
export function quietModel(highs: Highs, options: Record<string, number | string | boolean> = {}): Model {
  const model = highs.createModel();
  model.options.set({ output_flag: false, ...options });
  return model;
}

/** CSC matrix from columns given as sparse (row, value) lists. */
export function cscFromColumns(numRows: number, columns: { rows: number[]; values: number[] }[]) {
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const col of columns) {
    for (let i = 0; i < col.rows.length; i++) {
      indices.push(col.rows[i]!);
      values.push(col.values[i]!);
    }
    starts.push(indices.length);
  }
  return { format: 'csc' as const, numRows, numCols: columns.length, starts, indices, values };
}
