import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_SPEAKING_SEC } from '../../shared/limits.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openLink, PROJECTOR, withAttr } from './devices.js';

/** "m:ss" (or "-m:ss") on a countdown, in seconds. */
function seconds(clock: string): number {
  const [, sign, m, s] = /^(-?)(\d+):(\d\d)$/.exec(clock.trim())!;
  return (sign ? -1 : 1) * (Number(m) * 60 + Number(s));
}

describe('the floor, from a tablet to the room screen (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  it('a member asks on the tablet, the screen lists them, the chair gives the floor, the countdown turns red and extends', async () => {
    const chairClient = await server.connectAs('chair');
    const { version } = await chairClient.send({ type: 'agenda.open', itemId: 'collective' }) as { version: number };
    // The shortest speaking time the rules allow, so the overrun comes quickly.
    await chairClient.send({ type: 'queue.setSpeakingTime', seconds: MIN_SPEAKING_SEC });
    await chairClient.waitForVersion(version + 1);

    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const tablet = await openLink(b, server.url, server.tokenOf('m2'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);

    await tablet.getByTestId('ask-floor').click();
    await withAttr(tablet, 'my-position', 'data-position', '1').waitFor();
    await screen.locator('[data-testid="queue-list"] [data-testid="queue-entry-m2"]').waitFor();
    expect(await screen.getByTestId('queue-entry-m2').textContent()).toContain('Phạm Thị Hai');

    // A guest asks after her: she keeps her place, and both see their own.
    const guest = await server.connectAs('guest');
    await guest.send({ type: 'queue.request', kind: 'speech' });
    await screen.getByTestId('queue-entry-guest').waitFor();
    await withAttr(tablet, 'my-position', 'data-position', '1').waitFor();

    await chair.getByTestId('give-next').click();
    await withAttr(screen, 'current-speaker', 'data-participant-id', 'm2').waitFor();
    expect(await screen.getByTestId('current-speaker').textContent()).toBe('Phạm Thị Hai');
    await screen.getByTestId('queue-entry-m2').waitFor({ state: 'detached' });
    await tablet.getByText('Bạn đang phát biểu').waitFor();

    const countdown = screen.getByTestId('countdown');
    expect(seconds(await countdown.locator('.countdown-clock').textContent() ?? '')).toBeLessThanOrEqual(MIN_SPEAKING_SEC);
    // Past the limit the countdown goes negative and red, on the screen and on the console.
    await withAttr(screen, 'countdown', 'data-overtime', 'true').waitFor({ timeout: (MIN_SPEAKING_SEC + 10) * 1000 });
    expect(await countdown.locator('.countdown-clock').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 90, 79)');
    await expect.poll(async () => seconds(await countdown.locator('.countdown-clock').textContent() ?? ''), { timeout: 5000 }).toBeLessThan(0);
    await withAttr(chair, 'countdown', 'data-overtime', 'true').waitFor();

    await chair.getByTestId('extend-60').click();
    await withAttr(screen, 'countdown', 'data-overtime', 'false').waitFor();
    const left = seconds(await countdown.locator('.countdown-clock').textContent() ?? '');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(60);

    await chair.getByTestId('end-speech').click();
    await withAttr(screen, 'current-speaker', 'data-participant-id', '').waitFor();
    await withAttr(chair, 'stats-row-m2', 'data-times', '1').waitFor();
    await chair.getByTestId('not-spoken-m3').waitFor();
  }, 60_000);

  it('a point of order goes ahead of speeches; a member withdraws; only the member under review may reply', async () => {
    const chairClient = await server.connectAs('chair');
    await chairClient.send({ type: 'agenda.open', itemId: 'review-m1' });
    const subject = await openLink(b, server.url, server.tokenOf('m1'));
    const other = await openLink(b, server.url, server.tokenOf('m3'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    await withAttr(subject, 'current-item-title', 'data-item-id', 'review-m1').waitFor();

    expect(await subject.getByTestId('ask-reply').count()).toBe(1);
    expect(await other.getByTestId('ask-reply').count()).toBe(0);

    await other.getByTestId('ask-floor').click();
    await withAttr(other, 'my-position', 'data-position', '1').waitFor();
    await subject.getByTestId('ask-point-of-order').click();
    await withAttr(subject, 'my-position', 'data-position', '1').waitFor();
    await withAttr(other, 'my-position', 'data-position', '2').waitFor();
    const names = () => screen.locator('[data-testid="queue-list"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
    await expect.poll(names).toEqual(['queue-entry-m1', 'queue-entry-m3']);

    await other.getByTestId('withdraw-speech').click();
    await withAttr(other, 'my-position', 'data-position', '').waitFor();
    await expect.poll(names).toEqual(['queue-entry-m1']);
  });
});
