/**
 * The content of the Puntari demo panel: a fictional resident panel of the
 * Keski-Uudenmaan hyvinvointialue (the Central Uusimaa wellbeing services county).
 * Every person here is invented; e-mail addresses use example.fi.
 */

export const DEMO_PANEL = {
  name: 'Keski-Uudenmaan asukaspaneeli 2026: Palvelut lähellä ja etänä',
  mandate:
    'Miten sosiaali- ja terveyspalvelut tulisi järjestää, kun palveluverkkoa uudistetaan? ' +
    'Paneeli laatii aluehallitukselle ja aluevaltuustolle suositukset siitä, mitkä palvelut on tärkeää saada ' +
    'läheltä kasvokkain, mitkä voivat toimia etänä tai liikkuvina palveluina ja miten palveluihin pääsee ' +
    'kaikissa kuudessa kunnassa.',
  organiser: 'Keski-Uudenmaan hyvinvointialue',
  area: 'Keski-Uusimaa',
  municipalities: ['Hyvinkää', 'Järvenpää', 'Kerava', 'Mäntsälä', 'Nurmijärvi', 'Tuusula'],
  languages: ['fi', 'sv'],
  startsOn: '2026-11-14',
  endsOn: '2026-11-21',
  venue: 'Järvenpää-talo, Hallituskatu 4, Järvenpää',
  recordNumber: 'KEUSOTE/2318/00.01.02/2026',
  updatedAt: '2026-11-14T06:30:00.000Z',
} as const;

export interface DemoFeature {
  key: string;
  label: string;
  values: { value: string; label: string; share: number }[];
}

/** Shares roughly as in Statistics Finland's figures for the area (population aged 15–80). */
export const DEMO_FEATURES: DemoFeature[] = [
  {
    key: 'municipality',
    label: 'Kotikunta',
    values: [
      { value: 'hyvinkaa', label: 'Hyvinkää', share: 0.2 },
      { value: 'jarvenpaa', label: 'Järvenpää', share: 0.193 },
      { value: 'kerava', label: 'Kerava', share: 0.162 },
      { value: 'mantsala', label: 'Mäntsälä', share: 0.089 },
      { value: 'nurmijarvi', label: 'Nurmijärvi', share: 0.189 },
      { value: 'tuusula', label: 'Tuusula', share: 0.167 },
    ],
  },
  {
    key: 'ageGroup',
    label: 'Ikäryhmä',
    values: [
      { value: '15-24', label: '15–24', share: 0.148 },
      { value: '25-34', label: '25–34', share: 0.158 },
      { value: '35-44', label: '35–44', share: 0.181 },
      { value: '45-54', label: '45–54', share: 0.168 },
      { value: '55-64', label: '55–64', share: 0.165 },
      { value: '65-80', label: '65–80', share: 0.18 },
    ],
  },
  {
    key: 'gender',
    label: 'Sukupuoli',
    values: [
      { value: 'nainen', label: 'Nainen', share: 0.505 },
      { value: 'mies', label: 'Mies', share: 0.49 },
      { value: 'muu', label: 'Muu', share: 0.005 },
    ],
  },
  {
    key: 'education',
    label: 'Koulutustaso',
    values: [
      { value: 'perusaste', label: 'Perusaste', share: 0.25 },
      { value: 'toinen-aste', label: 'Toinen aste', share: 0.4 },
      { value: 'korkea-aste', label: 'Korkea-aste', share: 0.35 },
    ],
  },
];

type Muni = 'hyvinkaa' | 'jarvenpaa' | 'kerava' | 'mantsala' | 'nurmijarvi' | 'tuusula';
type Age = '15-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65-80';
type Gender = 'nainen' | 'mies' | 'muu';
type Edu = 'perusaste' | 'toinen-aste' | 'korkea-aste';

