import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from '../i18n/index.js';

/** Three buttons, each language named in itself; the pressed one is the current language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')} data-lang={i18n.language}>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="link-button"
          aria-pressed={current === lng}
          onClick={() => void changeLanguage(lng)}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
