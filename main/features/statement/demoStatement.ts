import type { StatementBlockRecord, StatementSnapshot, StatementTranslation } from '../../../shared/statement.js';
import type { Db } from '../../store/sqlite.js';
import { DEMO_RECOMMENDATIONS } from '../demo/demoData.js';

/**
 * The demo panel's draft statement: eight recommendations in three sections (five grouped from the
 * tables' proposals, three written in the drafting), a minority opinion, a closing word, a Swedish
 * translation of the first section, and the saved version "Luonnos 1. päivän jälkeen".
 */

const FACILITATOR = 'facilitator';
const V1_AT = '2026-11-18T15:00:00.000Z';
const EDIT_AT = '2026-11-19T09:30:00.000Z';

const draft = (n: 1 | 2 | 3 | 4 | 5) => DEMO_RECOMMENDATIONS[n - 1]!;

/** The authority's first answers, so that the demo's follow-up report is a real document. */
const FOLLOW_UPS: { blockId: string; status: 'done' | 'planned' | 'notPossible'; reasons: string; answeredOn: string }[] = [
  {
    blockId: 'st-rec-1',
    status: 'planned',
    reasons:
      'Aluehallitus on varannut vuoden 2027 talousarvioon kaksi hyvinvointiautoa. Ne aloittavat Mäntsälän ja ' +
      'Pornaisten haja-asutusalueilla syksyllä 2027.',
    answeredOn: '2027-02-16',
  },
  {
    blockId: 'st-rec-4',
    status: 'done',
    reasons: 'Palvelupiste toimii kaikissa kuudessa kunnassa 1.3.2027 alkaen; aukioloa on tiistaisin ja torstaisin klo 19 asti.',
    answeredOn: '2027-03-01',
  },
  {
    blockId: 'st-rec-3',
    status: 'notPossible',
    reasons:
      'Hyvinvointialue ei järjestä joukkoliikennettä, joten se ei voi muuttaa vuoroja itse. Suositus on lähetetty ' +
      'kuntien ja ELY-keskuksen joukkoliikennetyöryhmälle, joka käsittelee sen kevään aikana.',
    answeredOn: '2027-02-16',
  },
];

const TITLE = 'Keski-Uudenmaan asukaspaneelin lausuma: Palvelut lähellä ja etänä';
const SUMMARY =
  'Keski-Uudenmaan asukaspaneeli kokoontui marraskuussa 2026 kahtena päivänä pohtimaan, miten sosiaali- ja ' +
  'terveyspalvelut järjestetään, kun palveluverkkoa uudistetaan. Paneeli antaa aluehallitukselle ja ' +
  'aluevaltuustolle **kahdeksan suositusta** kolmessa teemassa:\n\n' +
  '- lähipalvelut ja palveluverkko\n- saavutettavuus ja liikkuminen\n- osallisuus ja tiedottaminen';

const SECTIONS = [
  { id: 'st-sec-1', title: 'Lähipalvelut ja palveluverkko' },
  { id: 'st-sec-2', title: 'Saavutettavuus ja liikkuminen' },
  { id: 'st-sec-3', title: 'Osallisuus ja tiedottaminen' },
];

interface DemoBlock {
  id: string;
  section: string;
  kind: StatementBlockRecord['kind'];
  title: string;
  text: string;
  rationale: string;
  authors?: string;
  recommendationId?: string;
  draftId?: string;
  /** The text as it stood in the version saved after the first day, when it differs (or null: not written yet). */
  before?: { text: string; rationale: string; section?: string } | null;
}

