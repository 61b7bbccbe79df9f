import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import type { BallotResults } from '../../shared/ballots/types.js';
import { initialState, type MeetingState } from '../../shared/meeting/state.js';
import { countRecordDocument, type PublishedBallot } from '../../server/export/countRecord.js';
import { formalToDocx } from '../../server/export/formalDocx.js';
import { formalToPdf } from '../../server/export/formalPdf.js';
import type { RecountOutcome } from '../../server/recount/recount.js';
import { markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds } from '../helpers/definitions.js';
import { readDocx, type DocxContent } from '../helpers/docx.js';
import { readPdf, savePdfPages, type PdfContent } from '../helpers/pdf.js';
import { ADMIN_TOKEN, startServer, type TestServer } from '../helpers/server.js';

/**
 * The counting record (biên bản kiểm phiếu) of a published ballot, DOCX and PDF: the official layout,
 * the papers, per row the counts and percentages with the self-rating and the proposed level, a cap's
 * breach, the committee's confirmations, the recount's line and the signatures; then the route's
 * access rules, as the record export's.
 */
const T = (h: number, m: number) => Date.UTC(2024, 11, 26, h - 7, m);

function reviewedMeeting(): { state: MeetingState; ballot: PublishedBallot } {
  const state = initialState('m', committeeDefinition(6, { organisation: 'Chi bộ Văn phòng Tỉnh ủy', record: { parentBody: 'Đảng bộ tỉnh Hòa Phong', minutesSections: [] } }));
  state.committee = { members: ['u01', 'u02', 'u03'], basis: { kind: 'named', by: 'u00' }, at: T(9, 0) };
  state.disclosed = {
    u04: { level: 'good', scores: {}, exceededShare: null, text: '', submittedAt: T(8, 0) },
    u05: { level: 'excellent', scores: {}, exceededShare: null, text: '', submittedAt: T(8, 0) },
  };
  const ids = committeeIds(6);
  const draft = BallotDraft.parse({ kind: 'rating', title: 'Xếp loại đảng viên năm 2024', subjects: ['collective', 'u04', 'u05', 'u01'], allowAbstain: true });
  const results: BallotResults = {
    turnout: 6,
    eligible: 6,
    members: 6,
    valid: true,
    minCast: 3,
    passed: null,
    subjects: [
      { subject: 'collective', counts: { excellent: 2, good: 3, completed: 1, 'not-completed': 0 }, abstentions: 0, cast: 6, eligible: 6 },
      { subject: 'u04', counts: { excellent: 3, good: 1, completed: 1, 'not-completed': 0 }, abstentions: 0, cast: 5, eligible: 5 },
      { subject: 'u05', counts: { excellent: 4, good: 0, completed: 0, 'not-completed': 0 }, abstentions: 1, cast: 5, eligible: 5 },
    ],
    withheld: [{ subject: 'u01', eligible: 5, reason: 'too-few-answers' }],
  };
  const ballot: PublishedBallot = {
    ...newBallot('rating', draft),
    status: 'published',
    openedAt: T(10, 0),
    closedAt: T(10, 20),
    eligible: ids,
    voted: ids,
    results,
    confirmations: [
      { participantId: 'u01', at: T(10, 25) },
      { participantId: 'u03', at: T(10, 26) },
    ],
  };
  state.ballots = [ballot];
  return { state, ballot };
}

const agreed: RecountOutcome = {
  ok: true,
  ballotId: 'rating',
  title: 'Xếp loại đảng viên năm 2024',
  at: T(10, 30),
  agrees: true,
  differences: [],
  recounted: { turnout: 6, eligible: 6, valid: true, rows: [], passed: null, strayKeys: [] },
};

