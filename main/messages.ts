import type { WireError } from '../shared/errors.js';
// Bundled, not read from disk: the Electron hub runs from a bundle that does not ship renderer/.
import en from '../renderer/i18n/en.json';
import fi from '../renderer/i18n/fi.json';
import sv from '../renderer/i18n/sv.json';

export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language a person at the terminal reads: Finnish unless their locale says Swedish or English. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = (env.PUNTARI_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (locale.startsWith('sv')) return 'sv';
  if (locale.startsWith('en')) return 'en';
  return 'fi';
}

type Bundle = { [key: string]: Bundle | string };
const BUNDLES = { fi, sv, en } as unknown as Record<Lang, Bundle>;

function bundle(lang: Lang): Bundle {
  return BUNDLES[lang];
}

function lookup(b: Bundle, key: string): string | undefined {
  let node: Bundle | string | undefined = b;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

/**
 * Texts for what the hub makes itself (terminal messages, printouts, exports), from the same
 * translation files as the screens: nested keys ('print.csv.day'), {{name}} placeholders, and
 * i18next's plural suffixes (_one/_other) chosen by params.count. A missing key falls back to
 * Finnish, then to the key itself.
 */
export function translator(lang: Lang): Translate {
  const plural = new Intl.PluralRules(lang);
  return (key, params) => {
    const candidates = typeof params?.count === 'number' ? [`${key}_${plural.select(params.count)}`, `${key}_other`, key] : [key];
    for (const l of lang === 'fi' ? (['fi'] as const) : ([lang, 'fi'] as const)) {
      for (const k of candidates) {
        const template = lookup(bundle(l), k);
        if (template !== undefined) {
          return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params?.[name] ?? ''));
        }
      }
    }
    return key;
  };
}

/** Error texts for the terminal come from the same translation files as the screens. */
export function describeError(error: WireError, lang: Lang = terminalLanguage()): string {
  const key = `errors.${error.code}`;
  const text = translator(lang)(key, error.params);
  return text === key ? `${error.code} ${JSON.stringify(error.params ?? {})}` : text;
}