const BLOCKS: DemoBlock[] = [
  {
    id: 'st-rec-1',
    section: 'st-sec-1',
    kind: 'recommendation',
    title: draft(1).title,
    text: draft(1).text,
    rationale:
      'Haja-asutusalueilla matka lähimmälle terveysasemalle voi olla yli 30 kilometriä, eikä kaikilla ole autoa. ' +
      'Liikkuvat palvelut tuovat perusterveydenhuollon lähelle niitä, joille matkustaminen on vaikeinta.',
    draftId: 'rec-1',
    before: { text: draft(1).text, rationale: '' },
  },
  {
    id: 'st-rec-4',
    section: 'st-sec-1',
    kind: 'recommendation',
    title: draft(4).title,
    text:
      'Jokaisessa kuudessa kunnassa on vähintään yksi palvelupiste, jossa voi hoitaa sosiaali- ja terveyspalvelujen ' +
      'asiat samalla käynnillä: ajanvaraus, neuvonta, näytteenotto ja sosiaalityön ohjaus. Palvelupisteen ' +
      'aukioloajat sovitetaan myös työssäkäyvien tarpeisiin.',
    rationale:
      'Asukkaat kertoivat joutuvansa asioimaan saman asian vuoksi useassa eri toimipisteessä. Yksi tuttu ' +
      'palvelupiste omassa kunnassa säästää aikaa ja tekee palveluista helpommin lähestyttäviä.',
    draftId: 'rec-4',
    before: {
      text: draft(4).text,
      rationale:
        'Asukkaat kertoivat joutuvansa asioimaan saman asian vuoksi useassa eri toimipisteessä. Yksi tuttu ' +
        'palvelupiste omassa kunnassa säästää aikaa ja tekee palveluista helpommin lähestyttäviä.',
    },
  },
  {
    id: 'st-min-1',
    section: 'st-sec-1',
    kind: 'minority',
    title: '',
    text:
      'Osa paneelin jäsenistä katsoo, ettei jokaiseen kuntaan tarvita täyden palvelun pistettä. Heidän mielestään ' +
      'rajalliset varat tulisi käyttää ensisijaisesti hoitajien ja lääkärien palkkaamiseen sekä liikkuviin ' +
      'palveluihin, jotka tavoittavat myös kuntakeskusten ulkopuolella asuvat.',
    rationale: '',
    recommendationId: 'st-rec-4',
    before: null,
  },
  {
    id: 'st-rec-6',
    section: 'st-sec-1',
    kind: 'recommendation',
    title: 'Lasten ja perheiden palvelut säilyvät lähellä',
    text:
      'Neuvolan sekä koulu- ja opiskeluterveydenhuollon palvelut säilytetään kaikissa kunnissa lähipalveluina. ' +
      'Perheiden ei tule joutua matkustamaan toiseen kuntaan lapsen tavanomaisia terveystarkastuksia varten.',
    rationale:
      'Lapsiperheiden arki on kiireistä, ja pitkät matkat vaikeuttavat erityisesti niitä perheitä, joilla ei ole ' +
      'autoa. Lähellä olevat palvelut tukevat myös varhaista tukea ja ongelmien ennaltaehkäisyä.',
    before: null,
  },
  {
    id: 'st-rec-2',
    section: 'st-sec-2',
    kind: 'recommendation',
    title: draft(2).title,
    text: draft(2).text,
    rationale:
      'Kaikilla ei ole välineitä, taitoja tai terveyttä sähköiseen asiointiin. Paneelin mielestä palvelujen ' +
      'digitalisointi ei saa heikentää kenenkään mahdollisuutta saada apua.',
    draftId: 'rec-2',
    before: {
      text:
        'Etävastaanotot ja sähköinen asiointi ovat hyvä lisä, mutta jokaisessa palvelussa on mahdollisuus ' +
        'asioida myös kasvokkain. Digitaalisten palvelujen käyttöön tarjotaan opastusta.',
      rationale: '',
    },
  },
  {
    id: 'st-rec-3',
    section: 'st-sec-2',
    kind: 'recommendation',
    title: draft(3).title,
    text: draft(3).text,
    rationale:
      'Palvelupisteen siirto voi pidentää matkaa kartalla vain vähän mutta bussilla paljon. Siksi kulkeminen ' +
      'on arvioitava osana jokaista palveluverkon muutosta.',
    draftId: 'rec-3',
    before: { text: draft(3).text, rationale: '' },
  },
  {
    id: 'st-rec-7',
    section: 'st-sec-2',
    kind: 'recommendation',
    title: 'Esteettömät palvelupisteet',
    text:
      'Kaikki palvelupisteet ja niiden kulkureitit ovat esteettömiä. Esteettömyys tarkistetaan yhdessä ' +
      'vammais- ja vanhusneuvostojen kanssa ennen uuden palvelupisteen avaamista, ja havaitut puutteet ' +
      'korjataan **viimeistään vuoden 2028 loppuun mennessä**.',
    rationale:
      'Paneelin jäsenet kertoivat palvelupisteistä, joihin ei pääse pyörätuolilla tai rollaattorilla ilman apua. ' +
      'Esteettömyydestä hyötyvät kaikki, myös lastenvaunujen kanssa liikkuvat ja ikääntyneet.',
    before: null,
  },
  {
    id: 'st-rec-5',
    section: 'st-sec-3',
    kind: 'recommendation',
    title: draft(5).title,
    text: draft(5).text,
    rationale:
      'Asukkaat kokivat, että päätökset on usein tehty ennen kuin niistä on kerrottu. Ajoissa annettu tieto ja ' +
      'aito kuuleminen lisäävät luottamusta hyvinvointialueeseen.',
    draftId: 'rec-5',
    before: { text: draft(5).text, rationale: '', section: 'st-sec-2' },
  },
  {
    id: 'st-rec-8',
    section: 'st-sec-3',
    kind: 'recommendation',
    title: 'Asukaspaneelista pysyvä osa valmistelua',
    text:
      'Hyvinvointialue järjestää asukaspaneelin vähintään kerran valtuustokaudessa ennen merkittäviä ' +
      'palveluverkkoa koskevia päätöksiä. Paneelin suosituksiin annetaan kirjallinen vastaus, joka julkaistaan ' +
      'hyvinvointialueen verkkosivuilla.',
    rationale:
      'Paneelityöskentely osoitti, että satunnaisesti valitut asukkaat pystyvät perehtymään vaikeisiinkin ' +
      'kysymyksiin ja löytämään yhteisiä ratkaisuja. Kirjallinen vastaus kertoo, miten suosituksia on käytetty.',
    before: null,
  },
  {
    id: 'st-txt-1',
    section: 'st-sec-3',
    kind: 'text',
    title: 'Lopuksi',
    text:
      'Paneeli kiittää asiantuntijoita, pöytäsihteereitä ja järjestäjiä. Toivomme, että aluehallitus ja ' +
      'aluevaltuusto ottavat suositukset huomioon palveluverkkoa koskevassa päätöksenteossa ja kertovat ' +
      'asukkaille, miten niitä on käytetty.',
    rationale: '',
    before: null,
  },
];

