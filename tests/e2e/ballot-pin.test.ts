import { attendanceOf } from '../../shared/meeting/attendance.js';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { overflowsSideways, smallTargets } from './devices.js';
import { openConsoleTab } from './consoleTabs.js';
import { openTabletTab } from './tabletTabs.js';

/** m1 types this on the tablet; the others set theirs over sockets. */
const M1_PIN = '4826';
const M1_NEW_PIN = '5081';
const PINS: Record<string, string> = { m2: '3917', m3: '6042', m4: '7351' };
/** A 10-inch tablet held landscape, touch only. */
const TABLET = { width: 1024, height: 768, hasTouch: true };
const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });
const TIME = /\d\d:\d\d/;

describe('the voting PIN on a tablet, end to end in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;
  /** m1's personal link after the chair reissued it. */
  let m1Path = '';
  beforeAll(async () => {
    // The test meetings vote without a PIN unless asked; this one requires it, as the default does.
    server = await startServer({ definition: testDefinition({ ballotRules: { votingPin: 'required' } }) });
    browser = await launchBrowser();
    chair = await server.connectAs('chair');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  // Each test opens its own devices: closing them keeps every link under the server's connection cap.
  const opened: Page[] = [];
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close();
  });

  const open = async (path: string, size: { width: number; height: number; hasTouch?: boolean }) => {
    const { page } = await browser.device(size);
    opened.push(page);
    await page.goto(`${server.url}${path}`);
    return page;
  };
  /** Taps the digits on the pad, then its submit key. */
  const enterPin = async (page: Page, pin: string) => {
    for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
    await page.getByTestId('pin-submit').tap();
  };
  const screenNotice = (screen: Page, kind: string) => screen.locator(`[data-testid="screen-notice"][data-kind="${kind}"]`).first();

  it('a member sets a PIN on the pad (a weak one refused), votes after one wrong PIN, and the paper is counted', async () => {
    // Four members present, and m1 checks in on the tablet below: the meeting's quorum (4 of 5) holds.
    for (const id of ['chair', 'm2', 'm3', 'm4']) {
      expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    }
    const screen = await open(`/join/${server.tokenOf('screen')}`, { width: 1920, height: 1080 });
    const console_ = await open(`/join/${server.tokenOf('chair')}`, { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'ballots');
    const tablet = await open(`/join/${server.tokenOf('m1')}`, TABLET);

    // On first join the tablet asks for a PIN at once, on a pad with fingertip-sized digits.
    const setPin = tablet.getByTestId('set-pin');
    await setPin.waitFor();
    expect(await tablet.getByTestId('pin-title').innerText()).toBe('Đặt mã PIN bỏ phiếu');
    for (const key of ['pin-key-1', 'pin-key-0', 'pin-submit']) {
      const box = (await tablet.getByTestId(key).boundingBox())!;
      expect(Math.min(box.width, box.height), key).toBeGreaterThanOrEqual(56);
    }
    await enterPin(tablet, '7777');
    await poll(() => tablet.getByTestId('pin-problem').innerText()).toBe('Mã PIN chỉ gồm một chữ số lặp lại thì quá dễ đoán. Hãy chọn mã khác.');
    expect(await tablet.getByTestId('pin-step').getAttribute('data-step')).toBe('new');
    expect(await tablet.getByTestId('pin-dots').getAttribute('data-length')).toBe('0');
    // English is one tap away, even with the pad covering the page.
    await tablet.getByTestId('pin-lang-switch').tap();
    await poll(() => tablet.getByTestId('pin-title').innerText()).toBe('Set your voting PIN');
    await tablet.getByTestId('pin-lang-switch').tap();
    await poll(() => tablet.getByTestId('pin-title').innerText()).toBe('Đặt mã PIN bỏ phiếu');
    await enterPin(tablet, M1_PIN);
    await poll(() => tablet.getByTestId('pin-step').getAttribute('data-step')).toBe('confirm');
    for (const digit of M1_PIN.slice(0, 2)) await tablet.getByTestId(`pin-key-${digit}`).tap();
    await browser.screenshot(tablet, 'tablet-pin-set');
    await tablet.getByTestId('pin-key-erase').tap();
    await tablet.getByTestId('pin-key-erase').tap();
    await enterPin(tablet, M1_PIN);
    await setPin.waitFor({ state: 'detached' });
    await waitFor(() => chair.state.pins?.m1 === 'set', 10_000, "m1's PIN");
    // The member's own device says when a PIN was set, so one set by someone else would be seen.
    await poll(() => tablet.getByTestId('my-notice').first().innerText()).toMatch(/^Mã PIN bỏ phiếu được đặt lúc \d\d:\d\d$/);
    expect(await tablet.getByTestId('pin-status').getAttribute('data-status')).toBe('set');
    expect(await smallTargets(tablet)).toEqual([]);
    expect(await overflowsSideways(tablet)).toBe(false);
    // As a number of its own: the stored snapshot's timestamps may hold the same four digits by chance.
    expect(await tablet.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(new RegExp(`(^|\\D)${M1_PIN}(\\D|$)`));

    await tablet.getByTestId('check-in').tap();
    await waitFor(() => attendanceOf(chair.state, 'm1') === 'present', 10_000, 'm1 checked in');

    const voters = new Map<string, TestClient>();
    for (const [id, pin] of Object.entries(PINS)) {
      const client = await server.connectAs(id);
      expect(await client.send({ type: 'pin.set', pin })).toMatchObject({ ok: true });
      voters.set(id, client);
    }

    expect(await chair.send({ type: 'ballot.create', ballot: { kind: 'motion', title: 'Thông qua Quy chế làm việc' } })).toMatchObject({ ok: true });
    await waitFor(() => chair.state.ballots.length === 1, 10_000, 'the draft');
    const id = chair.state.ballots[0].id;
    expect(await chair.send({ type: 'ballot.open', ballotId: id })).toMatchObject({ ok: true });
    await waitFor(() => chair.state.ballots[0].status === 'open', 10_000, 'the ballot open');
    expect(chair.state.ballots[0].eligible).toEqual(['chair', 'm1', 'm2', 'm3', 'm4']);

    // The paper is sent only with the PIN: a wrong one costs a try and says how many are left.
    await openTabletTab(tablet, 'vote');
    await tablet.getByTestId('paper-question-agree').tap();
    await tablet.getByTestId('paper-review').tap();
    await tablet.getByTestId('paper-confirm').tap();
    await tablet.getByTestId('vote-pin').waitFor();
    await enterPin(tablet, '9157');
    await poll(() => tablet.getByTestId('pin-problem').innerText()).toBe('Sai mã PIN, còn 4 lần thử');
    await browser.screenshot(tablet, 'tablet-pin-wrong');
    expect(chair.state.ballots[0].voted).toEqual([]);
    await enterPin(tablet, M1_PIN);
    await tablet.getByTestId('ballot-recorded').waitFor();
    expect(await tablet.locator('[data-testid="vote-pin"]').count()).toBe(0);
    await poll(() => screen.getByTestId(`turnout-${id}`).getAttribute('data-voted')).toBe('1');
    expect(chair.state.ballots[0].voted).toEqual(['m1']);

    // Closing at 1 of 5 is refused, and the console says why and what to do instead.
    await console_.getByTestId(`ballot-close-${id}`).click();
    await console_.getByTestId(`ballot-close-${id}-confirm`).click();
    const refusal = console_.getByTestId('refusal');
    await poll(() => refusal.getAttribute('data-reason')).toBe('ballot-quorum-not-met');
    expect(await refusal.getByTestId('refusal-reason').innerText()).toBe('Mới có 1/5 phiếu; cần ít nhất 4 phiếu (túc số) mới được kết thúc sớm.');
    expect(await refusal.getByTestId('refusal-next').innerText()).toBe('Cách làm tiếp: Hãy chờ thêm hoặc hủy cuộc bỏ phiếu.');
    await refusal.scrollIntoViewIfNeeded();
    await browser.screenshot(console_, 'console-close-refused');

    // The others vote over sockets, each with their own PIN; a paper without one is refused.
    expect(await voters.get('m2')!.send({ type: 'ballot.vote', ballotId: id, paper: { question: 'agree' } })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    const papers: Record<string, string> = { m2: 'agree', m3: 'disagree', m4: 'agree' };
    for (const [voter, answer] of Object.entries(papers)) {
      expect(await voters.get(voter)!.send({ type: 'ballot.vote', ballotId: id, paper: { question: answer }, pin: PINS[voter] })).toMatchObject({ ok: true });
    }
    await poll(() => screen.getByTestId(`turnout-${id}`).getAttribute('data-voted')).toBe('4');

    // Now the ballot's quorum is met: the early close goes through, and the room sees it.
    await poll(() => console_.getByTestId(`ballot-close-${id}`).isEnabled()).toBe(true);
    await console_.getByTestId(`ballot-close-${id}`).click();
    await console_.getByTestId(`ballot-close-${id}-confirm`).click();
    await poll(() => screenNotice(screen, 'ballot-closed-early').innerText()).toMatch(/^Cuộc bỏ phiếu "Thông qua Quy chế làm việc" kết thúc sớm: 4\/5 phiếu \(\d\d:\d\d\)$/);
    expect(await console_.getByTestId('refusal').count()).toBe(0);
    await openConsoleTab(console_, 'notices');
    await console_.locator('[data-testid="notice"][data-kind="ballot-closed-early"]').waitFor();

    expect(await chair.send({ type: 'ballot.publish', ballotId: id })).toMatchObject({ ok: true });
    await poll(() => screen.getByTestId('motion-outcome').getAttribute('data-passed')).toBe('true');
    expect(await screen.getByTestId('result-question-agree').getAttribute('data-count')).toBe('3');
    await poll(() => tablet.getByTestId('motion-outcome').innerText()).toBe('Được thông qua');
  }, 90_000);

  it("a reissued link is announced on the room screen and on the member's new device, and the PIN stays", async () => {
    const screen = await open(`/join/${server.tokenOf('screen')}`, { width: 1920, height: 1080 });
    await screen.getByTestId('screen-view').waitFor();
    const ack = await chair.send({ type: 'link.reissue', participantId: 'm1' });
    expect(ack).toMatchObject({ ok: true });
    const link = (ack as { link: string }).link;

    const notice = screenNotice(screen, 'link-reissued');
    await poll(() => notice.innerText()).toMatch(/^Chủ trì đã cấp lại đường dẫn của đ\/c Lê Văn Một lúc \d\d:\d\d$/);
    const box = (await notice.boundingBox())!;
    // Readable from the back of the hall: about 2 % of the screen's width per line.
    expect(box.height).toBeGreaterThanOrEqual(40);
    await browser.screenshot(screen, 'screen-notices');

    // The member's new device: told their link was reissued; the PIN went with them, so no new one is asked.
    m1Path = new URL(link).pathname;
    const tablet = await open(m1Path, TABLET);
    const mine = tablet.locator('[data-testid="my-notice"][data-kind="link-reissued"]');
    await poll(() => mine.innerText()).toMatch(/^Đường dẫn của đồng chí đã được cấp lại lúc \d\d:\d\d$/);
    expect(await tablet.getByTestId('pin-status').getAttribute('data-status')).toBe('set');
    expect(await tablet.locator('[data-testid="set-pin"]').count()).toBe(0);
    expect(await tablet.getByTestId('my-panel').innerText()).toMatch(TIME);
    await browser.screenshot(tablet, 'tablet-my-notices');
  }, 60_000);

  it('changing the PIN needs the current one; five wrong ones lock voting, and the room is told', async () => {
    const screen = await open(`/join/${server.tokenOf('screen')}`, { width: 1920, height: 1080 });
    const tablet = await open(m1Path, TABLET);
    const step = () => tablet.getByTestId('pin-step').getAttribute('data-step');
    await tablet.getByTestId('pin-change-open').tap();
    expect(await tablet.getByTestId('pin-title').innerText()).toBe('Đổi mã PIN bỏ phiếu');
    expect(await step()).toBe('current');
    for (const pin of [M1_PIN, M1_NEW_PIN, M1_NEW_PIN]) await enterPin(tablet, pin);
    await tablet.getByTestId('set-pin').waitFor({ state: 'detached' });
    await poll(() => tablet.locator('[data-testid="my-notice"][data-kind="pin-set"]').count()).toBe(2);

    // Someone guessing: every wrong current PIN costs one of the five tries, then voting locks.
    await tablet.getByTestId('pin-change-open').tap();
    for (let left = 4; left >= 0; left--) {
      expect(await step()).toBe('current');
      for (const pin of ['1357', '2468', '2468']) await enterPin(tablet, pin);
      if (left > 0) await poll(() => tablet.getByTestId('pin-problem').innerText()).toBe(`Sai mã PIN, còn ${left} lần thử`);
    }
    await poll(() => tablet.getByTestId('pin-problem').innerText()).toBe('Quyền bỏ phiếu đã bị khóa do nhập sai PIN quá số lần cho phép. Liên hệ ban tổ chức để đặt lại.');
    await tablet.getByTestId('pin-cancel').tap();
    await waitFor(() => chair.state.pins?.m1 === 'locked', 10_000, "m1's voting locked");
    await poll(() => tablet.getByTestId('pin-status').getAttribute('data-status')).toBe('locked');
    await poll(() => tablet.locator('[data-testid="my-notice"][data-kind="voting-locked"]').innerText()).toMatch(/^Quyền bỏ phiếu bị khóa lúc \d\d:\d\d$/);
    await poll(() => screenNotice(screen, 'voting-locked').innerText()).toMatch(/^Quyền bỏ phiếu của đ\/c Lê Văn Một bị khóa do nhập sai PIN, lúc \d\d:\d\d$/);
    // The console only reports it: nothing on it resets a PIN.
    const console_ = await open(`/join/${server.tokenOf('chair')}`, { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'notices');
    await console_.locator('[data-testid="notice"][data-kind="voting-locked"]').waitFor();
    expect(await console_.locator('button', { hasText: /đặt lại|reset/i }).count()).toBe(0);
    await browser.screenshot(tablet, 'tablet-voting-locked');
  }, 90_000);
});
