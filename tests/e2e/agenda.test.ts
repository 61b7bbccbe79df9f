import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { openLink, PROJECTOR, TABLET_PORTRAIT, withAttr } from './devices.js';
import { openConsoleTab } from './consoleTabs.js';

describe('the chair drives the agenda and the room screen; every device follows (Chromium)', () => {
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

  it('start, next, next, previous: the member tablet shows the current item each time', async () => {
    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const tablet = await openLink(b, server.url, server.tokenOf('m1'), TABLET_PORTRAIT);
    await withAttr(tablet, 'meeting-status', 'data-status', 'scheduled').waitFor();

    // Starting the meeting goes on the record: it asks first.
    await chair.getByTestId('agenda-start').click();
    await chair.getByTestId('agenda-start-confirm').click();
    await withAttr(tablet, 'meeting-status', 'data-status', 'running').waitFor();
    await withAttr(tablet, 'current-item-title', 'data-item-id', '').waitFor();

    const steps = [
      ['agenda-next', 'open', 'Khai mạc'],
      ['agenda-next', 'collective', 'Kiểm điểm tập thể'],
      ['agenda-previous', 'open', 'Khai mạc'],
    ];
    for (const [button, itemId, title] of steps) {
      await chair.getByTestId(button).click();
      await withAttr(tablet, 'current-item-title', 'data-item-id', itemId).waitFor();
      expect(await tablet.getByTestId('current-item-title').textContent()).toBe(title);
      await withAttr(tablet, `agenda-item-${itemId}`, 'data-status', 'active').waitFor();
    }
    // Going back does not close the item that was left: it is pending again, with its time on record.
    await withAttr(tablet, 'agenda-item-collective', 'data-status', 'pending').waitFor();
    expect(await chair.getByTestId('timing-collective').textContent()).toMatch(/Dự kiến 1 giờ 30 phút\s*· thực tế (\d+ giờ )?\d+ phút\s*\d\d:\d\d–\d\d:\d\d/);
    // The open item's actual time runs live on the console, from the server's stamp.
    expect(await chair.getByTestId('current-item-timing').textContent()).toMatch(/Dự kiến 10 phút\s*· thực tế \d+:\d\d\s*từ \d\d:\d\d/);

    const observer = await server.connectAs('obs');
    const open = observer.state.agenda.find((i) => i.id === 'open')!;
    expect(open.status).toBe('active');
    expect(open.startedAt).not.toBeNull();
  });

  it('edits the agenda live: an added, moved and removed item shows on the tablet at once', async () => {
    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const tablet = await openLink(b, server.url, server.tokenOf('m2'));

    await chair.getByTestId('agenda-add').click();
    await chair.getByTestId('new-item-title').fill('Thông qua quy chế làm việc');
    await chair.getByTestId('new-item-kind').selectOption('procedure');
    await chair.getByTestId('new-item-planned').fill('5');
    await chair.getByTestId('new-item-save').click();
    const added = tablet.locator('[data-testid="agenda-list"] li', { hasText: 'Thông qua quy chế làm việc' });
    await added.waitFor();
    const itemId = (await added.getAttribute('data-testid'))!.replace('agenda-item-', '');
    const order = () => tablet.locator('[data-testid="agenda-list"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
    expect((await order()).at(-1)).toBe(`agenda-item-${itemId}`);

    await chair.getByTestId(`move-up-${itemId}`).click();
    await expect.poll(async () => (await order()).at(-2)).toBe(`agenda-item-${itemId}`);

    await chair.getByTestId(`edit-${itemId}`).click();
    await chair.getByTestId(`remove-${itemId}`).click();
    await chair.getByTestId(`remove-${itemId}-confirm`).click();
    await added.waitFor({ state: 'detached' });
  });

  it('chair and secretary switch the room screen between the agenda and the notes; the QR code stays in every mode', async () => {
    const chair = await openLink(b, server.url, server.tokenOf('chair'));
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    await withAttr(screen, 'screen-view', 'data-show', 'agenda').waitFor();

    await openConsoleTab(chair, 'screen');
    await chair.getByTestId('screen-show-notes').click();
    await withAttr(screen, 'screen-view', 'data-show', 'notes').waitFor();
    await withAttr(chair, 'screen-control', 'data-show', 'notes').waitFor();
    expect(await chair.getByTestId('screen-show-notes').getAttribute('aria-pressed')).toBe('true');
    expect(await screen.getByTestId('join-qr').isVisible()).toBe(true);

    // The secretary runs the screen too (announcements stay the chair's).
    const secretary = await openLink(b, server.url, server.tokenOf('sec'));
    await openConsoleTab(secretary, 'screen');
    await withAttr(secretary, 'screen-control', 'data-show', 'notes').waitFor();
    expect(await secretary.getByTestId('announcement-post').count()).toBe(0);
    await secretary.getByTestId('screen-show-agenda').click();
    await withAttr(screen, 'screen-view', 'data-show', 'agenda').waitFor();
    await withAttr(chair, 'screen-control', 'data-show', 'agenda').waitFor();
    expect(await screen.getByTestId('join-qr').isVisible()).toBe(true);
  });
});
