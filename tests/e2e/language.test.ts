import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connected, openLink, PROJECTOR } from './devices.js';

describe('Vietnamese by default, English on request, remembered per device (Chromium)', () => {
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

  it('switches the tablet to English, keeps it across a reload, and back', async () => {
    const chair = await server.connectAs('chair');
    await chair.send({ type: 'agenda.open', itemId: 'open' });
    const tablet = await openLink(b, server.url, server.tokenOf('m1'));
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await tablet.getByTestId('ask-floor').textContent()).toBe('Xin phát biểu');
    expect(await tablet.getByTestId('lang-switch').textContent()).toBe('English');

    await tablet.getByTestId('lang-switch').click();
    await tablet.getByText('Ask for the floor').waitFor();
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await tablet.getByTestId('meeting-status').textContent()).toBe('In session');
    expect(await tablet.getByTestId('lang-switch').textContent()).toBe('Tiếng Việt');

    // The link was put away on the first visit; a reload keeps both who this is and the language.
    await tablet.reload();
    await connected(tablet);
    expect(await tablet.getByTestId('ask-floor').textContent()).toBe('Ask for the floor');
    expect(await tablet.getByTestId('you').textContent()).toContain('Lê Văn Một');

    // Another device keeps its own choice.
    const screen = await openLink(b, server.url, server.tokenOf('screen'), PROJECTOR);
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('vi');

    await tablet.getByTestId('lang-switch').click();
    await tablet.getByText('Xin phát biểu').waitFor();
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('vi');
  });
});
