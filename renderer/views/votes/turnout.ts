import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vote } from '../../../shared/votes.js';
import { useTopic } from '../../stores/topics.js';

export interface Turnout {
  count: number;
  /** what the count is measured against: people checked in that day, or the codes issued */
  of: number | null;
  kind: 'present' | 'codes' | 'none';
  text: string;
}

/** "32 / 38 present" where check-in is used on the vote's day, otherwise "32 / 40 codes", otherwise "32 voted". */
export function useTurnout(vote: Vote): Turnout {
  const { t } = useTranslation();
  const attendance = useTopic('attendance');
  const present = useMemo(() => (vote.dayId ? Object.values(attendance).filter((a) => a.dayId === vote.dayId).length : 0), [attendance, vote.dayId]);
  if (present > 0) return { count: vote.turnout, of: present, kind: 'present', text: t('votes.turnout.present', { count: vote.turnout, of: present }) };
  if (vote.codesIssued > 0) return { count: vote.turnout, of: vote.codesIssued, kind: 'codes', text: t('votes.turnout.codes', { count: vote.turnout, of: vote.codesIssued }) };
  return { count: vote.turnout, of: null, kind: 'none', text: t('votes.turnout.none', { count: vote.turnout }) };
}
