import type { Locator, Page } from 'playwright-core';
import type { TestBrowser } from '../helpers/browser.js';

export interface Size {
  width: number;
  height: number;
}

/** The sizes the views are built for: a 10-inch tablet both ways, a small laptop, a projector. */
export const TABLET_LANDSCAPE: Size = { width: 1280, height: 800 };
export const TABLET_PORTRAIT: Size = { width: 800, height: 1280 };
export const LAPTOP: Size = { width: 1024, height: 768 };
export const PROJECTOR: Size = { width: 1920, height: 1080 };

/** A fresh device that opened its participant's personal link and holds a live snapshot. */
export async function openLink(b: TestBrowser, baseUrl: string, token: string, size: Size = TABLET_LANDSCAPE): Promise<Page> {
  const { page } = await b.device(size);
  await page.goto(`${baseUrl}/join/${token}`);
  await connected(page);
  return page;
}

export async function connected(page: Page): Promise<void> {
  await page.locator('[data-testid="connection"][data-state="connected"]').first().waitFor();
}

/** The element with this test id once its attribute has the value: waits for the live update to arrive. */
export function withAttr(page: Page, testId: string, name: string, value: string): Locator {
  return page.locator(`[data-testid="${testId}"][${name}="${value}"]`).first();
}

/** Visible controls smaller than a fingertip (44 × 44 CSS px), described for the failure message. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], select, input, textarea, [role="tab"]')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44);
      })
      .map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName.toLowerCase()} "${(e as HTMLElement).innerText.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
  );
}

/** Whether the page scrolls sideways, which a tablet layout must never need. */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
