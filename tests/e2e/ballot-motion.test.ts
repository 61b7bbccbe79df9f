import { attendanceOf } from '../../shared/meeting/attendance.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { openTabletTab } from './tabletTabs.js';

const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });

describe('a motion and a cancelled choice, end to end in Chromium', () => {
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

  const open = async (participantId: string, size = { width: 1280, height: 800 }) => {
    const device = await browser.device(size);
    await device.page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
    return device;
  };
  const ballotIdOf = async (kind: string) => {
    await waitFor(() => chair.state.ballots.some((b) => b.kind === kind), 10_000, `the ${kind} draft`);
    return chair.state.ballots.find((b) => b.kind === kind)!.id;
  };
  const connected = (page: Page, state: string) => page.locator(`[data-testid="connection"][data-state="${state}"]`).waitFor();

  it('members vote in either language, a dropped connection is retried safely, the chair votes from the console', async () => {
    // With m1 and m2 checking in on their tablets, four of the five members are present: the meeting's quorum (2/3).
    for (const id of ['chair', 'm4']) {
      expect(await chair.send({ type: 'attendance.mark', participantId: id, status: 'present' })).toMatchObject({ ok: true });
    }
    const { page: console_ } = await open('chair', { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'ballots');
    const m1 = await open('m1');
    const { page: m2 } = await open('m2', { width: 800, height: 1280 });
    const { page: guest } = await open('guest');
    const { page: screen } = await open('screen', { width: 1920, height: 1080 });
    // Opening a tablet checks no one in: each member taps "I am present".
    await m1.page.getByTestId('check-in').click();
    await m2.getByTestId('check-in').click();
    await waitFor(() => attendanceOf(chair.state, 'm1') === 'present' && attendanceOf(chair.state, 'm2') === 'present', 10_000, 'tablets checked in');
    await m2.getByTestId('lang-switch').click();

    for (const page of [m1.page, m2, guest]) await openTabletTab(page, 'vote');
    // A motion drafted live, carried by more than half of the votes cast; m3 is absent.
    await console_.getByTestId('ballot-new').click();
    await console_.getByTestId('ballot-kind-motion').click();
    await console_.getByTestId('ballot-title').fill('Thông qua Nghị quyết hội nghị');
    await console_.getByTestId('ballot-majority').selectOption('cast-1/2-more-than');
    await console_.getByTestId('ballot-save').click();
    const id = await ballotIdOf('motion');
    expect(chair.state.ballots[0]).toMatchObject({ majority: { base: 'cast', fraction: [1, 2] }, closeWhenAllVoted: true });
    await poll(() => console_.getByTestId(`ballot-will-open-${id}`).getAttribute('data-eligible')).toBe('4');
    await console_.getByTestId(`ballot-open-${id}`).click();
    await console_.getByTestId(`ballot-open-${id}-confirm`).click();

    // m3 arrives after the list was fixed: not on it. The guest never votes: title and turnout only.
    const { page: m3 } = await open('m3');
    await openTabletTab(m3, 'vote');
    await m3.getByTestId('not-eligible').waitFor();
    // m3 checks in on the tablet while the ballot is open: the room is told.
    await openTabletTab(m3, 'item');
    await m3.getByTestId('check-in').click();
    await poll(() => screen.locator('[data-testid="screen-notice"][data-kind="attendance-changed"]').first().innerText()).toMatch(
      /^Thay đổi điểm danh trong khi đang bỏ phiếu: đ\/c Hoàng Văn Ba — Có mặt \(\d\d:\d\d\)$/,
    );
    await guest.getByTestId(`turnout-${id}`).waitFor();
    expect(await guest.getByTestId(`feed-ballot-${id}`).innerText()).toContain('Thông qua Nghị quyết hội nghị');
    expect(await guest.locator('[data-testid^="ballot-paper-"], [data-testid="not-eligible"]').count()).toBe(0);

    // m2 votes in English.
    await m2.getByTestId('paper-question-agree').waitFor();
    expect(await m2.getByTestId('paper-question-agree').innerText()).toBe('Agree');
    await m2.getByTestId('paper-question-agree').click();
    await m2.getByTestId('paper-review').click();
    expect(await m2.getByTestId('review-question').innerText()).toContain('Agree');
    await m2.getByTestId('paper-confirm').click();
    await poll(() => m2.getByTestId('ballot-recorded').innerText()).toContain('Your vote was recorded');

    // m1 confirms while offline: told the paper was not sent, keeps it, may send it again once back; counted once.
    await m1.page.getByTestId('paper-question-disagree').click();
    await m1.page.getByTestId('paper-review').click();
    await m1.context.setOffline(true);
    await connected(m1.page, 'offline');
    await m1.page.getByTestId('paper-confirm').click();
    await poll(() => m1.page.getByTestId('paper-problem').getAttribute('data-problem')).toBe('not-sent');
    expect(await m1.page.getByTestId('paper-problem').innerText()).toContain('Phiếu CHƯA được gửi');
    expect(await m1.page.getByTestId('paper-confirm').isDisabled()).toBe(true);
    expect(await m1.page.getByTestId('review-question').innerText()).toContain('Không tán thành');
    await m1.context.setOffline(false);
    await connected(m1.page, 'connected');
    await poll(() => m1.page.getByTestId('paper-confirm').innerText()).toBe('Gửi lại');
    await m1.page.getByTestId('paper-confirm').click();
    await m1.page.getByTestId('ballot-recorded').waitFor();
    await waitFor(() => chair.state.ballots[0].voted.length === 2, 10_000, 'two papers');
    expect(chair.state.ballots[0].voted).toEqual(['m1', 'm2']);
    const m4 = await server.connectAs('m4');
    expect(await m4.send({ type: 'ballot.vote', ballotId: id, paper: { question: 'agree' } })).toMatchObject({ ok: true });

    // The chair votes last, from the console; the ballot closes by itself when everyone has voted.
    await console_.getByTestId(`ballot-my-paper-${id}`).click();
    await console_.getByTestId('paper-question-agree').click();
    await console_.getByTestId('paper-review').click();
    await console_.getByTestId('paper-confirm').click();
    await console_.getByTestId(`ballot-publish-${id}`).waitFor();
    expect(chair.state.ballots[0].status).toBe('closed');
    await screen.getByTestId('screen-ballot-awaiting').waitFor();

    await console_.getByTestId(`ballot-publish-${id}`).click();
    await console_.getByTestId(`ballot-publish-${id}-confirm`).click();
    await poll(() => screen.getByTestId('motion-outcome').getAttribute('data-passed')).toBe('true');
    for (const [answer, n] of [
      ['agree', '3'],
      ['disagree', '1'],
      ['abstain', '0'],
    ]) {
      expect(await screen.getByTestId(`result-question-${answer}`).getAttribute('data-count')).toBe(n);
    }
    expect(await screen.getByTestId('motion-outcome').innerText()).toBe('Được thông qua');
    await poll(() => m2.getByTestId('motion-outcome').innerText()).toBe('Carried');
    await browser.screenshot(screen, 'ballot-screen-motion');
    await browser.screenshot(m2, 'ballot-tablet-motion-en');
  }, 60_000);

  it('a choice the chair opens and then cancels shows its reason on the screen and the tablets', async () => {
    const { page: console_ } = await open('chair', { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'ballots');
    const { page: screen } = await open('screen', { width: 1920, height: 1080 });
    const { page: m2 } = await open('m2');
    await openTabletTab(m2, 'vote');
    await console_.getByTestId('ballot-new').click();
    await console_.getByTestId('ballot-kind-choice').click();
    // A choice starts with the four official levels, ready for the collective's own proposal.
    expect(await console_.getByTestId('option-vi-0').inputValue()).toBe('Hoàn thành xuất sắc nhiệm vụ');
    await console_.getByTestId('ballot-save').click();
    const id = await ballotIdOf('choice');
    expect(chair.state.ballots.find((b) => b.id === id)).toMatchObject({
      title: 'Tập thể đề xuất mức xếp loại',
      options: [{ id: 'excellent' }, { id: 'good' }, { id: 'completed' }, { id: 'not-completed' }],
    });
    await console_.getByTestId(`ballot-open-${id}`).click();
    await console_.getByTestId(`ballot-open-${id}-confirm`).click();
    await poll(() => screen.getByTestId('screen-ballot').getAttribute('data-ballot-id')).toBe(id);
    await m2.getByTestId(`ballot-paper-${id}`).waitFor();

    await console_.getByTestId(`ballot-cancel-${id}`).click();
    await console_.getByTestId(`ballot-cancel-reason-${id}`).fill('Cần thảo luận thêm trước khi bỏ phiếu');
    await console_.getByTestId(`ballot-cancel-confirm-${id}`).click();
    await poll(() => screen.getByTestId('screen-ballot-cancelled').innerText()).toContain('Cần thảo luận thêm trước khi bỏ phiếu');
    await poll(() => m2.getByTestId(`feed-ballot-${id}`).getAttribute('data-status')).toBe('cancelled');
    expect(await m2.locator(`[data-testid="ballot-paper-${id}"]`).count()).toBe(0);
    expect(await m2.getByTestId(`feed-ballot-${id}`).innerText()).toContain('Cần thảo luận thêm trước khi bỏ phiếu');
  }, 60_000);
});
