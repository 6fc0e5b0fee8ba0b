import { useMemo } from 'react';
import {
  orderedSections,
  recommendationNumbers,
  translationState,
  type StatementBlockRecord,
  type StatementLanguage,
  type StatementLock,
  type StatementMeta,
  type StatementSectionRecord,
  type StatementTranslation,
} from '../../../shared/statement.js';
import { useTopic } from '../../stores/topics.js';

export interface DraftModel {
  meta: StatementMeta | null;
  sections: { section: StatementSectionRecord; blocks: StatementBlockRecord[] }[];
  blocks: Record<string, StatementBlockRecord>;
  numbers: Map<string, string>;
  translations: Record<string, StatementTranslation>;
  final: boolean;
}

/** The statement draft as the topics carry it: sections in order with their blocks, numbered. */
export function useDraft(): DraftModel {
  const meta = useTopic('statementMeta').statement ?? null;
  const sectionMap = useTopic('statementSections');
  const blocks = useTopic('statementBlocks');
  const translations = useTopic('statementTranslations');
  return useMemo(() => {
    const snapshot = { sections: Object.values(sectionMap), blocks: Object.values(blocks) };
    return {
      meta,
      sections: orderedSections(snapshot),
      blocks,
      numbers: recommendationNumbers(snapshot),
      translations,
      final: Boolean(meta?.final),
    };
  }, [meta, sectionMap, blocks, translations]);
}

/** A lock that is still valid (expired ones are free). */
export function activeLock(lock: StatementLock | undefined, now: number): StatementLock | null {
  return lock && Date.parse(lock.expiresAt) > now ? lock : null;
}

export function stateOf(draft: DraftModel, targetId: string, version: number, language: StatementLanguage | null) {
  if (!language) return 'missing' as const;
  return translationState({ version }, draft.translations[`${targetId}:${language}`]);
}

/** A block's label in lists: "Suositus 3: Otsikko", or the kind's name. */
export function blockLabel(t: (key: string, params?: Record<string, unknown>) => string, draft: DraftModel, block: StatementBlockRecord): string {
  if (block.kind === 'recommendation') return t('statement.recommendationN', { n: draft.numbers.get(block.id) ?? '?', title: block.title });
  if (block.kind === 'minority') {
    const target = block.recommendationId ? draft.numbers.get(block.recommendationId) : null;
    return target ? t('statement.minorityOn', { n: target }) : t('statement.kind.minority');
  }
  return block.title || t('statement.kind.text');
}

/** Who did something: the host's own windows are recorded as 'facilitator', shown in the user's language. */
export function personName(t: (key: string) => string, name: string): string {
  return name === 'facilitator' ? t('roles.facilitator') : name;
}
