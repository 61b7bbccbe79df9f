import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import type { MeetingState } from '../../shared/meeting/state.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { openLink, withAttr } from './devices.js';

/** The small laptop the issue was found on: everything must be in reach without scrolling the page. */
const SMALL_LAPTOP = { width: 1280, height: 720 };
const MEMBERS = committeeIds(16);
/** Day 1 is long enough that the agenda overflows its box: item 5 is review-u03. */
const DAY_ONE = ['open', 'collective', ...MEMBERS.slice(1, 15).map((id) => `review-${id}`)];

function definition() {
  return committeeDefinition(16, {
    agenda: [
      { id: 'open', day: 1, title: 'Khai mạc', kind: 'procedure', plannedMinutes: 10, presenter: 'u00' },
      { id: 'collective', day: 1, title: 'Kiểm điểm tập thể', kind: 'collective-review', plannedMinutes: 90 },
      ...MEMBERS.slice(1, 15).map((id) => ({ id: `review-${id}`, day: 1, title: `Kiểm điểm đồng chí ${id}`, kind: 'individual-review' as const, subject: id, plannedMinutes: 30 })),
      { id: 'rating', day: 2, title: 'Đánh giá, xếp loại', kind: 'ballot', plannedMinutes: 30 },
      { id: 'close', day: 2, title: 'Bế mạc', kind: 'procedure', plannedMinutes: 10 },
    ],
  });
}

