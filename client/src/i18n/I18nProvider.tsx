import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { vi, type Messages } from './vi.js';

export type Lang = 'vi' | 'en';
const DICTIONARIES: Record<Lang, Messages> = { vi, en };
const STORAGE_KEY = 'phong-hop.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface I18n {
  lang: Lang;
  t: Messages;
  toggle: () => void;
}

const I18nContext = createContext<I18n>({ lang: 'vi', t: vi, toggle: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [lang]);
  const toggle = useCallback(() => setLang((l) => (l === 'vi' ? 'en' : 'vi')), []);
  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], toggle }), [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