export interface DemoPerson {
  first: string;
  last: string;
  municipality: Muni;
  ageGroup: Age;
  gender: Gender;
  education: Edu;
  language: 'fi' | 'sv';
  status: 'confirmed' | 'declined' | 'replaced';
  /** Must sit at the accessible table in every round. */
  needsAccessibleTable?: boolean;
  accessibility?: string;
  dietary?: string;
}

const p = (
  first: string,
  last: string,
  municipality: Muni,
  ageGroup: Age,
  gender: Gender,
  education: Edu,
  extra: Partial<Pick<DemoPerson, 'language' | 'status' | 'needsAccessibleTable' | 'accessibility' | 'dietary'>> = {},
): DemoPerson => ({
  first,
  last,
  municipality,
  ageGroup,
  gender,
  education,
  language: extra.language ?? 'fi',
  status: extra.status ?? 'confirmed',
  ...(extra.needsAccessibleTable ? { needsAccessibleTable: true } : {}),
  ...(extra.accessibility ? { accessibility: extra.accessibility } : {}),
  ...(extra.dietary ? { dietary: extra.dietary } : {}),
});

/** Forty residents, in the order of their ids p-01 … p-40. */
export const DEMO_PEOPLE: DemoPerson[] = [
  // Hyvinkää
  p('Aino', 'Korhonen', 'hyvinkaa', '15-24', 'nainen', 'toinen-aste'),
  p('Mikko', 'Virtanen', 'hyvinkaa', '45-54', 'mies', 'toinen-aste'),
  p('Leena', 'Mäkinen', 'hyvinkaa', '65-80', 'nainen', 'perusaste', {
    needsAccessibleTable: true,
    accessibility: 'Liikun pyörätuolilla; tarvitsen esteettömän pöytäpaikan ja pääsyn hissillä.',
  }),
  p('Jari', 'Nieminen', 'hyvinkaa', '55-64', 'mies', 'korkea-aste'),
  p('Sanna', 'Heikkinen', 'hyvinkaa', '35-44', 'nainen', 'korkea-aste', { dietary: 'Gluteeniton (keliakia)' }),
  p('Tapio', 'Laine', 'hyvinkaa', '65-80', 'mies', 'perusaste', { status: 'declined' }),
  p('Emilia', 'Hämäläinen', 'hyvinkaa', '25-34', 'nainen', 'toinen-aste'),
  p('Pekka', 'Lehtonen', 'hyvinkaa', '45-54', 'mies', 'perusaste'),
  // Järvenpää
  p('Johanna', 'Koskinen', 'jarvenpaa', '45-54', 'nainen', 'korkea-aste'),
  p('Ville', 'Järvinen', 'jarvenpaa', '25-34', 'mies', 'korkea-aste'),
  p('Ritva', 'Saarinen', 'jarvenpaa', '65-80', 'nainen', 'toinen-aste', {
    needsAccessibleTable: true,
    accessibility: 'Kuulolaite; toivon paikkaa, jossa on induktiosilmukka ja vähän taustamelua.',
  }),
  p('Oskari', 'Salminen', 'jarvenpaa', '15-24', 'mies', 'perusaste'),
  p('Marja', 'Kinnunen', 'jarvenpaa', '55-64', 'nainen', 'toinen-aste', { dietary: 'Laktoositon' }),
  p('Antti', 'Turunen', 'jarvenpaa', '35-44', 'mies', 'toinen-aste'),
  p('Elin', 'Lindqvist', 'jarvenpaa', '35-44', 'nainen', 'korkea-aste', { language: 'sv' }),
  // Kerava
  p('Noora', 'Tuominen', 'kerava', '25-34', 'nainen', 'toinen-aste'),
  p('Juha', 'Heinonen', 'kerava', '55-64', 'mies', 'toinen-aste'),
  p('Pirjo', 'Niemi', 'kerava', '65-80', 'nainen', 'toinen-aste', { dietary: 'Kasvisruoka' }),
  p('Eetu', 'Mattila', 'kerava', '15-24', 'mies', 'toinen-aste'),
  p('Henrik', 'Sjöberg', 'kerava', '45-54', 'mies', 'korkea-aste', { language: 'sv' }),
  p('Riikka', 'Laitinen', 'kerava', '35-44', 'nainen', 'perusaste'),
  // Mäntsälä
  p('Kalevi', 'Hiltunen', 'mantsala', '65-80', 'mies', 'perusaste', {
    accessibility: 'Liikun rollaattorin kanssa; tarvitsen paikan lähellä ovea ja taukoja pitkän istumisen välillä.',
  }),
  p('Minna', 'Lehtinen', 'mantsala', '45-54', 'nainen', 'toinen-aste'),
  p('Jesse', 'Kärkkäinen', 'mantsala', '25-34', 'mies', 'toinen-aste'),
  p('Veera', 'Ahonen', 'mantsala', '15-24', 'nainen', 'perusaste'),
  // Nurmijärvi
  p('Timo', 'Leinonen', 'nurmijarvi', '35-44', 'mies', 'korkea-aste'),
  p('Anneli', 'Jokinen', 'nurmijarvi', '65-80', 'nainen', 'toinen-aste'),
  p('Matti', 'Pitkänen', 'nurmijarvi', '55-64', 'mies', 'toinen-aste', { dietary: 'Pähkinäallergia' }),
  p('Laura', 'Karjalainen', 'nurmijarvi', '25-34', 'nainen', 'korkea-aste', { dietary: 'Vegaaninen' }),
  p('Sami', 'Hakala', 'nurmijarvi', '45-54', 'mies', 'toinen-aste', { status: 'replaced' }),
  p('Ella', 'Savolainen', 'nurmijarvi', '15-24', 'nainen', 'toinen-aste'),
  p('Alex', 'Miettinen', 'nurmijarvi', '25-34', 'muu', 'korkea-aste'),
  // Tuusula
  p('Jukka', 'Seppälä', 'tuusula', '35-44', 'mies', 'korkea-aste'),
  p('Tuula', 'Väisänen', 'tuusula', '65-80', 'nainen', 'korkea-aste', {
    accessibility: 'Heikkonäköinen; tarvitsen materiaalit suurennettuina (fonttikoko vähintään 18).',
  }),
  p('Markku', 'Lindroos', 'tuusula', '55-64', 'mies', 'toinen-aste'),
  p('Ebba', 'Westerlund', 'tuusula', '15-24', 'nainen', 'toinen-aste', { language: 'sv' }),
  p('Kati', 'Lahtinen', 'tuusula', '45-54', 'nainen', 'perusaste', { dietary: 'Laktoositon, ei sianlihaa' }),
  p('Arja', 'Manninen', 'tuusula', '55-64', 'nainen', 'perusaste'),
  p('Olli', 'Rinne', 'tuusula', '35-44', 'mies', 'toinen-aste'),
  // Nurmijärvi: recruited to replace Sami H. (same municipality, age group, gender and education)
  p('Risto', 'Huttunen', 'nurmijarvi', '45-54', 'mies', 'toinen-aste'),
];

