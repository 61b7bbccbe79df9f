import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotDraftInput } from '../../shared/ballots/draft.js';
import { rowsFor } from '../../shared/ballots/rows.js';
import type { Paper } from '../../shared/ballots/paper.js';
import { versionOf } from '../helpers/ballots.js';
import { launchBrowser, SCREENSHOT_DIR, type TestBrowser } from '../helpers/browser.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import type { Size } from './devices.js';

/** The projectors a hall may have: full HD, 720p, and an old 4:3 one. */
const SIZES: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
/** The chair and 16 members: a rating of 16 subjects × 4 levels cannot fit one screen. */
const MEMBERS = committeeIds(17);
const SUBJECTS = MEMBERS.slice(1);
const LONG_TITLE =
  'Thảo luận, góp ý vào dự thảo Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Thường vụ năm 2024 gắn với kết quả thực hiện Nghị quyết Trung ương 4 khóa XIII về tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh';
const LONG_ANNOUNCEMENT =
  'Hội nghị nghỉ giải lao 15 phút. Đề nghị các đồng chí đại biểu giữ trật tự, không rời khỏi khu vực hội trường, tắt chuông điện thoại di động và trở lại vị trí đúng giờ để tiếp tục chương trình kiểm điểm buổi chiều theo kế hoạch đã thông qua.';

/**
 * What is wrong with the room screen as laid out now: an element of the view (as far as the view's
 * own scrolling boxes let it show) outside the viewport, two of its top-level boxes (`data-fit`)
 * overlapping, a `data-fit` box (or a `data-fit-inner` one that hides its overflow) clipping its content, or the page scrolling at all.
 */
function fitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.querySelector('[data-testid="screen-view"]');
    if (!root) return ['no screen view'];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const scroller = document.scrollingElement!;
    if (scroller.scrollHeight > vh || scroller.scrollWidth > vw) problems.push(`the page scrolls: ${scroller.scrollWidth}×${scroller.scrollHeight}`);
    const describe = (e: Element) => {
      const id = e.getAttribute('data-testid') ?? e.getAttribute('data-fit') ?? '';
      const text = (e as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
      return `${e.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${String(e.className).split(' ')[0]} "${text}"`;
    };
    // What of an element shows: its box cut by the view's own clipping boxes (a notes pane that
    // scrolls to its newest line), not by the view's frame, which would hide anything off screen.
    const shown = (e: Element): DOMRect | null => {
      let r = e.getBoundingClientRect();
      for (let a = e.parentElement; a && a !== root; a = a.parentElement) {
        if (getComputedStyle(a).overflow === 'visible') continue;
        const c = a.getBoundingClientRect();
        const left = Math.max(r.left, c.left);
        const top = Math.max(r.top, c.top);
        const right = Math.min(r.right, c.right);
        const bottom = Math.min(r.bottom, c.bottom);
        if (right <= left || bottom <= top) return null;
        r = new DOMRect(left, top, right - left, bottom - top);
      }
      return r;
    };
    for (const e of root.querySelectorAll('*')) {
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'contents' || box.width <= 1 || box.height <= 1) continue;
      const r = shown(e);
      if (!r) continue;
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) {
        problems.push(`outside ${vw}×${vh}: ${describe(e)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    }
    for (const e of root.querySelectorAll('[data-fit-inner]')) {
      const h = e as HTMLElement;
      if (h.scrollHeight > h.clientHeight + 1) problems.push(`clips its content: ${describe(e)} ${h.scrollWidth}×${h.scrollHeight} in ${h.clientWidth}×${h.clientHeight}`);
    }
    const boxes = [...root.querySelectorAll('[data-fit]')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
    });
    if (boxes.length < 2) problems.push(`only ${boxes.length} data-fit boxes`);
    for (const e of boxes) {
      const h = e as HTMLElement;
      if (h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1) {
        problems.push(`clips its content: ${describe(e)} ${h.scrollWidth}×${h.scrollHeight} in ${h.clientWidth}×${h.clientHeight}`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].getBoundingClientRect();
        const b = boxes[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) problems.push(`overlap: ${describe(boxes[i])} and ${describe(boxes[j])}`);
      }
    }
    return problems;
  });
}

/** Whether an element is seen whole inside the viewport. */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const e = document.querySelector(sel);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 1 && r.right <= window.innerWidth + 1;
  }, selector);
}

describe('the room screen fits every projector in every state (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let chair: TestClient;
  let screen: Page;
  const voters = new Map<string, TestClient>();

  beforeAll(async () => {
    server = await startServer({
      definition: committeeDefinition(17, {
        agenda: [
          { id: 'open', day: 1, title: 'Khai mạc hội nghị', kind: 'procedure', plannedMinutes: 10, presenter: 'u00' },
          { id: 'long', day: 1, title: LONG_TITLE, kind: 'discussion', plannedMinutes: 60, presenter: 'u01' },
          { id: 'review', day: 1, title: 'Kiểm điểm cá nhân đồng chí Lê Văn Cường', kind: 'individual-review', subject: 'u02', plannedMinutes: 45 },
          { id: 'close', day: 1, title: 'Bế mạc', kind: 'procedure', plannedMinutes: 10 },
        ],
      }),
    });
    b = await launchBrowser();
    chair = await server.connectAs('u00');
    for (const id of MEMBERS.slice(1)) voters.set(id, await server.connectAs(id));
    voters.set('u00', chair);
    const { page } = await b.device(SIZES[0]);
    // The results page through their subjects on a timer the test moves (see the rating below).
    await page.clock.install();
    await page.goto(`${server.url}/join/${server.tokenOf('screen')}`);
    await page.getByTestId('screen-view').waitFor();
    screen = page;
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const send = async (client: TestClient, command: Parameters<TestClient['send']>[0]) => versionOf(await client.send(command));
  /** The text of an element, or nothing when the screen does not show it. */
  const text = async (testId: string) => ((await screen.getByTestId(testId).count()) ? screen.getByTestId(testId).first().innerText() : '');
  /** Until the screen has every change the chair made so far. */
  const caughtUp = (testId: string, attr: string, value: string) => screen.locator(`[data-testid="${testId}"][${attr}="${value}"]`).first().waitFor();

  /** At every size: nothing outside, nothing overlapping, nothing clipped, no app control; a screenshot each. */
  async function check(state: string, extra?: () => Promise<void>) {
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      // The layout follows the viewport on the next frame.
      await screen.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await screen.screenshot({ path: join(SCREENSHOT_DIR, `screen-${state}-${size.width}x${size.height}.png`) });
      expect.soft(await fitProblems(screen), `${state} at ${size.width}×${size.height}`).toEqual([]);
      // No app control on the projector: no button, no language switch, no small connection badge.
      const controls = await screen.locator('[data-testid="screen-view"] :is(button, a[href], input, select, [data-testid="lang-switch"])').count();
      expect.soft(controls, `${state}: controls on the screen`).toBe(0);
      const badge = await screen.evaluate(() =>
        [...document.querySelectorAll('[data-testid="screen-view"] *')].some((e) => {
          const r = e.getBoundingClientRect();
          return /^(Trực tuyến|Đã kết nối)$/.test((e as HTMLElement).innerText?.trim() ?? '') && r.width > 1 && r.height > 1;
        }),
      );
      expect.soft(badge, `${state}: a connection badge`).toBe(false);
      await extra?.();
    }
  }
  /** While someone has the floor, their name and countdown stay in view whatever else the screen shows. */
  const speechInView = async (state: string) => {
    expect.soft(await inView(screen, '[data-testid="current-speaker"][data-participant-id="u02"]'), `${state}: the speaker`).toBe(true);
    expect.soft(await inView(screen, '[data-testid="countdown"] .countdown-clock'), `${state}: the countdown`).toBe(true);
  };

  async function runBallot(draft: BallotDraftInput): Promise<string> {
    const before = chair.state.ballots.length;
    await send(chair, { type: 'ballot.create', ballot: draft });
    const id = chair.state.ballots[before].id;
    await send(chair, { type: 'ballot.open', ballotId: id });
    return id;
  }
  async function voteAll(id: string, answer: (voter: string, row: string) => string) {
    const ballot = chair.state.ballots.find((x) => x.id === id)!;
    for (const [voter, client] of voters) {
      const paper: Paper = Object.fromEntries(rowsFor(ballot, voter).map((row) => [row, answer(voter, row)]));
      await send(client, { type: 'ballot.vote', ballotId: id, paper });
    }
    await waitFor(() => chair.state.ballots.find((x) => x.id === id)!.status === 'closed', 10_000, 'the ballot closed when all voted');
    await send(chair, { type: 'ballot.publish', ballotId: id });
    await caughtUp('screen-ballot', 'data-status', 'published');
  }

  it('walks every state at 1920×1080, 1280×720 and 1024×768', async () => {
    await check('before-start', async () => {
      await screen.getByTestId('screen-programme').waitFor();
    });

    for (const id of MEMBERS) await send(chair, { type: 'attendance.mark', participantId: id, status: 'present' });
    await send(chair, { type: 'agenda.open', itemId: 'open' });
    await caughtUp('current-item-title', 'data-item-id', 'open');
    await check('item', async () => {
      expect.soft(await inView(screen, '[data-testid="screen-quorum"]'), 'the quorum').toBe(true);
      expect.soft(await text('screen-quorum')).toContain('17/17');
      expect.soft(await text('item-presenter')).toContain('Nguyễn Văn An');
    });

    await send(voters.get('u02')!, { type: 'queue.request', kind: 'speech' });
    await send(chair, { type: 'queue.give' });
    await caughtUp('current-speaker', 'data-participant-id', 'u02');
    await check('speech', () => speechInView('speech'));

    for (const id of ['u04', 'u05', 'u06', 'u07', 'u08', 'u09']) await send(voters.get(id)!, { type: 'queue.request', kind: id === 'u06' ? 'point-of-order' : 'speech' });
    await screen.getByTestId('next-more').waitFor();
    await check('queue', () => speechInView('queue'));

    await send(chair, { type: 'announcement.post', text: LONG_ANNOUNCEMENT, countdownSec: 900 });
    await screen.getByTestId('announcement').waitFor();
    await check('announcement', async () => {
      await speechInView('announcement');
      expect.soft(await inView(screen, '[data-testid="announcement-text"]'), 'the whole announcement').toBe(true);
    });
    await send(chair, { type: 'announcement.clear' });
    await screen.getByTestId('announcement').waitFor({ state: 'detached' });

    await send(chair, { type: 'screen.show', show: 'notes' });
    await screen.getByTestId('screen-notes').waitFor();
    await check('notes', () => speechInView('notes'));

    const motion = await runBallot({ kind: 'motion', title: 'Biểu quyết thông qua Nghị quyết hội nghị' });
    await caughtUp('screen-ballot', 'data-status', 'open');
    await check('ballot-open', async () => {
      await speechInView('ballot-open');
      expect.soft(await inView(screen, `[data-testid="turnout-${motion}"]`), 'the turnout').toBe(true);
      const sealed = screen.getByText('Kết quả được giữ kín cho tới khi chủ trì công bố.');
      expect.soft(await sealed.isVisible(), 'the sealed line').toBe(true);
      expect.soft(await sealed.evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight), 'the sealed line in view').toBe(true);
    });
    await voteAll(motion, (voter) => (voter === 'u03' ? 'disagree' : voter === 'u04' ? 'abstain' : 'agree'));
    await check('results-motion', async () => {
      await speechInView('results-motion');
      await screen.getByTestId('motion-outcome').waitFor();
      for (const heading of ['% phiếu bầu', '% cử tri']) expect.soft(await screen.getByText(heading, { exact: true }).first().isVisible(), heading).toBe(true);
    });

    const options = ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Chưa đủ căn cứ xếp loại'].map((vi, i) => ({
      id: `o${i}`,
      vi,
      en: `Option ${i}`,
    }));
    const choice = await runBallot({ kind: 'choice', title: 'Tập thể đề xuất mức xếp loại chất lượng Ban Thường vụ năm 2024', options });
    await voteAll(choice, (voter) => `o${Number(voter.slice(1)) % 5}`);
    await check('results-choice', () => speechInView('results-choice'));

    const rating = await runBallot({ kind: 'rating', title: 'Đánh giá, xếp loại chất lượng ủy viên Ban Thường vụ năm 2024', subjects: SUBJECTS });
    const levels = ['excellent', 'good', 'completed', 'not-completed'];
    await voteAll(rating, (voter, row) => levels[(Number(voter.slice(1)) + Number(row.slice(1))) % 4]);
    /** "Trang 1/N" with every subject on some page, as many a page as the screen has room for. */
    const paged = async (page: number) => {
      const [, n, of] = /^Trang (\d+)\/(\d+)$/.exec(await text('screen-results-page')) ?? [];
      const shown = await screen.locator(`[data-testid="results-${rating}"] tbody tr`).count();
      expect.soft(Number(n), 'the page on show').toBe(page);
      expect.soft(Number(of) * shown >= SUBJECTS.length && (Number(of) - 1) * shown < SUBJECTS.length, `${shown} rows a page, ${of} pages`).toBe(true);
    };
    await check('results-rating', async () => {
      await speechInView('results-rating');
      await screen.getByTestId(`results-${rating}`).waitFor();
      await paged(1);
      for (const heading of ['% phiếu bầu', '% cử tri']) expect.soft(await screen.getByText(heading, { exact: true }).first().isVisible(), heading).toBe(true);
    });
    // The pages turn by themselves every few seconds: the test moves the page's clock instead of waiting.
    await screen.setViewportSize(SIZES[0]);
    await expect.poll(() => text('screen-results-page')).toBe('Trang 1/4');
    await screen.clock.fastForward(8_000);
    await expect.poll(() => text('screen-results-page'), { timeout: 5000 }).toBe('Trang 2/4');
    await check('results-rating-page2', async () => {
      await speechInView('results-rating-page2');
      await paged(2);
    });

    // A ballot closed before everyone voted: the notice band takes room from the results, which page on.
    const early = await runBallot({ kind: 'rating', title: 'Đánh giá, xếp loại (bỏ phiếu lần hai)', subjects: SUBJECTS });
    for (const [voter, client] of [...voters].slice(1)) {
      const ballot = chair.state.ballots.find((x) => x.id === early)!;
      await send(client, { type: 'ballot.vote', ballotId: early, paper: Object.fromEntries(rowsFor(ballot, voter).map((row) => [row, 'good'])) });
    }
    await send(chair, { type: 'ballot.close', ballotId: early });
    await send(chair, { type: 'ballot.publish', ballotId: early });
    await caughtUp('screen-ballot', 'data-ballot-id', early);
    await caughtUp('screen-ballot', 'data-status', 'published');
    await screen.locator('[data-testid="screen-notice"][data-kind="ballot-closed-early"]').waitFor();
    await check('results-notice', () => speechInView('results-notice'));

    // A title of four lines: the speaker and the countdown stay whole on the screen.
    await send(chair, { type: 'screen.show', show: 'agenda' });
    await send(chair, { type: 'agenda.open', itemId: 'long' });
    await send(voters.get('u02')!, { type: 'queue.request', kind: 'speech' });
    await send(chair, { type: 'queue.give', participantId: 'u02' });
    for (const id of ['u05', 'u06', 'u07']) await send(voters.get(id)!, { type: 'queue.request', kind: 'speech' });
    await caughtUp('current-item-title', 'data-item-id', 'long');
    await caughtUp('current-speaker', 'data-participant-id', 'u02');
    await check('long-title', () => speechInView('long-title'));

    await send(chair, { type: 'agenda.open', itemId: 'review' });
    await caughtUp('current-item-title', 'data-item-id', 'review');
    await check('review', async () => {
      expect.soft(await text('item-subject')).toContain('Lê Văn Cường');
    });

    // A screen that lost the server says so, large, to the whole hall.
    await screen.context().setOffline(true);
    await screen.getByTestId('screen-connection-lost').waitFor();
    await check('connection-lost', async () => {
      const lost = screen.getByTestId('screen-connection-lost');
      expect.soft(await lost.innerText()).toBe('Mất kết nối — đang kết nối lại');
      expect.soft(await lost.evaluate((e) => parseFloat(getComputedStyle(e).fontSize) >= window.innerWidth / 60)).toBe(true);
    });
    await screen.context().setOffline(false);
    await screen.getByTestId('screen-connection-lost').waitFor({ state: 'detached', timeout: 20_000 });
  }, 180_000);
});
