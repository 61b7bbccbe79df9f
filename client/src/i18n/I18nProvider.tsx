import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { englishLoaded, loadEnglish, rememberLang, storedLang, type Lang } from './language.js';
import { vi, type Messages } from './vi.js';

interface Shown {
  lang: Lang;
  t: Messages;
}

interface I18n extends Shown {
  toggle: () => void;
}

const VIETNAMESE: Shown = { lang: 'vi', t: vi };

const I18nContext = createContext<I18n>({ ...VIETNAMESE, toggle: () => undefined });

/**
 * English when it is the stored choice and its chunk came (main.tsx waits for it before the first
 * render); Vietnamese otherwise. The stored choice is left as it was, so a device whose English
 * chunk did not arrive this time opens in English again next time.
 */
function starting(): Shown {
  const en = storedLang() === 'en' ? englishLoaded() : null;
  return en ? { lang: 'en', t: en } : VIETNAMESE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown>(starting);
  const { lang } = shown;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // English chosen but not here by the first render (slow or failed download): it shows once it
  // comes, unless the reader has chosen Vietnamese meanwhile.
  useEffect(() => {
    if (storedLang() !== 'en' || englishLoaded()) return;
    void loadEnglish().then((en) => {
      if (en && storedLang() === 'en') setShown({ lang: 'en', t: en });
    });
  }, []);
  const toggle = useCallback(() => {
    if (lang === 'en') {
      setShown(VIETNAMESE);
      rememberLang('vi');
      return;
    }
    // Switches once the words are here; without them (offline, chunk not kept) the page stays in Vietnamese.
    void loadEnglish().then((en) => {
      if (!en) return;
      setShown({ lang: 'en', t: en });
      rememberLang('en');
    });
  }, [lang]);
  const value = useMemo(() => ({ ...shown, toggle }), [shown, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
