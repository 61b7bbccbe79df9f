import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../shared/format.js';
import { attendanceOf, markOf } from '../../shared/meeting/attendance.js';
import { launchBrowser, SCREENSHOT_DIR, type TestBrowser } from '../helpers/browser.js';
import { accepted, waitForOnline } from '../helpers/liveRoom.js';
import { startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { openConsoleTab } from './consoleTabs.js';
import { openLink, PROJECTOR, smallTargets, TABLET_LANDSCAPE, TABLET_PORTRAIT, withAttr } from './devices.js';

describe('attendance is the chair’s (Chromium): tablets check in by a tap, the console is told', () => {
  let server: TestServer;
  let b: TestBrowser;
  /** The secretary's script, watching the record as the store holds it. */
  let watcher: TestClient;
  beforeAll(async () => {
    server = await startServer();
    b = await launchBrowser();
    watcher = await server.connectAs('sec');
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
  });

  /** A refused command's round trip: whatever a connection committed before it has reached the watcher. */
  const settled = async () => {
    await watcher.send({ type: 'attendance.mark', participantId: 'nobody', status: 'present' });
    await watcher.waitForVersion((await server.store.loadMeeting(server.meeting.meetingId))!.version);
  };

  it('opening the console checks the chair in; a tablet opening changes no mark; a tap checks in and the chair sees a notice', async () => {
    accepted(await watcher.send({ type: 'attendance.mark', participantId: 'm2', status: 'excused' }));

    const console_ = await openLink(b, server.url, server.tokenOf('chair'), PROJECTOR);
    await openConsoleTab(console_, 'attendance');
    await waitFor(() => markOf(watcher.state, 'chair')?.source === 'console', 10_000, 'the chair checked in by opening the console');
    await withAttr(console_, 'source-chair', 'data-source', 'console').waitFor();

    // The excused member opens the tablet (from home would do): still excused, and told so; no tap to make.
    const m2 = await openLink(b, server.url, server.tokenOf('m2'), TABLET_PORTRAIT);
    await waitForOnline([watcher], ['chair', 'm2', 'sec']);
    await settled();
    expect(markOf(watcher.state, 'm2')).toMatchObject({ status: 'excused', source: 'presidium', by: 'sec' });
    await withAttr(m2, 'check-in-status', 'data-status', 'excused').waitFor();
    expect(await m2.getByTestId('check-in-status').innerText()).toBe('Trần Thị Thư đã điểm danh đồng chí: Vắng có lý do. Nếu có sai sót, xin báo thư ký.');
    expect(await m2.getByTestId('check-in').count()).toBe(0);
    await withAttr(console_, 'attendance-m2', 'data-status', 'excused').waitFor();

    // m1 opens the tablet: not checked in until the tap.
    const m1 = await openLink(b, server.url, server.tokenOf('m1'), TABLET_LANDSCAPE);
    await waitForOnline([watcher], ['chair', 'm1', 'm2', 'sec']);
    await settled();
    expect(markOf(watcher.state, 'm1')).toBeUndefined();
    await withAttr(console_, 'attendance-m1', 'data-marked', 'false').waitFor();
    const tap = m1.getByTestId('check-in');
    expect(await tap.innerText()).toBe('Điểm danh: Tôi có mặt');
    // A fingertip's target, like every control on the tablet.
    expect((await smallTargets(m1)).filter((target) => target.includes('Tôi có mặt'))).toEqual([]);
    await m1.getByTestId('check-in-panel').screenshot({ path: join(SCREENSHOT_DIR, 'tablet-check-in.png') });
    await tap.click();

    await waitFor(() => attendanceOf(watcher.state, 'm1') === 'present', 10_000, 'm1 checked in');
    const at = markOf(watcher.state, 'm1')!.at!;
    const time = formatTime(at, watcher.state.timeZone, 'vi');
    await withAttr(m1, 'check-in-status', 'data-source', 'self').waitFor();
    expect(await m1.getByTestId('check-in-status').innerText()).toBe(`Đồng chí đã điểm danh có mặt lúc ${time}.`);
    // The console is told, by name and time, and the row says whose mark it is.
    await console_
      .getByTestId('toast')
      .filter({ hasText: `Lê Văn Một tự điểm danh có mặt lúc ${time}` })
      .waitFor();
    await withAttr(console_, 'source-m1', 'data-source', 'self').waitFor();
    expect(await console_.getByTestId('source-m1').innerText()).toBe(`Tự điểm danh lúc ${time}`);
    await m1.getByTestId('check-in-panel').screenshot({ path: join(SCREENSHOT_DIR, 'tablet-checked-in.png') });
  });

  it('"mark everyone online present" marks the connected, unmarked members and says how many', async () => {
    const console_ = await openLink(b, server.url, server.tokenOf('chair'), PROJECTOR);
    await openConsoleTab(console_, 'attendance');
    await openLink(b, server.url, server.tokenOf('m3'), TABLET_PORTRAIT);
    await openLink(b, server.url, server.tokenOf('m2'), TABLET_PORTRAIT);
    // m1's tablet from the first test is still open, checked in already.
    await waitForOnline([watcher], ['chair', 'm1', 'm2', 'm3', 'sec']);
    // Online and not marked: m3 and the secretary (whose script is no console). m2 stays excused, m1 their own.
    const button = withAttr(console_, 'mark-connected', 'data-count', '2');
    await button.waitFor();
    expect(await button.innerText()).toBe('Điểm danh tất cả người đang trực tuyến');
    await button.click();
    await withAttr(console_, 'mark-connected-result', 'data-marked', '2').waitFor();
    expect(await console_.getByTestId('mark-connected-result').innerText()).toBe('Đã điểm danh có mặt 2 người.');
    await waitFor(() => attendanceOf(watcher.state, 'm3') === 'present', 10_000, 'm3 marked');
    expect(markOf(watcher.state, 'm2')?.status).toBe('excused');
    expect(markOf(watcher.state, 'm1')?.source).toBe('self');
    expect(markOf(watcher.state, 'sec')).toMatchObject({ status: 'present', source: 'presidium', by: 'chair' });
    expect(await console_.getByTestId('mark-connected').isDisabled()).toBe(true);
    await console_.locator('#attendance').screenshot({ path: join(SCREENSHOT_DIR, 'console-attendance.png') });
  });
});
