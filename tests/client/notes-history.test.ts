import { describe, expect, it } from 'vitest';
import { diffBlocks } from '../../shared/notes/blockDiff.js';
import { VERSION_KINDS, type AttributedBlock, type DocVersionMeta } from '../../shared/notes/history.js';
import { initialState } from '../../shared/meeting/state.js';
import { announcedRuns, authorsOf } from '../../client/src/notes/history/AuthorColours.js';
import { latestRestore } from '../../client/src/notes/history/RestoredNote.js';
import { sideOf } from '../../client/src/notes/history/DiffColumns.js';
import { listNumbers } from '../../client/src/notes/history/TextBlock.js';
import { signedCount, versionRows } from '../../client/src/notes/history/versionRows.js';
import { historyEn } from '../../client/src/i18n/en/history.js';
import { historyVi } from '../../client/src/i18n/history.js';
import { testDefinition } from '../helpers/definitions.js';

const participants = initialState('m-1', testDefinition()).participants;
const TZ = 'Asia/Ho_Chi_Minh';
// 26/12/2024 10:42 in Hà Nội (UTC+7).
const AT = Date.UTC(2024, 11, 26, 3, 42);

function version(fields: Partial<DocVersionMeta>): DocVersionMeta {
  return { id: 'v', docName: 'notes-collective', at: AT, kind: 'auto', label: null, by: null, editors: [], textLength: 0, ...fields };
}

describe('the version list in words', () => {
  it('names every kind in both languages', () => {
    for (const kind of VERSION_KINDS) {
      expect(historyVi.kinds[kind]).toMatch(/\S/);
      expect(historyEn.kinds[kind]).toMatch(/\S/);
    }
    expect(historyVi.kinds['before-wipe']).toBe('Trước khi xoá nhiều');
  });

  it('time, kind, editors by name and the length change against the next older version', () => {
    const versions = [
      version({ id: 'v3', at: AT, kind: 'before-wipe', editors: ['m1'], textLength: 1200 }),
      version({ id: 'v2', at: AT - 60_000, kind: 'named', label: 'Bản trình Hội nghị', by: 'sec', editors: ['m2', 'gone'], textLength: 4600 }),
      version({ id: 'v1', at: AT - 3_600_000, kind: 'before-restore', by: 'chair', textLength: 100 }),
    ];
    const rows = versionRows(versions, participants, historyVi, 'vi', TZ, AT + 1000);
    expect(rows.map((r) => r.when)).toEqual(['10:42', '10:41', '09:42']);
    expect(rows.map((r) => r.kind)).toEqual(['Trước khi xoá nhiều', 'Bản trình Hội nghị', 'Trước khi khôi phục']);
    expect(rows.map((r) => r.by)).toEqual([null, 'đặt bởi Trần Thị Thư', 'Nguyễn Văn Chủ khôi phục']);
    expect(rows[0].editors).toEqual(['Lê Văn Một']);
    expect(rows[1].editors).toEqual(['Phạm Thị Hai', 'Không rõ']);
    expect(rows.map((r) => r.delta)).toEqual([-3400, 4500, null]);
    expect(signedCount(-3400, 'vi')).toBe('−3.400');
    expect(signedCount(4500, 'en')).toBe('+4,500');
    expect(signedCount(0, 'vi')).toBe('0');
  });

  it('puts the date before the time of a version from another day', () => {
    const rows = versionRows([version({ at: AT })], participants, historyVi, 'vi', TZ, AT + 24 * 3_600_000);
    expect(rows[0].when).toBe('26/12/2024 10:42');
    expect(rows[0].whenFull).toBe('26/12/2024 10:42');
  });
});

describe('the two sides of a comparison', () => {
  const before = [
    { type: 'heading' as const, level: 2, text: 'Ưu điểm' },
    { type: 'paragraph' as const, text: 'Tập thể đoàn kết, thống nhất cao.' },
    { type: 'paragraph' as const, text: 'Đoạn bị xoá.' },
  ];
  const after = [
    { type: 'heading' as const, level: 2, text: 'Ưu điểm' },
    { type: 'paragraph' as const, text: 'Tập thể đoàn kết.' },
    { type: 'bulletItem' as const, text: 'Mới thêm' },
  ];
  const diff = diffBlocks(before, after);

  it('the version keeps what was removed, the current text what was added, each joined back to its own text', () => {
    const version = sideOf(diff, 'version');
    const current = sideOf(diff, 'current');
    expect(version.map((b) => b.parts.map((p) => p.text).join(''))).toEqual(before.map((b) => b.text));
    expect(current.map((b) => b.parts.map((p) => p.text).join(''))).toEqual(after.map((b) => b.text));
    expect(version.flatMap((b) => b.parts).some((p) => p.op === 'added')).toBe(false);
    expect(current.flatMap((b) => b.parts).some((p) => p.op === 'removed')).toBe(false);
    expect(version.flatMap((b) => b.parts.filter((p) => p.op === 'removed').map((p) => p.text))).toEqual(['kết, thống nhất cao.', 'Đoạn bị xoá.']);
  });

  it('numbers the items of a numbered list, restarting after another block', () => {
    expect(listNumbers(['orderedItem', 'orderedItem', 'paragraph', 'orderedItem', 'bulletItem'])).toEqual([1, 2, undefined, 1, undefined]);
  });
});

describe('the text coloured by author', () => {
  const blocks: AttributedBlock[] = [
    {
      type: 'paragraph',
      runs: [
        { text: 'Một viết. ', author: 'm1' },
        { text: 'Hai viết.', author: 'm2' },
      ],
    },
    {
      type: 'paragraph',
      runs: [
        { text: 'Vẫn Hai.', author: 'm2' },
        { text: '', author: 'm3' },
        { text: 'Cũ.', author: null },
      ],
    },
  ];

  it('lists each author once, in the order they first appear, and never one with no text', () => {
    expect(authorsOf(blocks)).toEqual(['m1', 'm2', null]);
  });

  it('names the author to a screen reader only where the author changes', () => {
    expect(announcedRuns(blocks)).toEqual([
      [true, true],
      [false, false, true],
    ]);
  });
});

describe('the restore note above the editor', () => {
  const restored = (docName: string, at: number) => ({ kind: 'notes-restored' as const, at, participantId: 'chair', ballotId: null, docName, versionAt: at - 1000, label: null });

  it('shows the newest restore of this document made since the editor opened, and no other', () => {
    const notices = [restored('notes-open', 100), restored('notes-open', 300), restored('minutes', 400), restored('notes-open', 50)];
    expect(latestRestore(notices, 'notes-open', 90)?.at).toBe(300);
    expect(latestRestore(notices, 'notes-open', 301)).toBeNull();
    expect(latestRestore(notices, 'notes-collective', 0)).toBeNull();
    expect(latestRestore(undefined, 'minutes', 0)).toBeNull();
  });
});
