import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { testDefinition } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { openTabletTab } from './tabletTabs.js';

const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });
const VOTERS = ['chair', 'm1', 'm2', 'm3', 'm4'];

/**
 * The counting committee in Chromium (docs/BALLOTS.md, "Counting committee"): the chair appoints it
 * on the console, two members confirm the count on their own tablets, the console waits with the
 * publish button gone, and the room screen shows the result once the majority has confirmed.
 */
describe('the counting committee, end to end in Chromium', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let sockets: Map<string, TestClient>;
  const chair = () => sockets.get('chair')!;

  beforeAll(async () => {
    server = await startServer({ definition: testDefinition({ review: { countingCommittee: { required: true }, collectiveFirst: false } }) });
    browser = await launchBrowser();
    sockets = new Map(await Promise.all(VOTERS.map(async (id) => [id, await server.connectAs(id)] as const)));
    await markPresent(chair(), VOTERS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (participantId: string, size = { width: 1280, height: 800 }): Promise<Page> => {
    const { page } = await browser.device(size);
    await page.goto(`${server.url}/join/${server.tokenOf(participantId)}`);
    return page;
  };

  it('the chair appoints it, two tablets confirm what they see, the console waits, then the room sees the result', async () => {
    const console_ = await open('chair', { width: 1366, height: 1000 });
    await openConsoleTab(console_, 'ballots');
    const m1 = await open('m1', { width: 800, height: 1280 });
    const m2 = await open('m2', { width: 1280, height: 800 });
    const m4 = await open('m4');
    const screen = await open('screen', { width: 1920, height: 1080 });

    // A rating cannot open before the committee exists: the console says why and what to do.
    versionOf(await chair().send({ type: 'ballot.create', ballot: { id: 'r', kind: 'rating', title: 'Đánh giá, xếp loại tập thể năm 2024', subjects: ['collective'] } }));
    await poll(() => console_.getByTestId('ballot-open-blocked-r').innerText()).toContain('Hãy lập tổ kiểm phiếu trước');
    expect(await console_.getByTestId('ballot-open-r').isDisabled()).toBe(true);
    await console_.getByTestId('committee-none').waitFor();

    // The chair picks three delegates; the chair is not offered.
    await console_.getByTestId('committee-appoint').click();
    expect(await console_.getByTestId('committee-pick-chair').count()).toBe(0);
    for (const id of ['m1', 'm2', 'm3']) await console_.getByTestId(`committee-pick-${id}`).check();
    await browser.screenshot(console_, 'committee-console-appoint');
    await console_.getByTestId('committee-submit').click();
    await console_.getByTestId('committee-submit-confirm').click();
    await waitFor(() => chair().state.committee !== null, 10_000, 'the committee appointed');
    expect(chair().state.committee).toMatchObject({ members: ['m1', 'm2', 'm3'], basis: { kind: 'named', by: 'chair' } });
    await poll(() => console_.getByTestId('committee-members').innerText()).toContain('Lê Văn Một, Phạm Thị Hai, Hoàng Văn Ba');
    // Announced to the whole room.
    await screen.locator('[data-testid="screen-notice"][data-kind="committee-appointed"]').waitFor();
    expect(await screen.locator('[data-testid="screen-notice"][data-kind="committee-appointed"]').innerText()).toMatch(
      /^Tổ kiểm phiếu: đ\/c Lê Văn Một, đ\/c Phạm Thị Hai, đ\/c Hoàng Văn Ba — do đ\/c Nguyễn Văn Chủ chỉ định \(\d\d:\d\d\)$/,
    );

    // Now it opens; everyone votes (over sockets: the papers' own views have their tests).
    versionOf(await chair().send({ type: 'ballot.open', ballotId: 'r' }));
    const papers: Record<string, string> = { chair: 'good', m1: 'excellent', m2: 'good', m3: 'good', m4: 'completed' };
    for (const [id, level] of Object.entries(papers)) versionOf(await sockets.get(id)!.send({ type: 'ballot.vote', ballotId: 'r', paper: { collective: level } }));
    await waitFor(() => chair().state.ballots[0].status === 'closed', 10_000, 'the rating closed');

    // The console: no publish button, the committee's progress instead.
    await poll(() => console_.getByTestId('ballot-awaiting-committee-r').innerText()).toContain('Chờ tổ kiểm phiếu xác nhận (0/2)');
    expect(await console_.getByTestId('ballot-publish-r').count()).toBe(0);
    expect(await console_.getByTestId('committee-desk').count()).toBe(0);
    // A member off the committee sees no count, and has nothing to confirm.
    await openTabletTab(m4, 'vote');
    await m4.getByTestId('ballot-awaiting').waitFor();
    expect(await m4.getByTestId('committee-desk').count()).toBe(0);
    expect(await m4.locator('[data-testid^="result-"]').count()).toBe(0);
    // The screen shows no count either.
    await screen.getByTestId('screen-ballot-awaiting').waitFor();
    expect(await screen.locator('[data-testid^="result-"]').count()).toBe(0);

    // The committee's tablets flag it like a paper to fill, and show exactly the tally.
    for (const page of [m1, m2]) {
      await page.getByTestId('count-waiting').waitFor();
      expect(await page.getByTestId('count-waiting').innerText()).toBe('Tổ kiểm phiếu: 1 kết quả chờ xác nhận');
      await openTabletTab(page, 'vote');
      await page.getByTestId('committee-count-r').waitFor();
      await page.getByTestId('results-r').waitFor();
    }
    expect(await m1.getByTestId('result-collective').getAttribute('data-cast')).toBe('5');
    const code = await m1.getByTestId('fingerprint-r').innerText();
    expect(await m2.getByTestId('fingerprint-r').innerText()).toBe(code);
    expect(code).toMatch(/^Mã đối chiếu: [0-9a-f]{4} [0-9a-f]{4}$/);
    await browser.screenshot(m1, 'committee-tablet-to-confirm');
    await browser.screenshot(console_, 'committee-console-waiting');

    // The first confirmation: a minority, nothing is published.
    await m1.getByTestId('committee-confirm-r').click();
    expect(await m1.getByTestId('committee-confirm-r-message').innerText()).toContain('không rút lại được');
    await m1.getByTestId('committee-confirm-r-confirm').click();
    await m1.getByTestId('you-confirmed-r').waitFor();
    await poll(() => console_.getByTestId('ballot-awaiting-committee-r').innerText()).toContain('(1/2)');
    await poll(() => m2.getByTestId('confirmations-r').innerText()).toContain('1/3 đã xác nhận (cần 2)');
    expect(await m2.getByTestId('confirmation-r-m1').getAttribute('data-confirmed')).toBe('true');
    expect(await screen.locator('[data-testid^="result-"]').count()).toBe(0);
    await browser.screenshot(m2, 'committee-tablet-one-confirmed');
    await browser.screenshot(console_, 'committee-console-one-confirmed');

    // The second makes the majority: published, on every device and the room screen.
    await m2.getByTestId('committee-confirm-r').click();
    await m2.getByTestId('committee-confirm-r-confirm').click();
    await poll(() => console_.getByTestId('ballot-card-r').getAttribute('data-status')).toBe('published');
    await poll(() => screen.getByTestId('screen-ballot').getAttribute('data-status')).toBe('published');
    expect(await screen.getByTestId('result-collective').getAttribute('data-cast')).toBe('5');
    expect(await console_.getByTestId('confirmations-r').innerText()).toContain('2/3 đã xác nhận');
    await m2.getByTestId('committee-desk').waitFor({ state: 'detached' });
    await m2.getByTestId('results-r').waitFor();
    expect(chair().state.ballots[0].confirmations.map((c) => c.participantId)).toEqual(['m1', 'm2']);
    await browser.screenshot(console_, 'committee-console-published');
    await browser.screenshot(screen, 'committee-screen-published');
  });
});