/** Streets and postcodes (postcode, postal town) in each municipality. */
export const DEMO_STREETS: Record<Muni, { streets: string[]; postcodes: [string, string][] }> = {
  hyvinkaa: {
    streets: ['Hämeenkatu', 'Uudenmaankatu', 'Torikatu', 'Sahanmäentie', 'Kalevankatu', 'Munckinkatu'],
    postcodes: [['05800', 'Hyvinkää'], ['05820', 'Hyvinkää'], ['05830', 'Hyvinkää'], ['05840', 'Hyvinkää'], ['05880', 'Hyvinkää']],
  },
  jarvenpaa: {
    streets: ['Sibeliuksenkatu', 'Mannilantie', 'Seutulantie', 'Helsingintie', 'Rantakatu', 'Kartanontie'],
    postcodes: [['04400', 'Järvenpää'], ['04410', 'Järvenpää'], ['04420', 'Järvenpää'], ['04430', 'Järvenpää'], ['04440', 'Järvenpää']],
  },
  kerava: {
    streets: ['Kauppakaari', 'Alikeravantie', 'Sampolantie', 'Sibeliuksentie', 'Palopellonkatu', 'Ahjontie'],
    postcodes: [['04200', 'Kerava'], ['04220', 'Kerava'], ['04230', 'Kerava'], ['04250', 'Kerava'], ['04260', 'Kerava']],
  },
  mantsala: {
    streets: ['Keskuskatu', 'Asemantie', 'Lukiontie', 'Mäntyläntie', 'Kapulantie'],
    postcodes: [['04600', 'Mäntsälä'], ['04620', 'Mäntsälä'], ['04660', 'Numminen']],
  },
  nurmijarvi: {
    streets: ['Kirkkotie', 'Klaukkalantie', 'Rajamäentie', 'Ratakuja', 'Lepsämäntie', 'Seunalantie'],
    postcodes: [['01900', 'Nurmijärvi'], ['01800', 'Klaukkala'], ['05200', 'Rajamäki'], ['01860', 'Perttula']],
  },
  tuusula: {
    streets: ['Hyryläntie', 'Kirkkotie', 'Jokelantie', 'Rykmentinportti', 'Lahelantie', 'Kolsarintie'],
    postcodes: [['04300', 'Tuusula'], ['04310', 'Tuusula'], ['04330', 'Lahela'], ['04380', 'Tuusula'], ['05400', 'Jokela']],
  },
};

