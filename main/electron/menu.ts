/**
 * The application menu, in the shell's language. Items that act in the UI navigate the
 * focused facilitator window to a hash route (see routeFor); the renderer does the rest.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { LANGUAGES, type Language, type MenuAction } from './urls.js';

const LABELS = {
  fi: {
    file: 'Tiedosto', newPanel: 'Uusi paneeli…', openPanel: 'Avaa paneeli…', recent: 'Viimeisimmät paneelit',
    backups: 'Varmuuskopiot…', export: 'Vie…', newWindow: 'Uusi fasilitaattorin ikkuna', quit: 'Lopeta',
    edit: 'Muokkaa', view: 'Näytä', language: 'Kieli', projector: 'Projektori-ikkuna', fullScreen: 'Koko näyttö',
    window: 'Ikkuna', help: 'Ohje', helpItem: 'Puntarin ohje', about: 'Tietoja Puntarista',
    hubFailed: 'Puntarin palvelin ei käynnistynyt.', hubStopped: 'Puntarin palvelin pysähtyi eikä käynnistynyt uudelleen.',
    tryAgain: 'Yritä uudelleen',
  },
  sv: {
    file: 'Arkiv', newPanel: 'Ny panel…', openPanel: 'Öppna panel…', recent: 'Senaste paneler',
    backups: 'Säkerhetskopior…', export: 'Exportera…', newWindow: 'Nytt fönster för facilitatorn', quit: 'Avsluta',
    edit: 'Redigera', view: 'Visa', language: 'Språk', projector: 'Projektorfönster', fullScreen: 'Helskärm',
    window: 'Fönster', help: 'Hjälp', helpItem: 'Hjälp för Puntari', about: 'Om Puntari',
    hubFailed: 'Puntaris server startade inte.', hubStopped: 'Puntaris server stannade och kunde inte startas om.',
    tryAgain: 'Försök igen',
  },
  en: {
    file: 'File', newPanel: 'New panel…', openPanel: 'Open panel…', recent: 'Recent panels',
    backups: 'Backups…', export: 'Export…', newWindow: 'New facilitator window', quit: 'Quit',
    edit: 'Edit', view: 'View', language: 'Language', projector: 'Projector window', fullScreen: 'Full screen',
    window: 'Window', help: 'Help', helpItem: 'Puntari help', about: 'About Puntari',
    hubFailed: 'The Puntari hub did not start.', hubStopped: 'The Puntari hub stopped and could not be restarted.',
    tryAgain: 'Try again',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Texts of the shell's own dialogs, in the menu's language. */
export function shellTexts(language: Language): (typeof LABELS)[Language] {
  return LABELS[language];
}

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export interface MenuHandlers {
  language: Language;
  projectorOpen: boolean;
  isMac: boolean;
  devTools: boolean;
  act(action: MenuAction): void;
  newFacilitatorWindow(): void;
  toggleProjector(): void;
  about(): void;
}

export function buildMenu(h: MenuHandlers): Menu {
  const t = LABELS[h.language];
  const template: MenuItemConstructorOptions[] = [];
  if (h.isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { label: t.about, click: () => h.about() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  }
  template.push(
    {
      label: t.file,
      submenu: [
        { label: t.newPanel, accelerator: 'CmdOrCtrl+N', click: () => h.act({ kind: 'newPanel' }) },
        { label: t.openPanel, accelerator: 'CmdOrCtrl+O', click: () => h.act({ kind: 'openPanel' }) },
        { label: t.recent, click: () => h.act({ kind: 'recentPanels' }) },
        { type: 'separator' },
        { label: t.backups, click: () => h.act({ kind: 'backups' }) },
        { label: t.export, accelerator: 'CmdOrCtrl+E', click: () => h.act({ kind: 'export' }) },
        { type: 'separator' },
        { label: t.newWindow, accelerator: 'CmdOrCtrl+Shift+N', click: () => h.newFacilitatorWindow() },
        ...(h.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        {
          label: t.language,
          submenu: LANGUAGES.map((language) => ({
            label: LANGUAGE_NAMES[language],
            type: 'radio' as const,
            checked: language === h.language,
            click: () => h.act({ kind: 'language', language }),
          })),
        },
        { type: 'separator' },
        {
          label: t.projector,
          type: 'checkbox',
          checked: h.projectorOpen,
          accelerator: 'CmdOrCtrl+Shift+P',
          click: () => h.toggleProjector(),
        },
        { role: 'togglefullscreen', label: t.fullScreen },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(h.devTools ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: t.window, role: 'windowMenu' },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.helpItem, accelerator: 'F1', click: () => h.act({ kind: 'help' }) },
        ...(h.isMac ? [] : [{ label: t.about, click: () => h.about() }]),
      ],
    },
  );
  return Menu.buildFromTemplate(template);
}