/** The Swedish version of the first section (recommendation 4's translation predates its last edit). */
const SWEDISH: { targetId: string; title: string; text: string; rationale: string; current: boolean }[] = [
  {
    targetId: 'statement',
    title: 'Utlåtande från Mellersta Nylands invånarpanel: Service nära och på distans',
    text:
      'Mellersta Nylands invånarpanel samlades två dagar i november 2026 för att fundera på hur social- och ' +
      'hälsovårdstjänsterna ska ordnas när servicenätet förnyas. Panelen ger områdesstyrelsen och ' +
      'områdesfullmäktige **åtta rekommendationer** inom tre teman:\n\n' +
      '- närservice och servicenätet\n- tillgänglighet och resor\n- delaktighet och information',
    rationale: '',
    current: true,
  },
  { targetId: 'st-sec-1', title: 'Närservice och servicenätet', text: '', rationale: '', current: true },
  {
    targetId: 'st-rec-1',
    title: 'Mobila tjänster till glesbygden',
    text:
      'Välfärdsområdet utökar de mobila tjänsterna, såsom hälsobussen, mobil rådgivning och tjänster som ges i ' +
      'hemmet, särskilt i glesbygden i Mäntsälä, Nurmijärvi och Tusby. Tidtabellerna för de mobila tjänsterna ' +
      'publiceras i god tid och meddelas också på papper och i lokaltidningarna.',
    rationale:
      'I glesbygden kan det vara över 30 kilometer till närmaste hälsostation, och alla har inte bil. Med mobila ' +
      'tjänster kommer primärvården närmare dem som har svårast att resa.',
    current: true,
  },
  {
    targetId: 'st-rec-4',
    title: 'En servicepunkt för alla ärenden i varje kommun',
    text:
      'I var och en av de sex kommunerna finns minst en servicepunkt där man kan sköta sina social- och ' +
      'hälsovårdsärenden vid ett och samma besök: tidsbokning, rådgivning, provtagning och handledning inom ' +
      'socialt arbete.',
    rationale:
      'Invånarna berättade att de måste besöka flera olika verksamhetsställen för samma ärende. En bekant ' +
      'servicepunkt i den egna kommunen sparar tid och gör tjänsterna lättare att närma sig.',
    current: false,
  },
];

function snapshotOf(blocks: StatementBlockRecord[], sections: StatementSnapshot['sections'], translations: StatementTranslation[]): StatementSnapshot {
  return {
    meta: { title: TITLE, summary: SUMMARY, mainLanguage: 'fi', secondLanguage: 'sv' },
    sections,
    blocks: [...blocks].sort((a, b) => (a.sectionId === b.sectionId ? a.position - b.position : a.sectionId < b.sectionId ? -1 : 1)),
    translations,
  };
}