export const DEMO_TABLES = [
  { no: 1, name: 'Pöytä 1', capacity: 7, language: 'fi', accessible: true },
  { no: 2, name: 'Pöytä 2', capacity: 7, language: 'fi', accessible: false },
  { no: 3, name: 'Pöytä 3', capacity: 7, language: 'fi', accessible: false },
  { no: 4, name: 'Pöytä 4', capacity: 7, language: 'fi', accessible: false },
  { no: 5, name: 'Pöytä 5', capacity: 7, language: 'fi', accessible: false },
  { no: 6, name: 'Pöytä 6 – på svenska', capacity: 7, language: 'sv', accessible: false },
] as const;

export const DEMO_ROUNDS = [
  { id: 'round-1', name: 'Aamupäivä', position: 1 },
  { id: 'round-2', name: 'Iltapäivä', position: 2 },
] as const;

export const DEMO_EXPERTS = [
  {
    id: 'expert-1',
    name: 'Marjut Halonen',
    title: 'Palvelualuejohtaja, sosiaali- ja terveyskeskuspalvelut',
    organisation: 'Keski-Uudenmaan hyvinvointialue',
    topic: 'Palveluverkon nykytila ja uudistamisen vaihtoehdot',
  },
  {
    id: 'expert-2',
    name: 'Tuomas Kettunen',
    title: 'Yliopistotutkija, FT',
    organisation: 'Tampereen yliopisto, Yhteiskuntatieteiden tiedekunta',
    topic: 'Palvelujen saavutettavuus, digitaaliset palvelut ja eri väestöryhmät',
  },
  {
    id: 'expert-3',
    name: 'Elina Honkanen',
    title: 'Liikennesuunnittelija',
    organisation: 'Nurmijärven kunta, kuntakehitys',
    topic: 'Joukkoliikenne, asiointiliikenne ja kulkeminen palveluihin',
  },
] as const;

export interface DemoItem {
  kind: 'welcome' | 'expertHearing' | 'expertQuestions' | 'tableDiscussion' | 'plenary' | 'break' | 'vote' | 'statementWork' | 'other';
  title: string;
  minutes: number;
  question?: string;
  notes?: string;
  round?: 'round-1' | 'round-2';
  experts?: ('expert-1' | 'expert-2' | 'expert-3')[];
}

export interface DemoDay {
  id: string;
  date: string;
  startsAt: string;
  title: string;
  items: DemoItem[];
}

