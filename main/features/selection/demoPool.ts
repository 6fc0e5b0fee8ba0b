/**
 * Synthetic sign-ups for the demo and the tests: residents of the six Central Uusimaa
 * municipalities answering an invitation, as a survey tool would export them (Finnish headers).
 * Deterministic for a seed; every person is invented, e-mail addresses use example.fi.
 */
import iconv from 'iconv-lite';
import { DEMO_FEATURES, DEMO_STREETS } from '../demo/demoData.js';

export const POOL_HEADER = ['Vastaajanumero', 'Nimi', 'Sähköposti', 'Puhelin', 'Katuosoite', 'Postinumero', 'Kotikunta', 'Ikäryhmä', 'Sukupuoli', 'Koulutustaso', 'Kieli'] as const;

export interface SyntheticSignup {
  id: string;
  first: string;
  last: string;
  email: string;
  phone: string;
  street: string;
  postcode: string;
  /** Feature value keys as in the demo panel. */
  municipality: string;
  ageGroup: string;
  gender: string;
  education: string;
  language: 'fi' | 'sv';
}

const FIRST_F = ['Aino', 'Anna', 'Eeva', 'Helmi', 'Iida', 'Johanna', 'Kaisa', 'Laura', 'Maria', 'Minna', 'Noora', 'Pia', 'Riikka', 'Sari', 'Tiina', 'Ulla', 'Veera', 'Sofia', 'Elina', 'Hanna', 'Marjatta', 'Kirsi', 'Satu', 'Tuija', 'Emma', 'Oona'];
const FIRST_M = ['Antti', 'Eero', 'Heikki', 'Ilkka', 'Jari', 'Juha', 'Kari', 'Lauri', 'Markus', 'Mikko', 'Niko', 'Olli', 'Pekka', 'Petri', 'Risto', 'Sami', 'Teemu', 'Timo', 'Ville', 'Aleksi', 'Jussi', 'Matti', 'Onni', 'Eino', 'Tuomas', 'Janne'];
const FIRST_X = ['Alex', 'Kim', 'Robin', 'Sasha', 'Niki'];
const LAST = ['Aaltonen', 'Heino', 'Hirvonen', 'Holopainen', 'Jääskeläinen', 'Kallio', 'Kangas', 'Karvonen', 'Kettunen', 'Koivisto', 'Kokkonen', 'Lahti', 'Lampinen', 'Lindholm', 'Mustonen', 'Nurmi', 'Ojala', 'Pelkonen', 'Peltonen', 'Rantanen', 'Räsänen', 'Salo', 'Soininen', 'Toivonen', 'Vainio', 'Valtonen', 'Vartiainen', 'Ylönen', 'Åberg', 'Grönroos'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(rand: () => number, values: readonly { value: string; share: number }[], skew: (v: string) => number = () => 1): string {
  const w = values.map((v) => v.share * skew(v.value));
  let u = rand() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    u -= w[i]!;
    if (u <= 0) return values[i]!.value;
  }
  return values[values.length - 1]!.value;
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z]/g, '');

/**
 * `n` sign-ups. Those who answer are not like the population: older and more educated people sign
 * up more often, and Mäntsälä's residents less; a few share an address (households).
 */
export function syntheticSignups(n: number, seed = 2026): SyntheticSignup[] {
  const rand = mulberry32(seed);
  const feature = (key: string) => DEMO_FEATURES.find((f) => f.key === key)!.values;
  const out: SyntheticSignup[] = [];
  for (let i = 0; i < n; i++) {
    const municipality = weighted(rand, feature('municipality'), (v) => (v === 'mantsala' ? 0.45 : 1));
    const ageGroup = weighted(rand, feature('ageGroup'), (v) => (v === '15-24' ? 0.55 : v === '55-64' || v === '65-80' ? 1.4 : 1));
    const gender = weighted(rand, feature('gender'), (v) => (v === 'muu' ? 1.5 : v === 'nainen' ? 1.15 : 1));
    const education = weighted(rand, feature('education'), (v) => (v === 'korkea-aste' ? 1.6 : v === 'perusaste' ? 0.6 : 1));
    const names = gender === 'nainen' ? FIRST_F : gender === 'mies' ? FIRST_M : FIRST_X;
    const first = names[Math.floor(rand() * names.length)]!;
    const place = DEMO_STREETS[municipality as keyof typeof DEMO_STREETS];
    // Every twelfth person lives with the previous one.
    const prev = out[out.length - 1];
    const sameHome = prev && i % 12 === 5 && prev.municipality === municipality;
    const last = sameHome ? prev.last : LAST[Math.floor(rand() * LAST.length)]!;
    const street = sameHome ? prev.street : `${place.streets[Math.floor(rand() * place.streets.length)]} ${1 + Math.floor(rand() * 60)}${rand() < 0.5 ? ` ${'ABCD'[Math.floor(rand() * 4)]} ${1 + Math.floor(rand() * 30)}` : ''}`;
    const postcode = sameHome ? prev.postcode : place.postcodes[Math.floor(rand() * place.postcodes.length)]![0];
    out.push({
      id: `R${String(1001 + i)}`,
      first,
      last,
      email: `${ascii(first)}.${ascii(last)}${i}@example.fi`,
      phone: `+358 50 ${String(100 + Math.floor(rand() * 900))} ${String(Math.floor(rand() * 10000)).padStart(4, '0')}`,
      street,
      postcode,
      municipality,
      ageGroup,
      gender,
      education,
      language: rand() < 0.06 ? 'sv' : 'fi',
    });
  }
  return out;
}

/** Feature value labels as a survey form shows them ("Hyvinkää", "15–24"). */
export function labelOf(feature: string, value: string): string {
  return DEMO_FEATURES.find((f) => f.key === feature)?.values.find((v) => v.value === value)?.label ?? value;
}

export function signupRow(s: SyntheticSignup): string[] {
  return [
    s.id,
    `${s.first} ${s.last}`,
    s.email,
    s.phone,
    s.street,
    s.postcode,
    labelOf('municipality', s.municipality),
    labelOf('ageGroup', s.ageGroup),
    labelOf('gender', s.gender),
    labelOf('education', s.education),
    s.language === 'sv' ? 'ruotsi' : 'suomi',
  ];
}

/** The file Excel on a Finnish Windows laptop writes: semicolons, CRLF, Windows-1252. */
export function signupCsv(rows: readonly (readonly string[])[], options: { delimiter?: string; encoding?: 'windows-1252' | 'utf-8' } = {}): Uint8Array {
  const d = options.delimiter ?? ';';
  const quote = (c: string) => (c.includes(d) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  const text = [POOL_HEADER as readonly string[], ...rows].map((r) => r.map(quote).join(d)).join('\r\n') + '\r\n';
  return options.encoding === 'utf-8' ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, 'win1252'));
}
