import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { SkipLink } from './SkipLink.js';

/** A plain page for screens without the facilitator's navigation: skip link, brand, language, main. */
export function Page({ children, className, wide }: { children: ReactNode; className?: string; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1} className={`page ${wide ? 'page-wide' : 'page-narrow'} ${className ?? ''}`}>
        {children}
      </main>
    </>
  );
}
