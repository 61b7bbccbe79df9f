import { attendanceOf } from '../../shared/meeting/attendance.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { storedOnDevice } from './storage.js';
import { openConsoleTab } from './consoleTabs.js';
import { openTabletTab } from './tabletTabs.js';

/** What m1 chooses on the tablet; none of it may be found on the device afterwards. */
const M1_PAPER = { collective: 'good', m2: 'excellent' } as const;
const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });
/** The fields a ballot has in the public state, and nothing more. */
const publicBallot = newBallot('b', { kind: 'motion', title: 't' } as never);
const M1_TRACES = ['excellent', 'good', 'hoàn thành', 'xuất sắc', 'collective', 'paper', 'ballot'];

describe('a rating ballot end to end in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chair = await server.connectAs('chair');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (participantId: string, size: { width: number; height: number }) => {
    const { page } = await browser.device(size);
    await page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
    return page;
  };
  const count = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-count');

  it('a member votes on the tablet, the screen shows turnout, then results once the chair publishes', async () => {
    for (const id of ['chair', 'm2', 'm3', 'm4']) {
      expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    }
    const console_ = await open('chair', { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'ballots');
    const tablet = await open('m1', { width: 1280, height: 800 });
    const screen = await open('screen', { width: 1920, height: 1080 });
    const observer = await open('obs', { width: 1280, height: 900 });
    // The member checks in on the tablet; that makes five members present, m1 among them.
    await tablet.getByTestId('check-in').click();
    await waitFor(() => attendanceOf(chair.state, 'm1') === 'present', 10_000, 'm1 checked in by the tablet');

    // The chair drafts a rating of the collective and two members, with abstention allowed, and opens it.
    await console_.getByTestId('ballot-new').click();
    await console_.getByTestId('ballot-title').fill('Đánh giá, xếp loại năm 2024');
    for (const s of ['collective', 'm1', 'm2']) await console_.getByTestId(`subject-${s}`).check();
    await console_.getByTestId('ballot-allow-abstain').check();
    await console_.getByTestId('ballot-save').click();
    await waitFor(() => chair.state.ballots.length === 1, 10_000, 'the draft');
    const ballot = chair.state.ballots[0];
    expect(ballot).toMatchObject({ kind: 'rating', status: 'draft', subjects: ['collective', 'm1', 'm2'], allowAbstain: true, quorum: [2, 3] });
    const id = ballot.id;
    expect(await console_.getByTestId(`ballot-will-open-${id}`).getAttribute('data-eligible')).toBe('5');
    await console_.getByTestId(`ballot-open-${id}`).click();
    await console_.getByTestId(`ballot-open-${id}-confirm`).click();
    await waitFor(() => chair.state.ballots[0].status === 'open', 10_000, 'the ballot open');
    expect(chair.state.ballots[0].eligible).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);

    for (const page of [tablet, observer]) await openTabletTab(page, 'vote');
    // The tablet shows m1's paper: the collective and m2, not m1 themself.
    const paper = tablet.getByTestId(`ballot-paper-${id}`);
    await paper.waitFor();
    expect(await paper.locator('[data-testid^="paper-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).toEqual([
      'paper-row-collective',
      'paper-row-m2',
    ]);
    const button = tablet.getByTestId('paper-m2-excellent');
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(56);
    // Reviewing an incomplete paper points at the missing row instead.
    await tablet.getByTestId('paper-review').click();
    await poll(() => tablet.getByTestId('paper-row-collective').getAttribute('class')).toContain('is-missing');
    await tablet.getByTestId(`paper-collective-${M1_PAPER.collective}`).click();
    await tablet.getByTestId(`paper-m2-${M1_PAPER.m2}`).click();
    expect(await button.getAttribute('aria-checked')).toBe('true');
    await browser.screenshot(tablet, 'ballot-paper');
    await tablet.getByTestId('paper-review').click();
    await poll(() => tablet.getByTestId('review-collective').innerText()).toContain('Hoàn thành tốt nhiệm vụ');
    expect(await tablet.getByTestId('review-m2').innerText()).toContain('Hoàn thành xuất sắc nhiệm vụ');
    await browser.screenshot(tablet, 'ballot-review');
    await tablet.getByTestId('paper-confirm').click();
    await tablet.getByTestId('ballot-recorded').waitFor();
    expect(await tablet.getByTestId('ballot-recorded').innerText()).toContain('Phiếu của bạn đã được ghi nhận');
    await waitFor(() => chair.state.ballots[0].voted.includes('m1'), 10_000, "m1's vote");

    // Turnout on the screen, the observer and the console; no counts anywhere while open.
    const turnout = (page: Page) => page.getByTestId(`turnout-${id}`);
    await poll(() => turnout(screen).getAttribute('data-voted')).toBe('1');
    expect(await turnout(screen).getAttribute('data-eligible')).toBe('5');
    expect(await turnout(screen).innerText()).toMatch(/1\s*\/\s*5/);
    await poll(() => turnout(observer).getAttribute('data-voted')).toBe('1');
    await console_.locator(`[data-testid="voted-${id}"] [data-voter="m1"]`).waitFor();
    for (const page of [screen, observer, console_, tablet]) {
      expect(await page.locator('[data-testid^="result-"]').count()).toBe(0);
    }
    await browser.screenshot(screen, 'ballot-screen-turnout');

    // After a reload the tablet knows m1 voted, from the public list, and has no trace of the choices.
    await tablet.reload();
    await tablet.getByTestId('ballot-recorded').waitFor();
    expect(await tablet.locator('[data-testid^="ballot-paper-"]').count()).toBe(0);
    expect(await tablet.locator('[aria-checked="true"]').count()).toBe(0);
    const text = (await tablet.locator('body').innerText()).toLowerCase();
    for (const label of ['hoàn thành tốt nhiệm vụ', 'hoàn thành xuất sắc nhiệm vụ']) expect(text).not.toContain(label);
    const { text: stored, snapshots } = await storedOnDevice(tablet);
    for (const trace of M1_TRACES) expect(stored.toLowerCase()).not.toContain(trace);
    // The offline copy of the meeting is the public state: ballots as everyone sees them, no paper.
    for (const copy of snapshots as { snapshot: { state: { ballots: object[] } } }[]) {
      for (const ballot of copy.snapshot.state.ballots) expect(Object.keys(ballot).sort()).toEqual(Object.keys(publicBallot).sort());
      const json = JSON.stringify(copy);
      for (const [row, answer] of Object.entries(M1_PAPER)) expect(json).not.toContain(`"${row}":"${answer}"`);
    }
    expect(tablet.url()).not.toMatch(/excellent|good|paper/);

    // The others vote over sockets; the chair does not, so closing is left to the chair.
    const papers: Record<string, Record<string, string>> = {
      m2: { collective: 'good', m1: 'completed' },
      m3: { collective: 'excellent', m1: 'abstain', m2: 'good' },
      m4: { collective: 'good', m1: 'good', m2: 'excellent' },
    };
    for (const [voter, p] of Object.entries(papers)) {
      const client = await server.connectAs(voter);
      expect(await client.send({ type: 'ballot.vote', ballotId: id, paper: p })).toMatchObject({ ok: true });
    }
    await poll(() => turnout(screen).getAttribute('data-voted')).toBe('4');

    await console_.getByTestId(`ballot-close-${id}`).click();
    await console_.getByTestId(`ballot-close-${id}-confirm`).click();
    await screen.getByTestId('screen-ballot-awaiting').waitFor();
    await tablet.getByTestId('ballot-awaiting').waitFor();
    expect(await screen.locator('[data-testid^="result-"]').count()).toBe(0);

    await console_.getByTestId(`ballot-publish-${id}`).click();
    await console_.getByTestId(`ballot-publish-${id}-confirm`).click();
    await poll(() => screen.getByTestId('screen-ballot').getAttribute('data-status')).toBe('published');

    // m1 voted collective good, m2 excellent; 4 of 5 voted, which meets 2/3. m3 abstained on m1, so
    // only two papers answered m1's row: fewer than the 3 a row needs, its counts are not published.
    const expected: Record<string, Record<string, number>> = {
      collective: { excellent: 1, good: 3, completed: 0, 'not-completed': 0, abstain: 0 },
      m2: { excellent: 2, good: 1, completed: 0, 'not-completed': 0, abstain: 0 },
    };
    for (const page of [screen, observer, console_, tablet]) {
      const results = page.getByTestId(`results-${id}`);
      await results.waitFor();
      // A tablet or an observer sees the summary first and opens the rows on demand.
      if (page === tablet || page === observer) {
        expect(await results.getAttribute('data-expanded')).toBe('false');
        expect(await results.locator('[data-testid^="result-m"]').count()).toBe(0);
        await page.getByTestId(`results-toggle-${id}`).click();
      }
      for (const [subject, counts] of Object.entries(expected)) {
        for (const [answer, n] of Object.entries(counts)) expect(await count(page, `result-${subject}-${answer}`), `${subject}/${answer}`).toBe(String(n));
      }
      expect(await results.getByTestId('results-validity').getAttribute('data-valid')).toBe('true');
      expect(await results.getByTestId('result-m1').getAttribute('data-withheld')).toBe('too-few-answers');
      expect(await results.getByTestId('result-m1').innerText()).toContain('Quá ít phiếu trả lời để công bố (dưới 3)');
      expect(await results.locator('[data-testid^="result-m1-"]').count()).toBe(0);
    }
    expect(await screen.getByTestId('result-m2').getAttribute('data-cast')).toBe('3');
    expect(await screen.getByTestId('result-m2').getAttribute('data-eligible')).toBe('4');
    // 3 of the 4 papers rated the collective "good": 75% of votes cast, 60% of the 5 eligible voters.
    expect(await screen.getByTestId('result-collective-good').innerText()).toMatch(/75%[\s\S]*60%/);
    await browser.screenshot(screen, 'ballot-screen-results');
    await browser.screenshot(console_, 'ballot-console-results');
    await browser.screenshot(observer, 'ballot-observer-results');
  }, 60_000);
});
