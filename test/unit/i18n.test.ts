/**
 * The three interface languages are complete and agree:
 * - fi, sv and en have exactly the same keys, and no empty strings;
 * - every literal key the renderer uses (t('a.b'), i18nKey="a.b") exists in fi.json
 *   (a plural key `x` counts as present when `x_one`/`x_other` exist); for keys built at run
 *   time (t(`roles.${r}`)) the static prefix must name a group;
 * - every error code the hub can send, every role and every command has a translation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors.js';
import { commands } from '../../shared/protocol.js';
import { DEVICE_ROLES } from '../../shared/roles.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const i18nDir = path.join(root, 'renderer', 'i18n');
const LANGUAGES = ['fi', 'sv', 'en'] as const;
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

type Json = { [key: string]: Json } | string;

function load(lng: string): Record<string, Json> {
  return JSON.parse(readFileSync(path.join(i18nDir, `${lng}.json`), 'utf8')) as Record<string, Json>;
}

/** leaf key → value */
function flatten(obj: Json, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    out.set(prefix, obj);
    return out;
  }
  for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const bundles = Object.fromEntries(LANGUAGES.map((l) => [l, load(l)])) as Record<(typeof LANGUAGES)[number], Record<string, Json>>;
const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(bundles[l])])) as Record<(typeof LANGUAGES)[number], Map<string, unknown>>;
const fiKeys = flat.fi;

function hasKey(key: string): boolean {
  if (fiKeys.has(key)) return true;
  return PLURAL_SUFFIXES.some((s) => fiKeys.has(key + s));
}

/** A dynamic key's static prefix ("roles.") must be a group with at least one leaf. */
function hasGroup(prefix: string): boolean {
  for (const k of fiKeys.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(tsx?|jsx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Use {
  file: string;
  key: string;
  dynamic: boolean;
}

function keyUses(): Use[] {
  const uses: Use[] = [];
  // t('key'  /  t("key"  /  i18n.t('key'  /  i18next.t('key'
  const literal = /(?<![\w$])t\(\s*(['"])([^'"\n]+)\1/g;
  // t(`prefix.${x}…`  (a template with interpolation: check the prefix)
  const template = /(?<![\w$])t\(\s*`([^`$\n]*)(\$\{)?[^`\n]*`/g;
  // i18nKey="key" / i18nKey={'key'}
  const trans = /i18nKey=\{?\s*(['"])([^'"\n]+)\1/g;
  for (const file of sourceFiles(path.join(root, 'renderer'))) {
    const src = readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    for (const m of src.matchAll(literal)) uses.push({ file: rel, key: m[2]!, dynamic: false });
    for (const m of src.matchAll(trans)) uses.push({ file: rel, key: m[2]!, dynamic: false });
    for (const m of src.matchAll(template)) uses.push({ file: rel, key: m[1]!, dynamic: m[2] !== undefined });
  }
  return uses;
}

describe('i18n bundles', () => {
  it.each(LANGUAGES.filter((l) => l !== 'fi'))('%s has exactly the keys of fi', (lng) => {
    const mine = [...flat[lng].keys()].sort();
    const fi = [...fiKeys.keys()].sort();
    const missing = fi.filter((k) => !flat[lng].has(k));
    const extra = mine.filter((k) => !fiKeys.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LANGUAGES)('%s has no empty or non-string values', (lng) => {
    const bad = [...flat[lng].entries()].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(LANGUAGES)('%s uses the same {{placeholders}} as fi', (lng) => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
    const differ = [...fiKeys.entries()]
      .filter(([k, v]) => flat[lng].has(k) && JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(flat[lng].get(k))))
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });
});

describe('keys used by the renderer', () => {
  const uses = keyUses();

  it('finds the renderer’s t() calls (the scan works)', () => {
    expect(uses.length).toBeGreaterThan(0);
  });

  it('every literal key exists in fi.json', () => {
    const missing = uses.filter((u) => !u.dynamic && !hasKey(u.key)).map((u) => `${u.file}: ${u.key}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every dynamic key’s prefix names a group in fi.json', () => {
    const missing = uses
      .filter((u) => u.dynamic && u.key.length > 0)
      .filter((u) => !hasGroup(u.key.endsWith('.') ? u.key : `${u.key}`))
      .map((u) => `${u.file}: ${u.key}…`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every error code the hub can send has a translation', () => {
    const missing = ERROR_CODES.filter((code) => !hasKey(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('every role has a name', () => {
    const roles = ['facilitator', ...DEVICE_ROLES, 'viewer'];
    expect(roles.filter((r) => !hasKey(`roles.${r}`))).toEqual([]);
  });

  it('every command has a name (shown when the hub rejects a queued command)', () => {
    expect(Object.keys(commands).filter((name) => !hasKey(`commands.${name}`))).toEqual([]);
  });
});
