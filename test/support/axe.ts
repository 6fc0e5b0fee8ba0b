import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What axe finds against WCAG 2.1 A and AA on the page as it is now, one line per rule, named. */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Fails the test at once when axe finds anything on the page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await axeViolations(page, name);
  expect(found, found.join('\n')).toEqual([]);
}
