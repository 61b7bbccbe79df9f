import type { Page } from 'playwright-core';

export const viewer = (page: Page) => page.getByTestId('document-viewer');

/** A member's tablet: the documents tab, then the row's open button (the "room" helper's list). */
export async function openDocument(page: Page, title: string): Promise<void> {
  if ((await page.locator('[data-testid="tab-documents"][aria-selected="true"]').count()) === 0) await page.getByTestId('tab-documents').click();
  await page
    .locator('[data-testid="document-row"]', { has: page.getByText(title, { exact: false }) })
    .getByTestId('document-open')
    .click();
  await viewer(page).waitFor();
}

/** The viewer has opened the file and drawn page `n`. */
export async function pageShown(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid="document-viewer"][data-state="ready"][data-page="${n}"] .dv-stage .pdf-page[data-page="${n}"][data-rendered="true"]`).waitFor();
}

export async function scaleOf(page: Page): Promise<number> {
  return Number(await viewer(page).getAttribute('data-scale'));
}

/** The text the text layer of the page on screen holds (what search and selection read). */
export async function pageText(page: Page): Promise<string> {
  return page.locator('.dv-stage .textLayer').evaluate((el) => [...el.querySelectorAll('span')].map((s) => s.textContent).join(' '));
}

/** Drags over the page on screen from and to fractions of its size (the highlight tool must be on). */
export async function dragOnPage(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const box = (await page.locator('.dv-stage [data-testid="annotation-layer"]').boundingBox())!;
  await page.mouse.move(box.x + from.x * box.width, box.y + from.y * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + ((from.x + to.x) / 2) * box.width, box.y + ((from.y + to.y) / 2) * box.height, { steps: 4 });
  await page.mouse.move(box.x + to.x * box.width, box.y + to.y * box.height, { steps: 4 });
  await page.mouse.up();
}

/**
 * Two fingers on the stage moving apart (or together): the pointer events a touch screen sends,
 * dispatched in the page (Playwright's touchscreen only taps).
 */
export async function pinch(page: Page, factor: number): Promise<void> {
  await page.getByTestId('viewer-stage').evaluate((stage, f) => {
    const box = stage.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const send = (type: string, id: number, dx: number) =>
      stage.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: cx + dx, clientY: cy, bubbles: true }));
    send('pointerdown', 11, -50);
    send('pointerdown', 12, 50);
    for (let i = 1; i <= 5; i++) {
      const spread = 50 * (1 + ((f - 1) * i) / 5);
      send('pointermove', 11, -spread);
      send('pointermove', 12, spread);
    }
    send('pointerup', 11, -50 * f);
    send('pointerup', 12, 50 * f);
  }, factor);
}
