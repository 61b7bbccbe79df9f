import type { Messages } from './vi.js';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'phong-hop.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

let english: Messages | null = null;

/**
 * English is its own chunk: most devices in the room never show it, so no first view carries it.
 * A failed download (offline before the service worker kept the chunk) gives null, and the caller
 * stays in Vietnamese; the next attempt imports afresh, as the browser does not remember the failure.
 */
export async function loadEnglish(): Promise<Messages | null> {
  if (english) return english;
  try {
    english = (await import('./en.js')).en;
  } catch {
    return null;
  }
  return english;
}

/** English, once loadEnglish has brought it. */
export function englishLoaded(): Messages | null {
  return english;
}

/** How long the first render waits for English: a stalled download must not keep the page blank. */
const FIRST_RENDER_WAIT_MS = 3000;

/**
 * Brings the stored language's words before the first render, so a device set to English does not
 * paint Vietnamese first and then switch. Never rejects: Vietnamese is always at hand.
 */
export async function loadStoredLang(wait = FIRST_RENDER_WAIT_MS): Promise<void> {
  if (storedLang() !== 'en') return;
  await Promise.race([loadEnglish(), new Promise((resolve) => setTimeout(resolve, wait))]);
}