export function fillDemoStatement(db: Db): void {
  const sources = new Map<string, string[]>();
  for (const r of db.prepare('SELECT recommendation_id, note_id FROM recommendation_source ORDER BY note_id').all() as { recommendation_id: string; note_id: string }[]) {
    sources.set(r.recommendation_id, [...(sources.get(r.recommendation_id) ?? []), r.note_id]);
  }
  const record = (b: DemoBlock, position: number, version: number, text: string, rationale: string, section: string, at: string): StatementBlockRecord => ({
    id: b.id,
    sectionId: section,
    kind: b.kind,
    position,
    title: b.title,
    text,
    rationale,
    authors: b.authors ?? '',
    recommendationId: b.recommendationId ?? null,
    draftRecommendationId: b.draftId ?? null,
    sourceNoteIds: b.draftId ? (sources.get(b.draftId) ?? []) : [],
    version,
    updatedAt: at,
    updatedBy: FACILITATOR,
  });

  // The version saved after the first drafting day: five recommendations from the tables, two sections.
  const earlier: StatementBlockRecord[] = [];
  for (const sectionId of ['st-sec-1', 'st-sec-2']) {
    BLOCKS.filter((b) => b.before && (b.before.section ?? b.section) === sectionId).forEach((b, i) =>
      earlier.push(record(b, i, 1, b.before!.text, b.before!.rationale, sectionId, V1_AT)),
    );
  }
  const earlierSnapshot = snapshotOf(
    earlier,
    SECTIONS.slice(0, 2).map((s, i) => ({ ...s, position: i })),
    [],
  );

  // The current draft.
  const current: StatementBlockRecord[] = [];
  for (const s of SECTIONS) {
    BLOCKS.filter((b) => b.section === s.id).forEach((b, i) => {
      const edited = !b.before || b.before.text !== b.text || b.before.rationale !== b.rationale;
      current.push(record(b, i, b.before && edited ? 2 : 1, b.text, b.rationale, s.id, b.before && !edited ? V1_AT : EDIT_AT));
    });
  }

  db.prepare('INSERT INTO statement (id, title, summary, main_language, second_language, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    'statement',
    TITLE,
    SUMMARY,
    'fi',
    'sv',
    EDIT_AT,
  );
  const insSection = db.prepare('INSERT INTO statement_section (id, title, position) VALUES (?, ?, ?)');
  SECTIONS.forEach((s, i) => insSection.run(s.id, s.title, i));
  const insBlock = db.prepare(
    `INSERT INTO statement_block (id, section_id, kind, position, title, text, rationale, authors, recommendation_id, draft_recommendation_id,
       source_note_ids, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insVersion = db.prepare(
    `INSERT INTO statement_block_version (block_id, version, title, text, rationale, authors, reason, by_name, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const b of current) {
    insBlock.run(b.id, b.sectionId, b.kind, b.position, b.title, b.text, b.rationale, b.authors, b.recommendationId, b.draftRecommendationId, JSON.stringify(b.sourceNoteIds), b.version, b.updatedAt, b.updatedBy);
    const first = earlier.find((e) => e.id === b.id);
    if (first) insVersion.run(b.id, 1, first.title, first.text, first.rationale, first.authors, 'create', FACILITATOR, V1_AT);
    if (!first || b.version > 1) insVersion.run(b.id, b.version, b.title, b.text, b.rationale, b.authors, first ? 'edit' : 'create', FACILITATOR, EDIT_AT);
  }

  const insTranslation = db.prepare(
    'INSERT INTO statement_translation (target_id, language, title, text, rationale, source_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of SWEDISH) {
    const block = current.find((b) => b.id === t.targetId);
    const version = block ? (t.current ? block.version : block.version - 1) : 1;
    insTranslation.run(t.targetId, 'sv', t.title, t.text, t.rationale, version, t.current ? EDIT_AT : V1_AT);
  }

  const insFollowUp = db.prepare('INSERT INTO statement_follow_up (block_id, status, reasons, answered_on, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const f of FOLLOW_UPS) insFollowUp.run(f.blockId, f.status, f.reasons, f.answeredOn, `${f.answeredOn}T10:00:00.000Z`);

  db.prepare('INSERT INTO statement_version (id, name, kind, snapshot, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    'st-version-1',
    'Luonnos 1. päivän jälkeen',
    'named',
    JSON.stringify(earlierSnapshot),
    V1_AT,
    FACILITATOR,
  );
}
