import { describe, expect, it } from 'vitest';
import { CoreDriver, T0 } from '../helpers/coreDriver.js';

describe('announcements', () => {
  it('posts a message stamped with server time, without a countdown', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'announcement.post', text: '  Đề nghị các đồng chí tắt điện thoại  ' })).toEqual([
      { type: 'announcement.posted', text: 'Đề nghị các đồng chí tắt điện thoại', at: T0, endsAt: null },
    ]);
    expect(m.state.announcement).toEqual({ text: 'Đề nghị các đồng chí tắt điện thoại', postedAt: T0, endsAt: null });
  });

  it('a countdown sets when it ends, in server time', () => {
    const m = new CoreDriver();
    m.advance(30);
    m.ok('chair', { type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 });
    expect(m.state.announcement).toEqual({ text: 'Nghỉ giải lao 15 phút', postedAt: T0 + 30_000, endsAt: T0 + 930_000 });
  });

  it('a new message replaces the current one; clearing removes it, and a second clear is stale', () => {
    const m = new CoreDriver();
    m.ok('chair', { type: 'announcement.post', text: 'Nghỉ giải lao 15 phút', countdownSec: 900 });
    m.ok('chair', { type: 'announcement.post', text: 'Mời các đồng chí vào phòng họp' });
    expect(m.state.announcement).toMatchObject({ text: 'Mời các đồng chí vào phòng họp', endsAt: null });
    m.ok('chair', { type: 'announcement.clear' });
    expect(m.state.announcement).toBeNull();
    m.refuse('chair', { type: 'announcement.clear' }, 'invalid-state');
  });

  it('only the chair announces', () => {
    const m = new CoreDriver();
    for (const who of ['sec', 'm1', 'guest', 'obs', 'screen']) {
      m.refuse(who, { type: 'announcement.post', text: 'Xin chào' }, 'forbidden');
    }
    m.ok('chair', { type: 'announcement.post', text: 'Xin chào' });
    m.refuse('sec', { type: 'announcement.clear' }, 'forbidden');
  });
});

describe('reissuing a link', () => {
  it('records who got a new link and when, never the token', () => {
    const m = new CoreDriver();
    expect(m.ok('chair', { type: 'link.reissue', participantId: 'm2' })).toEqual([{ type: 'link.reissued', participantId: 'm2', at: T0 }]);
    m.refuse('chair', { type: 'link.reissue', participantId: 'nobody' }, 'not-found');
    m.refuse('sec', { type: 'link.reissue', participantId: 'm2' }, 'forbidden');
  });

  it('is refused for the chair’s own link, which would lock the chair out', () => {
    new CoreDriver().refuse('chair', { type: 'link.reissue', participantId: 'chair' }, 'forbidden');
  });
});