describe('the counting record of a published rating', () => {
  let docx: DocxContent;
  let pdf: PdfContent;
  beforeAll(async () => {
    const { state, ballot } = reviewedMeeting();
    const document = countRecordDocument(state, ballot, agreed, T(10, 30));
    docx = await readDocx(await formalToDocx(document));
    const bytes = await formalToPdf(document);
    await savePdfPages('count-record', bytes);
    pdf = await readPdf(bytes);
  });

  it('is headed as a Party document: the bodies, the Party, place and date, the title and the ballot', () => {
    expect(docx.paragraphs.slice(0, 7)).toEqual([
      'ĐẢNG BỘ TỈNH HÒA PHONG',
      'CHI BỘ VĂN PHÒNG TỈNH ỦY',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Phòng họp số 1, ngày 26 tháng 12 năm 2024',
      'BIÊN BẢN KIỂM PHIẾU',
      'Xếp loại đảng viên năm 2024',
    ]);
    expect(pdf.lines.slice(0, 3)).toEqual(['ĐẢNG BỘ TỈNH HÒA PHONG', 'CHI BỘ VĂN PHÒNG TỈNH ỦY', '*']);
    for (const line of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BIÊN BẢN KIỂM PHIẾU', 'Xếp loại đảng viên năm 2024']) expect(pdf.lines).toContain(line);
    expect(pdf.joined).toContain('Phòng họp số 1, ngày 26 tháng 12 năm 2024');
  });

  it('names the committee and how it was appointed, and counts the papers', () => {
    const names = ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
    expect(docx.paragraphs).toContain('Tổ kiểm phiếu: Do đ/c Nguyễn Văn An (chủ trì) chỉ định lúc 26/12/2024 09:00.');
    expect(docx.rows).toContainEqual(['1', names[0], 'Ủy viên Ban Thường vụ', 'Tổ trưởng']);
    expect(docx.rows).toContainEqual(['3', names[2], 'Ủy viên Ban Thường vụ', 'Thành viên']);
    const papers = ['Tổng số thành viên: 6', 'Số có mặt: 6', 'Số phiếu phát ra: 6', 'Số phiếu thu vào: 6', 'Số phiếu hợp lệ: 6', 'Số phiếu không hợp lệ: 0'];
    expect(docx.paragraphs).toEqual(expect.arrayContaining(papers));
    for (const line of papers) expect(pdf.lines).toContain(line);
  });

  it('gives each row its counts and percentages, the self-rating, the proposed level and where they differ', () => {
    expect(docx.rows).toContainEqual([
      'Tập thể, cá nhân',
      'Tự xếp loại',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
      'Không chọn',
      'Số phiếu',
      'Mức đề xuất',
    ]);
    expect(docx.rows).toContainEqual(['Tập thể', '—', '2 (33,3%)', '3 (50%)', '1 (16,7%)', '0 (0%)', '0 (0%)', '6/6', 'Hoàn thành tốt nhiệm vụ']);
    // Hoàng Văn Giang rated themself good; three of five papers propose excellent.
    expect(docx.rows).toContainEqual([
      'Hoàng Văn Giang',
      'Hoàn thành tốt nhiệm vụ',
      '3 (60%)',
      '1 (20%)',
      '1 (20%)',
      '0 (0%)',
      '0 (0%)',
      '5/5',
      'Hoàn thành xuất sắc nhiệm vụ (khác với tự xếp loại)',
    ]);
    expect(docx.rows).toContainEqual(['Phan Thị Hạnh', 'Hoàn thành xuất sắc nhiệm vụ', '4 (80%)', '0 (0%)', '0 (0%)', '0 (0%)', '1 (20%)', '5/5', 'Hoàn thành xuất sắc nhiệm vụ']);
    // The withheld row says why, as the screen does, and carries no count.
    expect(docx.paragraphs).toContain('Trần Thị Bình: Quá ít phiếu trả lời để công bố (dưới 3)');
    expect(docx.rows.filter((r) => r[0] === 'Trần Thị Bình' && r.length > 4)).toEqual([]);
    // Two "excellent" of two proposed good or better: the 20 % cap is breached, and said so.
    expect(docx.paragraphs).toContain(
      'Giới hạn: «Hoàn thành xuất sắc nhiệm vụ» tối đa 20% số được đề xuất «Hoàn thành xuất sắc nhiệm vụ», «Hoàn thành tốt nhiệm vụ»: đề xuất 2/2, được phép 0 — VƯỢT GIỚI HẠN (không tự điều chỉnh; cấp có thẩm quyền xem xét).',
    );
    for (const text of [
      'Hoàng Văn Giang Hoàn thành tốt nhiệm vụ 3 (60%) 1 (20%) 1 (20%)',
      'Hoàn thành xuất sắc nhiệm vụ (khác với tự xếp loại)',
      'Quá ít phiếu trả lời để công bố (dưới 3)',
      'VƯỢT GIỚI HẠN',
    ]) {
      expect(pdf.joined).toContain(text);
    }
  });

  it("states the committee's confirmations with their times, the recount's agreement and the signature blocks", () => {
    const lines = [
      'Đ/c Trần Thị Bình xác nhận kết quả kiểm phiếu lúc 26/12/2024 10:25',
      'Đ/c Phạm Thị Dung xác nhận kết quả kiểm phiếu lúc 26/12/2024 10:26',
      'Kiểm tra lại độc lập: khớp (26/12/2024 10:30)',
    ];
    expect(docx.paragraphs).toEqual(expect.arrayContaining(lines));
    for (const line of lines) expect(pdf.joined).toContain(line);
    const signatures = docx.rows.at(-1)!.map((cell) => cell.replace(/\s+/g, ' '));
    expect(signatures).toEqual([
      'TỔ TRƯỞNG TỔ KIỂM PHIẾU(Ký, ghi rõ họ tên) Trần Thị Bình',
      'CÁC THÀNH VIÊN TỔ KIỂM PHIẾU(Ký, ghi rõ họ tên) Lê Văn CườngPhạm Thị Dung',
      'CHỦ TRÌ HỘI NGHỊ(Ký, ghi rõ họ tên) Nguyễn Văn An',
    ]);
    for (const text of ['TỔ TRƯỞNG TỔ KIỂM PHIẾU', 'CÁC THÀNH VIÊN TỔ KIỂM PHIẾU', 'CHỦ TRÌ HỘI NGHỊ', 'Lê Văn Cường', 'Nguyễn Văn An']) expect(pdf.joined).toContain(text);
  });

  it('lists every difference when the recount does not agree', async () => {
    const { state, ballot } = reviewedMeeting();
    const differs: RecountOutcome = { ...agreed, agrees: false, differences: [{ row: 'u04', field: 'excellent', published: '3', recounted: '2' }] };
    const doc = await readDocx(await formalToDocx(countRecordDocument(state, ballot, differs, T(10, 30))));
    expect(doc.paragraphs).toContain('Kiểm tra lại độc lập: KHÔNG KHỚP (26/12/2024 10:30) — 1 chỗ khác nhau:');
    expect(doc.paragraphs).toContain('Hoàng Văn Giang — Hoàn thành xuất sắc nhiệm vụ: đã công bố 3, kiểm tra lại 2');
  });
});

describe('GET /api/meetings/:id/ballots/:ballotId/record.docx|.pdf', () => {
  let server: TestServer;
  const url = (ballotId: string, ext: string) => `${server.url}/api/meetings/${server.meeting.meetingId}/ballots/${ballotId}/record.${ext}`;
  const get = (ballotId: string, ext: string, token?: string) => fetch(url(ballotId, ext), { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startServer({ definition: committeeDefinition(5), clock: () => T(10, 0) });
    const ids = committeeIds(5);
    const clients = await Promise.all(ids.map((id) => server.connectAs(id)));
    const chair = clients[0];
    await markPresent(chair, ids);
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'motion', kind: 'motion', title: 'Thông qua nghị quyết' } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'motion' }));
    for (const [i, c] of clients.entries()) versionOf(await c.send({ type: 'ballot.vote', ballotId: 'motion', paper: { question: i < 4 ? 'agree' : 'disagree' } }));
    versionOf(await chair.send({ type: 'ballot.publish', ballotId: 'motion' }));
    versionOf(await chair.send({ type: 'ballot.create', ballot: { id: 'sealed', kind: 'motion', title: 'Chưa công bố' } }));
    versionOf(await chair.send({ type: 'ballot.open', ballotId: 'sealed' }));
    versionOf(await clients[1].send({ type: 'ballot.vote', ballotId: 'sealed', paper: { question: 'agree' } }));
  });
  afterAll(async () => {
    await server.stop();
  });

  it("is for the chair, the secretary and the organiser, as the meeting's record is; nobody else, the public link included", async () => {
    for (const token of [server.tokenOf('u00'), server.tokenOf('sec'), ADMIN_TOKEN]) {
      const docx = await get('motion', 'docx', token);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers.get('cache-control')).toBe('no-store');
      const pdf = await get('motion', 'pdf', token);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(pdf.headers.get('content-disposition')!)![1])).toBe('Biên bản kiểm phiếu - Thông qua nghị quyết.pdf');
    }
    for (const id of ['u01', 'guest', 'obs', 'screen']) {
      const res = await get('motion', 'pdf', server.tokenOf(id));
      expect(res.status, id).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await get('motion', 'pdf')).status).toBe(401);
    expect((await get('motion', 'docx', 'not-a-token')).status).toBe(401);
  });

  it('exists only for a published ballot: a sealed one has no counts to put on it', async () => {
    const sealed = await get('sealed', 'pdf', server.tokenOf('u00'));
    expect(sealed.status).toBe(400);
    expect(await sealed.json()).toMatchObject({ ok: false, error: { code: 'invalid-state' } });
    expect((await get('nope', 'docx', server.tokenOf('u00'))).status).toBe(404);
    expect((await get('motion', 'md', server.tokenOf('u00'))).status).toBe(404);
  });

  it("states the motion's result and the recount's agreement, from the live store", async () => {
    const doc = await readDocx(await (await get('motion', 'docx', server.tokenOf('u00'))).arrayBuffer());
    expect(doc.rows).toContainEqual(['Nội dung', 'Tán thành', 'Không tán thành', 'Không biểu quyết', 'Số phiếu']);
    expect(doc.rows).toContainEqual(['Thông qua nghị quyết', '4 (80%)', '1 (20%)', '0 (0%)', '5/5']);
    expect(doc.paragraphs).toContain('Kết quả: Được thông qua');
    expect(doc.paragraphs).toContain('Không có tổ kiểm phiếu: kết quả do chủ trì công bố.');
    expect(doc.paragraphs.some((p) => /^Kiểm tra lại độc lập: khớp \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)$/.test(p))).toBe(true);
  });
});
