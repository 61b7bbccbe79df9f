import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { connected, overflowsSideways, smallTargets, type Size } from './devices.js';
import { openTabletTab } from './tabletTabs.js';

/** The sizes the issue was found at: a 10-inch tablet in landscape, a phone, a small laptop. */
const TABLET: Size = { width: 1024, height: 768 };
const PHONE: Size = { width: 390, height: 844 };
const CHAIR: Size = { width: 1280, height: 720 };

/** Sixteen members (u00 chairs): a member's rating paper has fifteen rows, as in a provincial standing committee. */
const IDS = committeeIds(16);
const PEER = 'peer';
const RESOLUTION = 'resolution';
const PEER_TITLE = 'Phiếu đánh giá, xếp loại chất lượng năm 2024';
const RESOLUTION_TITLE = 'Thông qua Nghị quyết hội nghị';
/** Before: each row was a card with its four levels wrapped three and one, about 4,700 px for fifteen. */
const MOST_PAPER_PX = 1600;

const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });

/** Elements whose box reaches past the viewport's right edge, described for the failure message. */
function widerThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().width)}px`),
  );
}

/** Elements inside `testId`'s box that stick out of it sideways. */
function sticksOut(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((box) => {
    const outer = box.getBoundingClientRect();
    return [...box.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > outer.right + 1 || r.left < outer.left - 1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().width)}px`);
  });
}

/** Each row's answer boxes by their top edge: one distinct value per row when no box wrapped. */
function rowLines(page: Page, ballotId: string): Promise<{ row: string; boxes: number; lines: number; smallest: number }[]> {
  return page.getByTestId(`ballot-paper-${ballotId}`).evaluate((paper) =>
    [...paper.querySelectorAll('[data-testid^="paper-row-"]')].map((row) => {
      const boxes = [...row.querySelectorAll('[role="radio"]')].map((b) => b.getBoundingClientRect());
      return {
        row: row.getAttribute('data-testid') ?? '',
        boxes: boxes.length,
        lines: new Set(boxes.map((r) => Math.round(r.top))).size,
        smallest: Math.min(...boxes.map((r) => Math.min(r.width, r.height))),
      };
    }),
  );
}