describe('the chair console at 1280 × 720: in reach, no stray taps, refusals that say why (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let chair: TestClient;
  beforeAll(async () => {
    server = await startServer({ definition: definition(), commandsPerSecond: 1000, commandBurst: 1000, maxConnectionsPerToken: 10 });
    b = await launchBrowser();
    chair = await server.connectAs('u00');
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  /** The meeting as the server holds it (the organiser's API), not as any client believes it is. */
  async function stored(): Promise<{ version: number; state: MeetingState }> {
    const res = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    return (await res.json()) as { version: number; state: MeetingState };
  }
  const statusOf = (state: MeetingState, id: string) => state.agenda.find((i) => i.id === id)!.status;
  const shoot = (page: Page, name: string) => b.screenshot(page, `console-${name}`);

  it('"Mở" on item 5 before the start names the effect; cancel changes nothing, confirm starts at item 5', async () => {
    const page = await openLink(b, server.url, server.tokenOf('u00'), SMALL_LAPTOP);
    await page.getByTestId('open-review-u03').click();
    const message = page.getByTestId('open-review-u03-message');
    expect(await message.innerText()).toBe('Bắt đầu hội nghị tại mục 5? Các mục 1–4 sẽ vẫn ở trạng thái Chưa diễn ra.');
    await shoot(page, 'confirm-open-out-of-order');

    await page.getByTestId('open-review-u03-cancel').click();
    await message.waitFor({ state: 'detached' });
    // A later command from the same page is answered after anything the cancel might have sent.
    await openConsoleTab(page, 'screen');
    await page.getByTestId('screen-show-notes').click();
    await waitFor(async () => (await stored()).state.screen.show === 'notes', 10_000, 'the screen on the notes');
    const after = (await stored()).state;
    expect([after.status, after.activeItemId, after.startedAt ?? null]).toEqual(['scheduled', null, null]);
    expect(DAY_ONE.map((id) => statusOf(after, id)).every((s) => s === 'pending')).toBe(true);

    await page.getByTestId('open-review-u03').click();
    await page.getByTestId('open-review-u03-confirm').click();
    await waitFor(async () => (await stored()).state.activeItemId === 'review-u03', 10_000, 'item 5 open');
    const started = (await stored()).state;
    expect(started.status).toBe('running');
    expect(DAY_ONE.slice(0, 4).map((id) => statusOf(started, id))).toEqual(['pending', 'pending', 'pending', 'pending']);
    // In order now: the next item opens with one tap, no question asked.
    await page.getByTestId('open-review-u04').click();
    await waitFor(async () => (await stored()).state.activeItemId === 'review-u04', 10_000, 'item 6 open');
    expect(await page.getByTestId('open-review-u05-message').count()).toBe(0);
  });

  it("keeps the open item in view in the agenda's own box, without scrolling the page", async () => {
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'review-u14' }));
    const page = await openLink(b, server.url, server.tokenOf('u00'), SMALL_LAPTOP);
    const inBox = (id: string) =>
      page.evaluate((itemId) => {
        const box = document.querySelector('[data-testid="agenda-scroll"]')!.getBoundingClientRect();
        const row = document.querySelector(`[data-testid="agenda-item-${itemId}"]`)!.getBoundingClientRect();
        return row.top >= box.top - 1 && row.bottom <= box.bottom + 1 && box.bottom <= window.innerHeight;
      }, id);
    await withAttr(page, 'agenda-item-review-u14', 'data-status', 'active').waitFor();
    // The box is shorter than the day: the check can fail.
    expect(await page.getByTestId('agenda-scroll').evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await expect.poll(() => inBox('review-u14')).toBe(true);
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'open' }));
    await withAttr(page, 'agenda-item-open', 'data-status', 'active').waitFor();
    await expect.poll(() => inBox('open')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shoot(page, 'agenda-follows');
  });

  it("a refusal names its reason and next step in the reader's language; a greyed-out step says why", async () => {
    const page = await openLink(b, server.url, server.tokenOf('u00'), SMALL_LAPTOP);
    await withAttr(page, 'agenda-item-open', 'data-status', 'active').waitFor();
    // Item 1 is open: there is nothing before it, and the server says so.
    await page.getByTestId('agenda-previous').click();
    const refusal = page.getByTestId('refusal');
    await withAttr(page, 'refusal', 'data-reason', 'no-previous-item').waitFor();
    expect(await refusal.getByTestId('refusal-reason').innerText()).toBe('Không có mục nào trước đó trong ngày 1.');
    expect(await refusal.getByTestId('refusal-next').innerText()).toBe('Cách làm tiếp: Hãy chọn mục cần mở trong chương trình.');
    expect(await refusal.innerText()).not.toContain('Thao tác không phù hợp');
    await shoot(page, 'refusal');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => refusal.getByTestId('refusal-reason').innerText()).toBe('No earlier item on day 1.');
    expect(await refusal.getByTestId('refusal-next').innerText()).toBe('What to do: Choose the item to open from the agenda.');
    await page.getByTestId('lang-switch').click();

    // Moving to day 2 while an item is open is greyed out, with the reason on screen, not in a tooltip.
    await page.getByTestId('day-tab-2').click();
    expect(await page.getByTestId('day-switch').isDisabled()).toBe(true);
    expect(await page.getByTestId('day-switch-why').isVisible()).toBe(true);
    expect(await page.getByTestId('day-switch-why').innerText()).toBe('Mục 1 đang mở: hãy bấm "Hoàn thành" hoặc "Bỏ qua" rồi mới chuyển ngày.');

    // At the last item of the day, "next" is greyed out and says what to do instead.
    await page.getByTestId('day-tab-1').click();
    versionOf(await chair.send({ type: 'agenda.open', itemId: DAY_ONE.at(-1)! }));
    await withAttr(page, `agenda-item-${DAY_ONE.at(-1)}`, 'data-status', 'active').waitFor();
    expect(await page.getByTestId('agenda-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('agenda-next-why').innerText()).toBe(
      'Đã hết mục chưa diễn ra trong ngày 1. Hãy bấm "Hoàn thành" cho mục đang mở, rồi chuyển hội nghị sang ngày 2.',
    );
  });

  it('moving to day 2 and finishing the meeting ask first, naming what stays unheld', async () => {
    const page = await openLink(b, server.url, server.tokenOf('u00'), SMALL_LAPTOP);
    await withAttr(page, `agenda-item-${DAY_ONE.at(-1)}`, 'data-status', 'active').waitFor();
    await page.getByTestId('agenda-finish').click();
    expect(await page.getByTestId('agenda-finish-message').innerText()).toBe(
      'Kết thúc hội nghị? Giờ kết thúc được ghi vào biên bản. Mục 16 đang mở sẽ được ghi là Hoàn thành. Các mục 2–4, 7–15 của ngày 1 sẽ vẫn ở trạng thái Chưa diễn ra.',
    );
    await page.getByTestId('agenda-finish-cancel').click();

    await page.getByTestId('agenda-complete').click();
    await waitFor(async () => (await stored()).state.activeItemId === null, 10_000, 'the last item done');
    await page.getByTestId('day-tab-2').click();
    await page.getByTestId('day-switch').click();
    expect(await page.getByTestId('day-switch-message').innerText()).toBe(
      'Chuyển hội nghị sang ngày 2 (27/12/2024)? Các mục 2–4, 7–15 của ngày 1 sẽ vẫn ở trạng thái Chưa diễn ra.',
    );
    await shoot(page, 'confirm-day-switch');
    await page.getByTestId('day-switch-confirm').click();
    await waitFor(async () => (await stored()).state.currentDay === 2, 10_000, 'day 2');
    const { state } = await stored();
    expect(state.status).toBe('running');
  });

  it('every part one tap away, the menu whole on screen, the page one screen high even with a 16-subject rating published', async () => {
    await markPresent(chair, MEMBERS);
    const subjects = [...MEMBERS.slice(1), 'collective'];
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'peer', kind: 'rating', title: 'Phiếu đánh giá, xếp loại năm 2024', subjects, allowAbstain: true } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'peer' }));
    const voters = await Promise.all(MEMBERS.map(async (id) => (id === 'u00' ? chair : server.connectAs(id))));
    await Promise.all(
      voters.map((v, i) =>
        v.send({
          type: 'ballot.vote',
          ballotId: 'peer',
          paper: Object.fromEntries(subjects.filter((s) => s !== MEMBERS[i]).map((s, j) => [s, OFFICIAL_SCALE[(i + j) % OFFICIAL_SCALE.length].id])),
        }),
      ),
    );
    await waitFor(() => chair.state.ballots[0].status === 'closed', 10_000, 'the rating closed by its last paper');
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'peer' }));

    const page = await openLink(b, server.url, server.tokenOf('u00'), SMALL_LAPTOP);
    await page.getByTestId('console-tabs').waitFor();
    const tabs = await page.locator('[data-testid="console-tabs"] [role="tab"]').evaluateAll((list) => list.map((e) => e.getAttribute('data-testid')!.replace('console-tab-', '')));
    expect(tabs).toEqual(['floor', 'ballots', 'review', 'attendance', 'screen', 'announcement', 'stats', 'notes', 'minutes', 'notices', 'documents']);
    // The whole menu on screen at 1280 px: "Biên bản" included.
    const outside = await page.locator('[data-testid="console-tabs"] [role="tab"]').evaluateAll((list) =>
      list
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
        })
        .map((e) => (e as HTMLElement).innerText),
    );
    expect(outside).toEqual([]);
    expect(await page.getByTestId('console-tab-minutes').innerText()).toBe('Biên bản');

    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    for (const tab of tabs) {
      await page.getByTestId(`console-tab-${tab}`).click();
      const pane = page.getByTestId(`console-panel-${tab}`);
      await pane.waitFor();
      // The part is on screen at once, beside the agenda.
      const box = (await pane.boundingBox())!;
      expect(box.y + 40, tab).toBeLessThan(SMALL_LAPTOP.height);
      expect(await page.getByTestId('agenda-scroll').isVisible()).toBe(true);
      expect(await height(), tab).toBeLessThanOrEqual(2 * SMALL_LAPTOP.height);
      await shoot(page, tab);
    }
    await page.getByTestId('console-tab-ballots').click();
    await page.getByTestId('console-panel-ballots').getByText('Phiếu đánh giá, xếp loại năm 2024').first().waitFor();
    expect(await height()).toBeLessThanOrEqual(SMALL_LAPTOP.height + 1);
    // The tab survives a reload: it is in the address.
    expect(new URL(page.url()).hash).toBe('#ballots');
    await page.reload();
    await page.locator('#console-panel-ballots:not([hidden])').waitFor();
    // The quorum chip leads to the attendance.
    await page.getByTestId('quorum-chip').click();
    await page.locator('#console-panel-attendance:not([hidden])').waitFor();
  }, 60_000);
});