export const DEMO_DAYS: DemoDay[] = [
  {
    id: 'day-1',
    date: '2026-11-14',
    startsAt: '09:30',
    title: '1. päivä: Kuuleminen ja keskustelu',
    items: [
      {
        kind: 'welcome',
        title: 'Tervetuloa ja paneelin tehtävä',
        minutes: 20,
        notes: 'Hyvinvointialueen edustaja avaa. Kerro tehtävänanto, aikataulu ja miten suosituksia käytetään.',
      },
      {
        kind: 'tableDiscussion',
        title: 'Tutustuminen ja keskustelun pelisäännöt',
        minutes: 25,
        round: 'round-1',
        question: 'Kertokaa vuorotellen nimenne, kotikuntanne ja mikä sai teidät lähtemään mukaan paneeliin.',
        notes: 'Sihteeri kirjaa pöydän yhteiset pelisäännöt.',
      },
      {
        kind: 'expertHearing',
        title: 'Asiantuntijakuuleminen: Palveluverkko nyt ja tulevaisuudessa',
        minutes: 25,
        experts: ['expert-1'],
      },
      {
        kind: 'expertHearing',
        title: 'Asiantuntijakuuleminen: Saavutettavuus ja digipalvelut',
        minutes: 25,
        experts: ['expert-2'],
      },
      { kind: 'break', title: 'Kahvitauko', minutes: 15 },
      {
        kind: 'tableDiscussion',
        title: 'Pöytäkeskustelu 1: Mikä palveluissa toimii, mikä ei?',
        minutes: 50,
        round: 'round-1',
        question:
          'Millaisia kokemuksia teillä on sosiaali- ja terveyspalvelujen saavuttamisesta omassa kunnassanne? Mikä toimii hyvin ja mikä ei?',
        notes: 'Pöydät kirjaavat kolme tärkeintä havaintoa ja kysymykset asiantuntijoille.',
      },
      { kind: 'break', title: 'Lounas', minutes: 45, notes: 'Erityisruokavaliot on merkitty nimikorteilla.' },
      {
        kind: 'expertHearing',
        title: 'Asiantuntijakuuleminen: Miten palveluihin kuljetaan?',
        minutes: 20,
        experts: ['expert-3'],
      },
      {
        kind: 'expertQuestions',
        title: 'Kysymyksiä asiantuntijoille',
        minutes: 35,
        experts: ['expert-1', 'expert-2', 'expert-3'],
        notes: 'Pöytien kysymykset luetaan ääneen; vastaukset kirjataan muistioon.',
      },
      {
        kind: 'tableDiscussion',
        title: 'Pöytäkeskustelu 2: Lähellä vai etänä?',
        minutes: 55,
        round: 'round-2',
        question:
          'Mitkä palvelut on tärkeää saada läheltä kasvokkain, ja mitkä voivat toimia etänä tai liikkuvina palveluina? Miksi?',
        notes: 'Uusi istumajärjestys. Pöydät muotoilevat 1–3 ehdotusta suosituksiksi.',
      },
      { kind: 'break', title: 'Kahvitauko', minutes: 15 },
      {
        kind: 'plenary',
        title: 'Yhteenveto pöytien ehdotuksista',
        minutes: 45,
        notes: 'Jokainen pöytä esittelee ehdotuksensa, enintään 5 minuuttia pöytää kohden.',
      },
      { kind: 'other', title: 'Päivän päätös ja palaute', minutes: 15 },
    ],
  },
  {
    id: 'day-2',
    date: '2026-11-21',
    startsAt: '09:30',
    title: '2. päivä: Suositukset ja lausunto',
    items: [
      {
        kind: 'welcome',
        title: 'Aamun avaus ja ensimmäisen päivän kertaus',
        minutes: 20,
      },
      {
        kind: 'plenary',
        title: 'Luonnossuositusten esittely',
        minutes: 25,
        notes: 'Fasilitaattori esittelee pöytien ehdotuksista kootut luonnossuositukset.',
      },
      {
        kind: 'statementWork',
        title: 'Suositusten työstäminen pöydissä',
        minutes: 70,
        round: 'round-1',
        question:
          'Miten suositusta pitäisi muuttaa, jotta se toimisi kaikissa kuudessa kunnassa? Mitä siitä vielä puuttuu?',
      },
      { kind: 'break', title: 'Kahvitauko', minutes: 15 },
      {
        kind: 'expertQuestions',
        title: 'Asiantuntijoiden kommentit luonnoksiin',
        minutes: 35,
        experts: ['expert-1', 'expert-3'],
      },
      { kind: 'break', title: 'Lounas', minutes: 45 },
      {
        kind: 'statementWork',
        title: 'Perustelujen viimeistely',
        minutes: 55,
        round: 'round-2',
        question: 'Mitkä ovat pöytänne mielestä tärkeimmät perustelut kunkin suosituksen taustalla?',
      },
      {
        kind: 'plenary',
        title: 'Suositukset yhteiseen muotoon',
        minutes: 45,
      },
      { kind: 'break', title: 'Kahvitauko', minutes: 15 },
      {
        kind: 'vote',
        title: 'Äänestys suosituksista',
        minutes: 30,
        notes: 'Jokaisesta suosituksesta äänestetään erikseen; tulokset kirjataan lausuntoon.',
      },
      {
        kind: 'plenary',
        title: 'Lausunnon luovutus hyvinvointialueelle',
        minutes: 20,
      },
      { kind: 'other', title: 'Loppusanat ja palaute', minutes: 15 },
    ],
  },
];