describe('one paper at a time, on a tablet and a phone (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let chair: TestClient;
  beforeAll(async () => {
    server = await startServer({ definition: committeeDefinition(16) });
    b = await launchBrowser();
    chair = await server.connectAs('u00');
    await markPresent(chair, IDS);
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'open' }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: PEER, kind: 'rating', title: PEER_TITLE, subjects: IDS, allowAbstain: true } }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: RESOLUTION, kind: 'motion', title: RESOLUTION_TITLE } }));
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  const open = async (participantId: string, size: Size, opts: { hasTouch?: boolean } = {}) => {
    const device = await b.device({ ...size, ...opts });
    await device.page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
    await connected(device.page);
    return device;
  };
  const status = (id: string) => chair.state.ballots.find((x) => x.id === id)?.status;

  it('the chair is asked before a second paper goes out; the tablet shows one paper, then the next', async () => {
    const { page: console_ } = await open('u00', CHAIR);
    const { page: tablet } = await open('u01', TABLET, { hasTouch: true });
    await openConsoleTab(console_, 'ballots');
    await openTabletTab(tablet, 'vote');

    // The first ballot opens as before: no other is open, so the usual two taps.
    await console_.getByTestId(`ballot-open-${PEER}`).click();
    await console_.getByTestId(`ballot-open-${PEER}-confirm`).click();
    await waitFor(() => status(PEER) === 'open', 10_000, 'the rating open');

    // A fifteen-row rating on a 1024 × 768 tablet: a grid, each row's levels side by side.
    const paper = tablet.getByTestId(`ballot-paper-${PEER}`);
    await paper.waitFor();
    const rows = await rowLines(tablet, PEER);
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      // Four levels and "no rating", on one line, each at least a fingertip.
      expect(row, row.row).toMatchObject({ boxes: 5, lines: 1 });
      expect(row.smallest, row.row).toBeGreaterThanOrEqual(44);
    }
    expect(await smallTargets(tablet)).toEqual([]);
    expect(await widerThanViewport(tablet)).toEqual([]);
    expect(await overflowsSideways(tablet)).toBe(false);
    const height = (await paper.boundingBox())!.height;
    expect(height).toBeLessThan(MOST_PAPER_PX);
    await b.screenshot(tablet, 'ballot-grid-tablet');
    expect(await tablet.getByTestId('papers-nav').count()).toBe(0);

    // The chair opens the motion too: asked first, with the open rating named; cancelling sends nothing.
    await console_.getByTestId(`ballot-open-${RESOLUTION}`).click();
    const question = console_.getByTestId(`ballot-open-${RESOLUTION}-question`);
    expect(await question.innerText()).toContain(`Phiếu «${PEER_TITLE}» đang mở. Vẫn mở thêm phiếu «${RESOLUTION_TITLE}»?`);
    await b.screenshot(console_, 'ballot-open-second-question');
    await console_.getByTestId(`ballot-open-${RESOLUTION}-cancel`).click();
    await question.waitFor({ state: 'detached' });
    await console_.getByTestId(`ballot-open-${RESOLUTION}`).waitFor();
    expect(status(RESOLUTION)).toBe('draft');
    expect(await console_.getByTestId(`ballot-card-${RESOLUTION}`).getAttribute('data-status')).toBe('draft');

    // Half a row on the rating, then the chair opens the motion after all.
    await tablet.getByTestId(`paper-u02-good`).tap();
    await console_.getByTestId(`ballot-open-${RESOLUTION}`).click();
    await console_.getByTestId(`ballot-open-${RESOLUTION}-confirm`).click();
    await waitFor(() => status(RESOLUTION) === 'open', 10_000, 'the motion open');
    expect(status(PEER)).toBe('open');

    // The tablet keeps the rating (opened first) in front, says one more paper waits, never shows both.
    await poll(() => tablet.getByTestId('papers-left').innerText()).toBe('Còn 1 phiếu chưa bỏ');
    expect(await tablet.getByTestId('feed-papers').getAttribute('data-current')).toBe(PEER);
    const visible = (selector: string) => tablet.locator(`${selector} >> visible=true`).count();
    expect(await visible('[data-testid^="ballot-paper-"]')).toBe(1);
    expect(await visible('[data-testid="paper-progress"]')).toBe(1);
    expect(await visible('[data-testid="paper-review"]')).toBe(1);
    await b.screenshot(tablet, 'ballot-two-open-tablet');

    // A look at the next paper and back: the half-filled rating is as it was.
    await tablet.getByTestId('paper-next').tap();
    await tablet.getByTestId(`ballot-paper-${RESOLUTION}`).waitFor();
    expect(await visible('[data-testid^="ballot-paper-"]')).toBe(1);
    expect(await visible('[data-testid="paper-progress"]')).toBe(1);
    await tablet.getByTestId('paper-next').tap();
    await paper.waitFor();
    expect(await tablet.getByTestId('paper-u02-good').getAttribute('aria-checked')).toBe('true');

    // The rating filled and handed in: the motion comes up by itself, the last one left.
    for (const id of IDS.filter((x) => x !== 'u01')) await tablet.getByTestId(`paper-${id}-good`).tap();
    await paper.getByTestId('paper-review').tap();
    await paper.getByTestId('paper-confirm').tap();
    await tablet.getByTestId(`ballot-paper-${RESOLUTION}`).waitFor();
    await waitFor(() => chair.state.ballots.find((x) => x.id === PEER)!.voted.includes('u01'), 10_000, "u01's rating");
    expect(await tablet.getByTestId('feed-papers').getAttribute('data-current')).toBe(RESOLUTION);
    // Handed in at the foot of the long grid, the next paper is brought into view.
    const inView = () =>
      tablet.getByTestId(`ballot-paper-${RESOLUTION}`).evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight / 2;
      });
    await poll(inView).toBe(true);
    expect(await tablet.getByTestId('papers-nav').count()).toBe(0);
    expect(await tablet.locator(`[data-testid="ballot-recorded"][data-ballot-id="${PEER}"]`).count()).toBe(1);
    await b.screenshot(tablet, 'ballot-next-paper-tablet');

    // The papers' own controls share test ids, so each is found inside its paper.
    const motion = tablet.getByTestId(`ballot-paper-${RESOLUTION}`);
    await motion.getByTestId('paper-question-agree').tap();
    await motion.getByTestId('paper-review').tap();
    await motion.getByTestId('paper-confirm').tap();
    await tablet.locator(`[data-testid="ballot-recorded"][data-ballot-id="${RESOLUTION}"]`).waitFor();
    expect(await tablet.getByTestId('feed-papers').count()).toBe(0);
  }, 90_000);

  it('a paper not sent is said to be not sent; one sent but not answered is said to be uncertain', async () => {
    // Blocked service worker: the test sees and holds the app's own requests.
    const { page, context } = await b.device({ ...TABLET, hasTouch: true, serviceWorkers: 'block' });
    let holdVotes = false;
    // The server never hears a held vote, whichever transport socket.io is on; everything else passes.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => {
        if (!(holdVotes && String(m).includes('"ballot.vote"'))) upstream.send(m);
      });
      upstream.onMessage((m) => ws.send(m));
    });
    await page.route(/\/socket\.io\//, (route) =>
      holdVotes && route.request().method() === 'POST' && (route.request().postData() ?? '').includes('"ballot.vote"') ? route.fulfill({ body: 'ok' }) : route.continue(),
    );
    await page.goto(`${server.url}/join/${server.tokenOf('u03')}`);
    await connected(page);
    await openTabletTab(page, 'vote');
    await page.getByTestId('paper-next').tap();
    const motion = page.getByTestId(`ballot-paper-${RESOLUTION}`);
    await motion.getByTestId('paper-question-disagree').tap();
    await motion.getByTestId('paper-review').tap();

    // Offline: refused on the device, so the member is told plainly it did not leave, and waits.
    await context.setOffline(true);
    await page.locator('[data-testid="connection"][data-state="offline"]').first().waitFor();
    await motion.getByTestId('paper-confirm').tap();
    const problem = motion.getByTestId('paper-problem');
    await poll(() => problem.getAttribute('data-problem')).toBe('not-sent');
    expect(await problem.innerText()).toBe('Phiếu CHƯA được gửi: máy chưa kết nối được với máy chủ. Các lựa chọn vẫn còn trên phiếu; khi có kết nối trở lại, bấm «Gửi lại».');
    expect(await motion.getByTestId('paper-confirm').innerText()).toBe('Đang chờ kết nối…');
    expect(await motion.getByTestId('paper-confirm').isDisabled()).toBe(true);
    await b.screenshot(page, 'ballot-offline-not-sent');

    // Back online, the vote goes but its answer never comes: it may have counted, so "uncertain".
    await context.setOffline(false);
    await connected(page);
    await poll(() => motion.getByTestId('paper-confirm').innerText()).toBe('Gửi lại');
    holdVotes = true;
    await motion.getByTestId('paper-confirm').tap();
    await motion.locator('[data-testid="paper-problem"][data-problem="uncertain"]').waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toContain('Phiếu đã được gửi đi nhưng máy chủ chưa trả lời');
    expect(chair.state.ballots.find((x) => x.id === RESOLUTION)!.voted).not.toContain('u03');
    await b.screenshot(page, 'ballot-sent-unanswered');

    // Sending again is safe; this time it is answered and counted once.
    holdVotes = false;
    await motion.getByTestId('paper-confirm').tap();
    await page.locator(`[data-testid="ballot-recorded"][data-ballot-id="${RESOLUTION}"]`).waitFor();
    await waitFor(() => chair.state.ballots.find((x) => x.id === RESOLUTION)!.voted.includes('u03'), 10_000, "u03's vote");
  }, 60_000);

  it('published results are a short summary on a phone and a tablet, opened on demand, never wider than their box', async () => {
    // Everyone else votes over sockets (the tablet rated everyone "good"); both close when all have voted.
    let u00Good = 1;
    for (const id of IDS) {
      const client = id === 'u00' ? chair : await server.connectAs(id);
      const mine = (ballotId: string) => chair.state.ballots.find((x) => x.id === ballotId)!.voted.includes(id);
      const rating = Object.fromEntries(IDS.filter((s) => s !== id).map((s, i) => [s, i % 3 === 0 ? 'excellent' : 'good']));
      if (!mine(PEER)) u00Good += Number(rating.u00 === 'good');
      if (!mine(PEER)) versionOf(await client.send({ type: 'ballot.vote', ballotId: PEER, paper: rating }));
      if (!mine(RESOLUTION)) versionOf(await client.send({ type: 'ballot.vote', ballotId: RESOLUTION, paper: { question: 'agree' } }));
    }
    for (const id of [PEER, RESOLUTION]) {
      await waitFor(() => status(id) === 'closed', 10_000, `${id} closed when all voted`);
      versionOf(await chair.send({ type: 'ballot.publish', ballotId: id }));
    }

    for (const [who, size, name] of [
      ['u02', PHONE, 'ballot-results-phone'],
      ['obs', PHONE, 'ballot-results-observer-phone'],
      ['u02', TABLET, 'ballot-results-tablet'],
    ] as const) {
      const { page } = await open(who, size, { hasTouch: true });
      await openTabletTab(page, 'vote');
      const results = page.getByTestId(`results-${PEER}`);
      await results.waitFor();
      // Collapsed: the outcome and validity only, a few lines however many people were rated.
      expect(await results.getAttribute('data-expanded')).toBe('false');
      expect((await results.boundingBox())!.height, `${name}: the summary`).toBeLessThan(200);
      expect(await page.getByTestId('motion-outcome').innerText()).toBe('Được thông qua');
      expect(await overflowsSideways(page)).toBe(false);
      await b.screenshot(page, name);

      // Opened: a card per person, the levels' counts side by side, nothing wider than the box.
      await page.getByTestId(`results-toggle-${PEER}`).tap();
      await results.getByTestId('result-u03').waitFor();
      expect(await results.locator('table').count()).toBe(0);
      expect(await sticksOut(page, `results-${PEER}`)).toEqual([]);
      expect(await widerThanViewport(page)).toEqual([]);
      expect(await overflowsSideways(page)).toBe(false);
      expect(await results.getByTestId('result-u00-good').getAttribute('data-count')).toBe(String(u00Good));
      await b.screenshot(page, `${name}-open`);
      await page.getByTestId(`results-toggle-${PEER}`).tap();
      expect(await results.getAttribute('data-expanded')).toBe('false');
    }
  }, 90_000);
});
