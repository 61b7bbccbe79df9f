import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { openTabletTab } from './tabletTabs.js';
import { LAPTOP, openLink, PROJECTOR, TABLET_LANDSCAPE } from './devices.js';

const MEMBERS = committeeIds(8);
/** Rated as individuals: u01 … u07 (the chair, u00, is not rated here). */
const RATED = MEMBERS.slice(1);

/**
 * Each voter's level for a subject: u01–u03 excellent from nearly everyone (so three are proposed
 * excellent, over the 20 % cap), u04 split so that no level but "completed" passes half, the rest good.
 */
function levelFor(subject: string, voter: number): string {
  if (['u01', 'u02', 'u03'].includes(subject)) return voter % 4 === 3 ? 'good' : 'excellent';
  if (subject === 'u04') return ['excellent', 'good', 'completed', 'completed'][voter % 4];
  return 'good';
}

describe('the review as the room sees it: the order of the day, proposed levels and caps (Chromium)', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let chair: TestClient;
  let voters: TestClient[];

  beforeAll(async () => {
    server = await startServer({
      definition: committeeDefinition(8, {
        agenda: [
          { id: 'collective', day: 1, title: 'Kiểm điểm tập thể Ban Thường vụ', kind: 'collective-review', plannedMinutes: 60 },
          ...RATED.slice(0, 3).map((id) => ({
            id: `review-${id}`,
            day: 1,
            title: `Kiểm điểm đồng chí ${id}`,
            kind: 'individual-review' as const,
            subject: id,
            plannedMinutes: 20,
          })),
        ],
        review: { countingCommittee: { required: false }, collectiveFirst: true },
      }),
      commandsPerSecond: 1000,
      commandBurst: 1000,
    });
    browser = await launchBrowser();
    chair = await server.connectAs('u00');
    voters = await Promise.all(MEMBERS.map((id) => server.connectAs(id)));
    versionOf(await chair.send({ type: 'meeting.start' }));
    await markPresent(chair, MEMBERS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function runRating(id: string, subjects: string[]): Promise<void> {
    versionOf(
      await chair.send({ type: 'ballot.create', ballot: { id, kind: 'rating', title: id === 'body' ? 'Xếp loại tập thể' : 'Xếp loại cá nhân', subjects, quorum: [2, 3] } }),
    );
    versionOf(await chair.send({ type: 'ballot.open', ballotId: id }));
    await Promise.all(
      voters.map((v, i) =>
        v.send({
          type: 'ballot.vote',
          ballotId: id,
          paper: Object.fromEntries(subjects.filter((s) => s !== MEMBERS[i]).map((s) => [s, s === 'collective' ? 'good' : levelFor(s, i)])),
        }),
      ),
    );
    await waitFor(() => chair.state.ballots.find((b) => b.id === id)?.status === 'closed', 10_000, `${id} closed by its last paper`);
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: id }));
  }

  const flowStatus = (page: Page, subject: string, step: string) => page.getByTestId(`review-flow-${subject}-${step}`).getAttribute('data-status');

  it('shows where the meeting stands, keeps individuals waiting for the collective, then proposes levels and shows the cap breached', async () => {
    const console_ = await openLink(browser, server.url, server.tokenOf('u00'), { width: 1280, height: 720 });
    await openConsoleTab(console_, 'review');
    await console_.getByTestId('review-flow').waitFor();
    expect(await flowStatus(console_, 'collective', 'report')).toBe('pending');
    expect(await console_.getByTestId('review-flow-collective').getAttribute('aria-current')).toBe('step');
    await browser.screenshot(console_, 'review-flow-start-1280x720');

    // The individuals' rating waits for the collective: refused with the reason the console explains.
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'early', kind: 'rating', title: 'Quá sớm', subjects: RATED, quorum: [2, 3] } }));
    expect(await chair.send({ type: 'ballot.open', ballotId: 'early' })).toMatchObject({ ok: false, error: { reason: 'collective-first' } });
    versionOf(await chair.send({ type: 'ballot.cancel', ballotId: 'early', reason: 'Mở sai trình tự' }));

    versionOf(await chair.send({ type: 'agenda.open', itemId: 'collective' }));
    versionOf(await chair.send({ type: 'agenda.complete', itemId: 'collective' }));
    await runRating('body', ['collective']);
    versionOf(await chair.send({ type: 'agenda.open', itemId: 'review-u01' }));
    versionOf(await chair.send({ type: 'queue.give', participantId: 'u01' }));
    versionOf(await chair.send({ type: 'queue.end' }));
    await expect.poll(() => flowStatus(console_, 'u01', 'comments'), { timeout: 10_000 }).toBe('active');
    expect(await flowStatus(console_, 'u01', 'self-review')).toBe('done');
    expect(await flowStatus(console_, 'collective', 'rating')).toBe('done');
    expect(await console_.getByTestId('review-flow-u01').getAttribute('aria-current')).toBe('step');
    await browser.screenshot(console_, 'review-flow-individual-1280x720');

    await runRating('people', RATED);
    // The console: each person's proposed level, the rule that made it, the cap breached and not corrected.
    await openConsoleTab(console_, 'ballots');
    const proposal = (page: Page, subject: string) => page.getByTestId(`proposal-${subject}`).first();
    await expect.poll(() => proposal(console_, 'u01').getAttribute('data-proposed'), { timeout: 10_000 }).toBe('excellent');
    expect(await proposal(console_, 'u04').getAttribute('data-proposed')).toBe('completed');
    expect(await proposal(console_, 'u05').getAttribute('data-proposed')).toBe('good');
    const cap = console_.getByTestId('cap-excellent').first();
    expect(await cap.getAttribute('data-breached')).toBe('true');
    expect(await cap.innerText()).toContain('Vượt giới hạn: 3 người');
    await cap.scrollIntoViewIfNeeded();
    await browser.screenshot(console_, 'review-results-console-1280x720');

    // The room screen: a column of proposed levels beside the counts.
    const screen = await openLink(browser, server.url, server.tokenOf('screen'), PROJECTOR);
    versionOf(await chair.send({ type: 'screen.show', show: 'ballot', ballotId: 'people' }));
    await expect.poll(() => proposal(screen, 'u02').getAttribute('data-proposed'), { timeout: 10_000 }).toBe('excellent');
    expect(await proposal(screen, 'u02').innerText()).toContain('Đề xuất: Xuất sắc');
    await browser.screenshot(screen, 'review-results-screen-1920x1080');

    // A tablet: the summary, then the detail with the proposals.
    const tablet = await openLink(browser, server.url, server.tokenOf('u05'), TABLET_LANDSCAPE);
    await openTabletTab(tablet, 'vote');
    await tablet.getByTestId('results-toggle-people').click();
    await expect.poll(() => proposal(tablet, 'u03').getAttribute('data-proposed'), { timeout: 10_000 }).toBe('excellent');
    await browser.screenshot(tablet, 'review-results-tablet-1280x800');
    const laptop = await openLink(browser, server.url, server.tokenOf('u06'), LAPTOP);
    await openTabletTab(laptop, 'vote');
    await laptop.getByTestId('results-toggle-people').click();
    await proposal(laptop, 'u04').waitFor();
  });
});
