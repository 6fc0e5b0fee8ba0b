import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WireError } from '../shared/errors.js';

type Lang = 'fi' | 'sv' | 'en';

/** The language a person at the terminal reads: Finnish unless their locale says Swedish or English. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = (env.PUNTARI_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (locale.startsWith('sv')) return 'sv';
  if (locale.startsWith('en')) return 'en';
  return 'fi';
}

const here = dirname(fileURLToPath(import.meta.url));

/** Error texts for the terminal come from the same translation files as the screens. */
export function describeError(error: WireError, lang: Lang = terminalLanguage()): string {
  try {
    const messages = JSON.parse(readFileSync(resolve(here, `../renderer/i18n/${lang}.json`), 'utf8')) as {
      errors?: Record<string, string>;
    };
    const template = messages.errors?.[error.code];
    if (template) {
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => String(error.params?.[key] ?? ''));
    }
  } catch {
    // fall through to the code itself
  }
  return `${error.code} ${JSON.stringify(error.params ?? {})}`;
}
