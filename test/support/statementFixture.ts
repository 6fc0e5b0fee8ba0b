/**
 * A generated statement for export tests and the export benchmark: N recommendations in sections,
 * each with a rationale and a closed four-point vote, minority opinions, composition, experts, a
 * programme as run and attendance. Deterministic.
 */
import type { ExportData, RecommendationVote } from '../../main/features/export/sources.js';
import type { Statement, StatementBlock, StatementRecommendation } from '../../shared/statement.js';
import type { Vote } from '../../shared/votes.js';

const LOREM =
  'Hyvinvointialue järjestää palvelut niin, että jokainen asukas pääsee niihin kohtuullisessa ajassa ja ' +
  'kohtuullisin kustannuksin. Palvelujen saavutettavuutta arvioidaan säännöllisesti yhdessä kuntien ja asukkaiden kanssa, ' +
  'ja arvioinnin tulokset julkaistaan avoimesti.';

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticExportData(options: { recommendations: number; sections?: number; final?: boolean } = { recommendations: 8 }): ExportData {
  const r = rand(42);
  const sectionCount = options.sections ?? Math.max(1, Math.ceil(options.recommendations / 10));
  const votes = new Map<string, RecommendationVote>();
  const sections: Statement['sections'] = [];
  let n = 0;
  for (let s = 0; s < sectionCount; s++) {
    const blocks: StatementBlock[] = [];
    const per = Math.ceil(options.recommendations / sectionCount);
    for (let i = 0; i < per && n < options.recommendations; i++) {
      n++;
      const id = `rec-${n}`;
      const rec: StatementRecommendation = {
        kind: 'recommendation',
        id,
        number: String(n),
        title: `Suositus aiheesta ${n}: palvelut lähellä & etänä`,
        text: `${LOREM}\n\n- **Ensimmäinen** toimenpide\n- Toinen toimenpide, ks. [hyvinvointialue](https://example.fi/palvelut)`,
        rationale: `${LOREM} ${LOREM}`,
        sourceNoteIds: [],
        draftRecommendationId: null,
        version: 1,
        translation: 'original',
        translations: { fi: 'original' },
        followUp: null,
      };
      blocks.push(rec);
      const counts = [Math.floor(r() * 4), Math.floor(r() * 6), 5 + Math.floor(r() * 10), 10 + Math.floor(r() * 15)];
      const answered = counts.reduce((a, b) => a + b, 0);
      const support = counts[2]! + counts[3]!;
      const supportPercent = (100 * support) / answered;
      const vote: Vote = {
        id: `vote-${s}`,
        title: `Äänestys, osa ${s + 1}`,
        method: 'scale4',
        subjects: [{ id: `subject-${n}`, label: rec.title, recommendationId: id }],
        dots: null,
        rankingCount: null,
        thresholds: [
          { label: 'Vahva tuki', percent: 75 },
          { label: 'Tuki', percent: 50 },
        ],
        base: 'cast',
        dayId: null,
        modes: ['ballot'],
        liveResults: false,
        status: 'closed',
        openedAt: '2026-11-21T10:00:00.000Z',
        closedAt: '2026-11-21T10:30:00.000Z',
        turnout: answered,
        codesIssued: 40,
        resultHash: null,
        reopenings: [],
      };
      votes.set(id, {
        vote,
        subject: vote.subjects[0]!,
        result: {
          subjectId: `subject-${n}`,
          counts: { '1': counts[0]!, '2': counts[1]!, '3': counts[2]!, '4': counts[3]! },
          answered,
          supportPercent,
          verdict: supportPercent > 75 ? 'Vahva tuki' : supportPercent > 50 ? 'Tuki' : null,
        },
        base: answered,
        supportCount: support,
      });
      if (n % 7 === 0) {
        blocks.push({ kind: 'minority', id: `min-${n}`, recommendationId: id, text: LOREM, authors: null, translation: 'original' });
      }
    }
    sections.push({ id: `s-${s}`, number: s + 1, title: `Teema ${s + 1}: palvelujen saavutettavuus`, translation: 'original', blocks });
  }
  const statement: Statement = {
    language: 'fi',
    mainLanguage: 'fi',
    languages: ['fi'],
    title: 'Testipaneelin lausuma',
    summary: `${LOREM}\n\n${LOREM}`,
    registerNumber: 'TEST/1/2026',
    sections,
    approval: options.final ? { method: 'vote', voteId: 'vote-0', decisionText: '', approvedOn: '2026-11-21', approvedBy: 'Paneelin täysistunto' } : null,
    final: options.final ? { lockedAt: '2026-11-21T14:00:00.000Z', lockedBy: 'Fasilitaattori', sha256: 'a'.repeat(64) } : null,
    annexes: { public: [], confidential: [] },
    namedParticipants: [],
    untranslated: [],
  };
  const members = Array.from({ length: 40 }, (_, i) => ({ id: `p-${i}`, displayName: `Osallistuja ${i}`, language: 'fi' as const, status: 'confirmed' as const }));
  const background = new Map(members.map((m, i) => [m.id, { age: ['18-34', '35-64', '65+'][i % 3]!, gender: ['f', 'm'][i % 2]! }]));
  return {
    basics: {
      name: 'Testipaneeli',
      mandate: LOREM,
      organiser: 'Testialue',
      area: 'Testi',
      municipalities: ['A', 'B'],
      languages: ['fi'],
      startsOn: '2026-11-14',
      endsOn: '2026-11-21',
      venue: 'Testitalo',
      recordNumber: 'TEST/1/2026',
    },
    statement,
    votes,
    features: [
      {
        key: 'age',
        label: 'Ikäryhmä',
        position: 1,
        values: [
          { value: '18-34', label: '18–34', populationShare: 0.3 },
          { value: '35-64', label: '35–64', populationShare: 0.45 },
          { value: '65+', label: '65+', populationShare: 0.25 },
        ],
      },
      {
        key: 'gender',
        label: 'Sukupuoli',
        position: 2,
        values: [
          { value: 'f', label: 'Nainen', populationShare: 0.51 },
          { value: 'm', label: 'Mies', populationShare: 0.49 },
        ],
      },
    ],
    members,
    background,
    experts: Array.from({ length: 6 }, (_, i) => ({ id: `e-${i}`, name: `Asiantuntija ${i + 1}`, title: 'Tutkija', organisation: 'Yliopisto', topic: 'Palveluverkko' })),
    days: [{ id: 'd1', date: '2026-11-14', startsAt: '09:00', title: '1. päivä', position: 1 }],
    items: Array.from({ length: 12 }, (_, i) => ({
      id: `i-${i}`,
      dayId: 'd1',
      position: i + 1,
      kind: 'other' as const,
      title: `Ohjelmakohta ${i + 1}`,
      plannedMinutes: 30,
      question: '',
      facilitatorNotes: '',
      seatingRoundId: null,
      expertIds: [],
      warnSeconds: 120,
      showOvertime: true,
    })),
    runs: Array.from({ length: 12 }, (_, i) => ({
      id: `run-${i}`,
      itemId: `i-${i}`,
      dayId: 'd1',
      title: `Ohjelmakohta ${i + 1}`,
      plannedMinutes: 30,
      startedAt: new Date(Date.UTC(2026, 10, 14, 7, i * 32)).toISOString(),
      endedAt: new Date(Date.UTC(2026, 10, 14, 7, i * 32 + 31)).toISOString(),
      pausedMs: 0,
      addedMs: 0,
      skipped: false,
    })),
    attendance: members.map((m) => ({ key: `d1:${m.id}`, dayId: 'd1', participantId: m.id, presentAt: '2026-11-14T07:00:00.000Z' })),
  };
}