export const DEMO_RECOMMENDATIONS = [
  {
    title: 'Liikkuvat palvelut haja-asutusalueille',
    text:
      'Hyvinvointialue laajentaa liikkuvia palveluja, kuten terveysbussia, liikkuvaa neuvolaa ja kotiin vietäviä ' +
      'palveluja, erityisesti Mäntsälän, Nurmijärven ja Tuusulan haja-asutusalueilla. Liikkuvien palvelujen ' +
      'aikataulut julkaistaan hyvissä ajoin ja niistä tiedotetaan myös paperilla ja paikallislehdissä.',
  },
  {
    title: 'Digitaaliset palvelut aina kasvokkaisen vaihtoehdon rinnalla',
    text:
      'Etävastaanotot ja sähköinen asiointi ovat hyvä lisä, mutta jokaisessa palvelussa on aina mahdollisuus ' +
      'asioida myös kasvokkain tai puhelimitse. Digitaalisten palvelujen käyttöön tarjotaan henkilökohtaista ' +
      'opastusta kaikissa kunnissa.',
  },
  {
    title: 'Kulkeminen palveluihin osaksi palvelujen suunnittelua',
    text:
      'Kun palvelupisteitä yhdistetään tai siirretään, hyvinvointialue ja kunnat arvioivat yhdessä, miten ' +
      'palveluun pääsee joukkoliikenteellä. Asiointiliikennettä kehitetään niin, että vastaanottoajat ja ' +
      'vuorot sopivat yhteen.',
  },
  {
    title: 'Yhden luukun palvelupiste jokaiseen kuntaan',
    text:
      'Jokaisessa kuudessa kunnassa on vähintään yksi palvelupiste, jossa voi hoitaa sosiaali- ja terveyspalvelujen ' +
      'asiat samalla käynnillä: ajanvaraus, neuvonta, näytteenotto ja sosiaalityön ohjaus.',
  },
  {
    title: 'Muutoksista kerrotaan ajoissa ja asukkaita kuullaan',
    text:
      'Palveluverkon muutoksista kerrotaan asukkaille vähintään puoli vuotta ennen niiden toteutumista. ' +
      'Vaikutukset eri asukasryhmiin, kuten ikääntyneisiin, lapsiperheisiin ja vammaisiin henkilöihin, ' +
      'arvioidaan ja asukkaita kuullaan ennen päätöksiä.',
  },
] as const;
