import type { AgendaItemKind, AgendaTemplate } from './agenda.js';

type Text = { fi: string; sv: string; en: string };

interface TemplateItem {
  kind: AgendaItemKind;
  title: Text;
  minutes: number;
  question?: Text;
}

interface TemplateDay {
  title: Text;
  startsAt: string;
  items: TemplateItem[];
}

const t = (fi: string, sv: string, en: string): Text => ({ fi, sv, en });

const WELCOME: TemplateItem = { kind: 'welcome', title: t('Tervetuloa ja päivän kulku', 'Välkommen och dagens program', 'Welcome and the day ahead'), minutes: 20 };
const BREAK: TemplateItem = { kind: 'break', title: t('Tauko', 'Paus', 'Break'), minutes: 15 };
const LUNCH: TemplateItem = { kind: 'break', title: t('Lounas', 'Lunch', 'Lunch'), minutes: 45 };
const CLOSING: TemplateItem = { kind: 'plenary', title: t('Päivän päätös', 'Dagens avslutning', 'Closing of the day'), minutes: 15 };
const HEARING: TemplateItem = { kind: 'expertHearing', title: t('Asiantuntijakuuleminen', 'Experthörande', 'Expert hearing'), minutes: 30 };
const QUESTIONS: TemplateItem = {
  kind: 'expertQuestions',
  title: t('Kysymykset asiantuntijoille', 'Frågor till experterna', 'Questions to the experts'),
  minutes: 30,
};
const DISCUSSION = (minutes: number, n: number): TemplateItem => ({
  kind: 'tableDiscussion',
  title: t(`Pöytäkeskustelu ${n}`, `Bordsdiskussion ${n}`, `Table discussion ${n}`),
  minutes,
  question: t('Mikä tässä asiassa on sinulle tärkeintä?', 'Vad är viktigast för dig i den här frågan?', 'What matters most to you in this question?'),
});

/** Programmes to start from; the facilitator adapts them. Titles in the facilitator's language. */
export const TEMPLATES: Record<AgendaTemplate, TemplateDay[]> = {
  citizensJury3: [
    {
      title: t('Päivä 1: tieto ja kysymykset', 'Dag 1: kunskap och frågor', 'Day 1: learning and questions'),
      startsAt: '09:00',
      items: [
        WELCOME,
        { kind: 'other', title: t('Tutustuminen ja keskustelun pelisäännöt', 'Bekantskap och diskussionsregler', 'Getting to know each other, ground rules'), minutes: 30 },
        HEARING,
        HEARING,
        BREAK,
        QUESTIONS,
        LUNCH,
        DISCUSSION(60, 1),
        BREAK,
        DISCUSSION(45, 2),
        CLOSING,
      ],
    },
    {
      title: t('Päivä 2: punninta', 'Dag 2: övervägande', 'Day 2: weighing up'),
      startsAt: '09:00',
      items: [
        WELCOME,
        HEARING,
        QUESTIONS,
        BREAK,
        DISCUSSION(60, 3),
        LUNCH,
        { kind: 'statementWork', title: t('Ehdotusten muotoilu', 'Formulering av förslag', 'Drafting proposals'), minutes: 75 },
        BREAK,
        { kind: 'plenary', title: t('Ehdotukset yhteiseen keskusteluun', 'Förslagen i plenum', 'Proposals in plenary'), minutes: 45 },
        CLOSING,
      ],
    },
    {
      title: t('Päivä 3: lausuma', 'Dag 3: utlåtande', 'Day 3: the statement'),
      startsAt: '09:00',
      items: [
        WELCOME,
        { kind: 'statementWork', title: t('Lausuman luonnoksen läpikäynti', 'Genomgång av utkastet', 'Reading the draft statement'), minutes: 60 },
        BREAK,
        { kind: 'statementWork', title: t('Muutosehdotukset', 'Ändringsförslag', 'Amendments'), minutes: 60 },
        LUNCH,
        { kind: 'vote', title: t('Äänestys suosituksista', 'Omröstning om rekommendationerna', 'Vote on the recommendations'), minutes: 45 },
        { kind: 'plenary', title: t('Lausuman hyväksyminen ja luovutus', 'Godkännande och överlämnande', 'Adopting and handing over'), minutes: 30 },
        CLOSING,
      ],
    },
  ],
  residentEvening: [
    {
      title: t('Asukasilta', 'Invånarkväll', 'Residents\u2019 evening'),
      startsAt: '17:30',
      items: [
        { ...WELCOME, minutes: 10 },
        { ...HEARING, minutes: 20 },
        { ...QUESTIONS, minutes: 15 },
        DISCUSSION(45, 1),
        { ...BREAK, minutes: 10 },
        DISCUSSION(30, 2),
        { kind: 'plenary', title: t('Yhteenveto', 'Sammanfattning', 'Summary'), minutes: 20 },
        { ...CLOSING, minutes: 10 },
      ],
    },
  ],
};

export type { TemplateDay, TemplateItem, Text as TemplateText };
