import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_DOC, notesDocName } from '../../shared/notes/access.js';
import { TIPTAP_FIELD } from '../../server/export/prosemirror.js';
import { createMeeting } from '../../server/meetings/create.js';
import { testDefinition } from '../helpers/definitions.js';
import { readDocx, type DocxContent } from '../helpers/docx.js';
import { readPdf, savePdfPages, type PdfContent } from '../helpers/pdf.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/wait.js';
import { connectDoc, textOf } from '../helpers/yjs.js';

// ---- TipTap's layout, written by hand: what the editor stores for headings, marks, lists, quotes.
type Run = string | { text: string; bold?: boolean; italic?: boolean };
function text(runs: Run[]): Y.XmlText {
  const t = new Y.XmlText();
  let length = 0;
  for (const run of runs) {
    const r = typeof run === 'string' ? { text: run } : run;
    const marks = { ...(r.bold ? { bold: {} } : {}), ...(r.italic ? { italic: {} } : {}) };
    // Always with attributes, as y-prosemirror does: without them Yjs continues the marks on the left.
    t.insert(length, r.text, marks);
    length += r.text.length;
  }
  return t;
}
function node(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, children);
  return el;
}
const p = (...runs: Run[]) => node('paragraph', [text(runs)]);
const h = (level: number, title: string) => node('heading', [text([title])], { level: String(level) });
const li = (...blocks: Y.XmlElement[]) => node('listItem', blocks);
const ul = (...items: Y.XmlElement[]) => node('bulletList', items);
const ol = (...items: Y.XmlElement[]) => node('orderedList', items);
const quote = (...blocks: Y.XmlElement[]) => node('blockquote', blocks);

/** 08:00 on the first day in Hà Nội, as UTC. */
const DAY1 = Date.UTC(2024, 11, 26, 1, 0, 0);
const at = (hh: number, mm: number, ss = 0) => DAY1 + ((hh - 8) * 3600 + mm * 60 + ss) * 1000;

describe('the meeting record, exported as Markdown, DOCX and PDF', () => {
  let server: TestServer;
  let md: string;
  let docx: DocxContent;
  let pdf: PdfContent;

  async function ok(client: TestClient, command: Record<string, unknown>, when?: number): Promise<void> {
    if (when !== undefined) vi.setSystemTime(when);
    const ack = await client.send(command);
    expect(ack, `${JSON.stringify(command)} → ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
    // A paper's acknowledgement may come before the turnout batch that carries it (docs/PROTOCOL.md).
    if (ack.ok) await client.waitForVersion(ack.version);
  }

  const exportAs = (format: string, token?: string, meetingId = server.meeting.meetingId) =>
    fetch(`${server.url}/api/meetings/${meetingId}/export?format=${format}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    server = await startServer({ definition: testDefinition({ title: 'Hội nghị kiểm điểm *năm 2024* [thử]' }) });
    const meetingId = server.meeting.meetingId;

    // Notes and minutes, typed through the real endpoint.
    const m1 = connectDoc(server.url, meetingId, notesDocName('collective'), server.tokenOf('m1'));
    const sec = connectDoc(server.url, meetingId, MINUTES_DOC, server.tokenOf('sec'));
    await Promise.all([m1.synced(), sec.synced()]);
    m1.doc
      .getXmlFragment(TIPTAP_FIELD)
      .insert(0, [
        h(1, 'Ưu điểm'),
        p('Tập thể đã ', { text: 'đoàn kết, thống nhất', bold: true }, ' và ', { text: 'nêu gương', italic: true }, '.'),
        ul(li(p('Lãnh đạo hoàn thành chỉ tiêu')), li(p('Cải cách hành chính'), ul(li(p('Một cửa liên thông'))))),
        h(2, 'Hạn chế'),
        ol(li(p('Chậm giải ngân vốn đầu tư')), li(p('Còn nể nang trong phê bình'))),
        quote(p('Phải nhìn thẳng vào sự thật — Đồng chí Bốn')),
        p('5 * 3 = 15, _không_ phải #thẻ | cột'),
        p('1. không phải danh sách'),
        p('- cũng không phải'),
      ]);
    sec.doc
      .getXmlFragment(TIPTAP_FIELD)
      .insert(0, [p({ text: 'Biên bản', bold: true }, ': hội nghị bắt đầu lúc 08 giờ, đủ số lượng đại biểu.'), p('Chủ trì kết luận: nhất trí thông qua.')]);
    const expectedNotes = textOf(m1.doc);
    await waitFor(
      async () => {
        const d = new Y.Doc();
        for (const u of (await server.store.loadDoc(meetingId, notesDocName('collective'))).updates) Y.applyUpdate(d, u);
        return textOf(d) === expectedNotes;
      },
      5000,
      'the notes to be stored',
    );
    m1.destroy();
    sec.destroy();

    // The meeting itself, on a clock of our choosing: 26/12/2024 from 08:00 in Hà Nội.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const chair = await server.connectAs('chair');
      const m1Client = await server.connectAs('m1');
      const m2Client = await server.connectAs('m2');
      await ok(chair, { type: 'meeting.start' }, at(7, 59));
      for (const id of ['chair', 'sec', 'm1', 'm2', 'm3', 'm4']) await ok(chair, { type: 'attendance.mark', participantId: id, status: 'present' });
      await ok(chair, { type: 'agenda.update', itemId: 'close', changes: { title: 'Bế mạc | *tổng kết*' } });

      await ok(chair, { type: 'agenda.open', itemId: 'open' }, at(8, 0));
      await ok(chair, { type: 'queue.give', participantId: 'chair' }, at(8, 2));
      await ok(chair, { type: 'queue.end' }, at(8, 5, 30));
      await ok(chair, { type: 'agenda.complete', itemId: 'open' }, at(8, 11));

      await ok(chair, { type: 'agenda.open', itemId: 'collective' }, at(8, 15));
      await ok(m1Client, { type: 'queue.request', kind: 'speech' }, at(8, 16));
      await ok(m2Client, { type: 'queue.request', kind: 'point-of-order' }, at(8, 17));
      await ok(chair, { type: 'queue.give', participantId: 'm1' }, at(8, 20));
      await ok(chair, { type: 'queue.end' }, at(8, 24, 5));
      await ok(chair, { type: 'queue.give', participantId: 'm2' }, at(8, 25));
      await ok(chair, { type: 'queue.end' }, at(8, 26));
      await ok(chair, { type: 'agenda.complete', itemId: 'collective' }, at(9, 50));

      await ok(chair, { type: 'ballot.create', ballot: { id: 'rate', kind: 'rating', title: 'Xếp loại đồng chí Một và Hai', subjects: ['m1', 'm2'] } }, at(10, 0));
      await ok(chair, { type: 'ballot.open', ballotId: 'rate' });
      const papers: Record<string, Record<string, string>> = {
        chair: { m1: 'excellent', m2: 'good' },
        m1: { m2: 'completed' },
        m2: { m1: 'excellent' },
        m3: { m1: 'good', m2: 'not-completed' },
        m4: { m1: 'excellent', m2: 'good' },
      };
      for (const [id, paper] of Object.entries(papers)) {
        const voter = id === 'chair' ? chair : id === 'm1' ? m1Client : id === 'm2' ? m2Client : await server.connectAs(id);
        await ok(voter, { type: 'ballot.vote', ballotId: 'rate', paper });
      }
      if (chair.state.ballots.find((b) => b.id === 'rate')?.status === 'open') await ok(chair, { type: 'ballot.close', ballotId: 'rate' });
      await ok(chair, { type: 'ballot.publish', ballotId: 'rate' }, at(10, 30));
    } finally {
      vi.useRealTimers();
    }

    const mdRes = await exportAs('md', server.tokenOf('chair'));
    expect(mdRes.status).toBe(200);
    md = await mdRes.text();
    const docxRes = await exportAs('docx', server.tokenOf('chair'));
    expect(docxRes.status).toBe(200);
    docx = await readDocx(await docxRes.arrayBuffer());
    const pdfRes = await exportAs('pdf', server.tokenOf('chair'));
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const pdfBytes = await pdfRes.arrayBuffer();
    await savePdfPages('minutes-record', pdfBytes);
    pdf = await readPdf(pdfBytes);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('has the title, the days and the agenda with planned and actual times (DOCX)', () => {
    const title = docx.paragraphs.indexOf('BIÊN BẢN HỘI NGHỊ');
    expect(docx.paragraphs[title + 1]).toBe('Hội nghị kiểm điểm *năm 2024* [thử]');
    expect(docx.paragraphs).toContain('Thời gian: 26/12/2024, 27/12/2024');
    expect(docx.paragraphs).toContain('Bắt đầu: 26/12/2024 07:59');
    expect(docx.rows).toContainEqual(['#', 'Nội dung', 'Ngày', 'Dự kiến', 'Bắt đầu', 'Kết thúc', 'Thực tế', 'Trạng thái']);
    expect(docx.rows).toContainEqual(['1', 'Khai mạc', '26/12/2024', '10 phút', '26/12/2024 08:00', '26/12/2024 08:11', '11 phút', 'Hoàn thành']);
    expect(docx.rows).toContainEqual(['2', 'Kiểm điểm tập thể', '26/12/2024', '1 giờ 30 phút', '26/12/2024 08:15', '26/12/2024 09:50', '1 giờ 35 phút', 'Hoàn thành']);
    expect(docx.rows).toContainEqual(['4', 'Kiểm điểm đồng chí Phạm Thị Hai', '27/12/2024', '45 phút', '—', '—', '—', 'Chưa diễn ra']);
    expect(docx.rows).toContainEqual(['5', 'Bế mạc | *tổng kết*', '27/12/2024', '10 phút', '—', '—', '—', 'Chưa diễn ra']);
  });

  it('lists the speakers of each item with their durations (DOCX)', () => {
    expect(docx.rows).toContainEqual(['Nguyễn Văn Chủ', 'Phát biểu', '26/12/2024 08:02', '3:30']);
    expect(docx.rows).toContainEqual(['Lê Văn Một', 'Phát biểu', '26/12/2024 08:20', '4:05']);
    expect(docx.rows).toContainEqual(['Phạm Thị Hai', 'Ý kiến về thủ tục', '26/12/2024 08:25', '1:00']);
    expect(docx.paragraphs).toContain('Trình bày: Nguyễn Văn Chủ');
  });

  it("has each item's notes and the minutes with their diacritics, structure and marks (DOCX)", () => {
    const from = docx.paragraphs.indexOf('2. Kiểm điểm tập thể');
    const section = docx.paragraphs.slice(docx.paragraphs.indexOf('Ghi chép, góp ý', from) + 1, docx.paragraphs.indexOf('3. Kiểm điểm đồng chí Lê Văn Một'));
    // The notes, then who wrote them (issue 13).
    expect(section.at(-1)).toMatch(/^Người viết: /);
    const notes = section.slice(0, -1);
    expect(notes).toEqual([
      'Ưu điểm',
      'Tập thể đã đoàn kết, thống nhất và nêu gương.',
      'Lãnh đạo hoàn thành chỉ tiêu',
      'Cải cách hành chính',
      'Một cửa liên thông',
      'Hạn chế',
      '1.\tChậm giải ngân vốn đầu tư',
      '2.\tCòn nể nang trong phê bình',
      'Phải nhìn thẳng vào sự thật — Đồng chí Bốn',
      '5 * 3 = 15, _không_ phải #thẻ | cột',
      '1. không phải danh sách',
      '- cũng không phải',
    ]);
    // Bold and italic runs stay bold and italic; headings are Word headings.
    const marksOf = (run: string) => {
      const props = new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>${run}</w:t></w:r>`).exec(docx.xml)?.[1] ?? '';
      return { bold: props.includes('<w:b/>'), italic: props.includes('<w:i/>') };
    };
    expect(marksOf('Tập thể đã ')).toEqual({ bold: false, italic: false });
    expect(marksOf('đoàn kết, thống nhất')).toEqual({ bold: true, italic: false });
    expect(marksOf(' và ')).toEqual({ bold: false, italic: false });
    expect(marksOf('nêu gương')).toEqual({ bold: false, italic: true });
    expect(docx.xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]{0,200}Ưu điểm/);
    // Other items say they have none.
    expect(docx.paragraphs.filter((t) => t === '(chưa có ghi chép)')).toHaveLength(4);
    const minutes = docx.paragraphs.slice(docx.paragraphs.lastIndexOf('Biên bản') + 1);
    expect(minutes.slice(0, 2)).toEqual(['Biên bản: hội nghị bắt đầu lúc 08 giờ, đủ số lượng đại biểu.', 'Chủ trì kết luận: nhất trí thông qua.']);
  });

  it("has the published ballot's results (DOCX)", () => {
    expect(docx.paragraphs).toContain('Kết quả biểu quyết, đánh giá');
    expect(docx.paragraphs).toContain('Xếp loại đồng chí Một và Hai');
    expect(docx.rows).toContainEqual([
      'Họ và tên',
      'Tự xếp loại',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
      'Không chọn',
      'Số phiếu',
      'Mức đề xuất',
    ]);
    // No self-assessment was disclosed in this meeting; the proposed level is the rule's (more than half of the papers).
    expect(docx.rows).toContainEqual(['Lê Văn Một', '—', '3', '1', '0', '0', '0', '4/4', 'Hoàn thành xuất sắc nhiệm vụ']);
    expect(docx.rows).toContainEqual(['Phạm Thị Hai', '—', '0', '2', '1', '1', '0', '4/4', 'Hoàn thành nhiệm vụ']);
    // One "excellent" of one proposed good or better: over the default cap of 20 %, said and not corrected.
    expect(docx.paragraphs.find((p) => p.startsWith('Giới hạn: «Hoàn thành xuất sắc nhiệm vụ» tối đa 20%'))).toMatch(/đề xuất 1\/1, được phép 0 — VƯỢT GIỚI HẠN/);
  });

  it('says the same in Markdown, escaped where text would read as syntax', () => {
    expect(md).toContain('\n# BIÊN BẢN HỘI NGHỊ: Hội nghị kiểm điểm \\*năm 2024\\* \\[thử\\]\n');
    expect(md).toContain('**Thời gian:** 26/12/2024, 27/12/2024');
    expect(md).toContain('| 1 | Khai mạc | 26/12/2024 | 10 phút | 26/12/2024 08:00 | 26/12/2024 08:11 | 11 phút | Hoàn thành |');
    expect(md).toContain('| 5 | Bế mạc \\| \\*tổng kết\\* | 27/12/2024 | 10 phút | — | — | — | Chưa diễn ra |');
    expect(md).toContain('## 5. Bế mạc \\| \\*tổng kết\\*');
    expect(md).toContain('| Lê Văn Một | Phát biểu | 26/12/2024 08:20 | 4:05 |');
    expect(md).toContain('| Phạm Thị Hai | Ý kiến về thủ tục | 26/12/2024 08:25 | 1:00 |');
    expect(md).toContain(
      [
        '#### Ưu điểm',
        '',
        'Tập thể đã **đoàn kết, thống nhất** và *nêu gương*.',
        '',
        '- Lãnh đạo hoàn thành chỉ tiêu',
        '- Cải cách hành chính',
        '   - Một cửa liên thông',
        '',
        '##### Hạn chế',
        '',
        '1. Chậm giải ngân vốn đầu tư',
        '2. Còn nể nang trong phê bình',
        '',
        '> Phải nhìn thẳng vào sự thật — Đồng chí Bốn',
        '',
        '5 \\* 3 = 15, \\_không\\_ phải \\#thẻ \\| cột',
        '',
        '1\\. không phải danh sách',
        '',
        '\\- cũng không phải',
      ].join('\n'),
    );
    expect(md).toContain('## Biên bản\n\n**Biên bản**: hội nghị bắt đầu lúc 08 giờ, đủ số lượng đại biểu.\n\nChủ trì kết luận: nhất trí thông qua.');
    expect(md).toContain('| Lê Văn Một | — | 3 | 1 | 0 | 0 | 0 | 4/4 | Hoàn thành xuất sắc nhiệm vụ |');
    expect(md).toContain('| Phạm Thị Hai | — | 0 | 2 | 1 | 1 | 0 | 4/4 | Hoàn thành nhiệm vụ |');
  });

  it('is filed as a biên bản hội nghị: Party header, place and date, chair and secretary, attendance, quorum, signatures', () => {
    const placeDate = /^Phòng họp số 1, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/;
    // The header's two halves side by side: the body (and the star) on the left, the Party and the date on the right.
    const header = docx.rows[0];
    expect(header[0]).toBe('BAN THƯỜNG VỤ (HƯ CẤU)*');
    expect(header[1]).toMatch(/^ĐẢNG CỘNG SẢN VIỆT NAMPhòng họp số 1, ngày \d\d tháng \d+ năm \d{4}$/);
    expect(docx.paragraphs.slice(0, 6)).toEqual([
      'BAN THƯỜNG VỤ (HƯ CẤU)',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      expect.stringMatching(placeDate),
      'BIÊN BẢN HỘI NGHỊ',
      'Hội nghị kiểm điểm *năm 2024* [thử]',
    ]);
    expect(docx.paragraphs).toEqual(
      expect.arrayContaining([
        'Chủ trì: Nguyễn Văn Chủ',
        'Thư ký: Trần Thị Thư',
        'Thành phần tham dự',
        'Có mặt (6): Nguyễn Văn Chủ, Trần Thị Thư, Lê Văn Một, Phạm Thị Hai, Hoàng Văn Ba, Đỗ Thị Bốn',
        'Vắng có lý do (0): —',
        'Vắng không có lý do (1): Vũ Văn Khách',
        'Số thành viên có mặt: 5/5; cần ít nhất 4 (2/3 tổng số thành viên): đủ số lượng để tiến hành hội nghị.',
        'Trạng thái: Hoàn thành',
        'Trạng thái: Chưa diễn ra',
        'Tổ kiểm phiếu',
        '(không có tổ kiểm phiếu: kết quả do chủ trì công bố)',
      ]),
    );
    // Signature blocks last: the secretary and the chair, each with their name.
    expect(docx.rows.at(-1)!.map((cell) => cell.replace(/\s+/g, ' '))).toEqual(['THƯ KÝ(Ký, ghi rõ họ tên) Trần Thị Thư', 'CHỦ TRÌ HỘI NGHỊ(Ký, ghi rõ họ tên) Nguyễn Văn Chủ']);

    // The PDF says the same, every diacritic intact.
    for (const line of [
      'BAN THƯỜNG VỤ (HƯ CẤU)',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BIÊN BẢN HỘI NGHỊ',
      'Hội nghị kiểm điểm *năm 2024* [thử]',
      'Chủ trì: Nguyễn Văn Chủ',
      'Thư ký: Trần Thị Thư',
    ]) {
      expect(pdf.lines).toContain(line);
    }
    for (const text of [
      'Vắng không có lý do (1): Vũ Văn Khách',
      'Số thành viên có mặt: 5/5; cần ít nhất 4 (2/3 tổng số thành viên): đủ số lượng để tiến hành hội nghị.',
      'Tập thể đã đoàn kết, thống nhất và nêu gương',
      'Phải nhìn thẳng vào sự thật — Đồng chí Bốn',
      'Biên bản: hội nghị bắt đầu lúc 08 giờ, đủ số lượng đại biểu.',
      'Khai mạc 26/12/2024 10 phút 26/12/2024 08:00 26/12/2024 08:11 11 phút Hoàn thành',
      'Lê Văn Một — 3 1 0 0 0 4/4 Hoàn thành xuất sắc nhiệm vụ',
      'VƯỢT GIỚI HẠN',
      'THƯ KÝ',
      'CHỦ TRÌ HỘI NGHỊ',
    ]) {
      expect(pdf.joined).toContain(text);
    }
    expect(pdf.lines.some((l) => /^Phòng họp số 1, ngày \d\d tháng \d+ năm/.test(l))).toBe(true);

    expect(md).toContain('BAN THƯỜNG VỤ (HƯ CẤU)');
    expect(md).toContain('**ĐẢNG CỘNG SẢN VIỆT NAM**  \n*Phòng họp số 1, ngày');
    expect(md).toContain('**Chủ trì:** Nguyễn Văn Chủ  \n**Thư ký:** Trần Thị Thư');
    expect(md).toContain('**Vắng không có lý do (1):** Vũ Văn Khách');
    expect(md).toContain('Trạng thái: Hoàn thành · Trình bày: Nguyễn Văn Chủ');
    expect(md).toContain('**THƯ KÝ**  \n*(Ký, ghi rõ họ tên)*  \nTrần Thị Thư');
  });

  it('names the file after the meeting and is never cached', async () => {
    const res = await exportAs('docx', server.tokenOf('chair'));
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain('filename="Hoi-nghi-kiem-diem-nam-2024-thu.docx"');
    // RFC 5987: only attr-chars stay unencoded in filename* (no * ' ( ) ).
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1];
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe('Hội nghị kiểm điểm *năm 2024* [thử].docx');
    expect((await exportAs('md', server.tokenOf('chair'))).headers.get('content-type')).toBe('text/markdown; charset=utf-8');
  });

  it('is for the chair, the secretary and the organiser only', async () => {
    for (const token of [server.tokenOf('chair'), server.tokenOf('sec'), ADMIN_TOKEN]) {
      for (const format of ['md', 'docx', 'pdf']) expect((await exportAs(format, token)).status).toBe(200);
    }
    for (const id of ['m1', 'guest', 'obs', 'screen']) {
      const res = await exportAs('md', server.tokenOf(id));
      expect(res.status, id).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await exportAs('md')).status).toBe(401);
    expect((await exportAs('md', 'not-a-token')).status).toBe(401);

    const other = await createMeeting(server.store, testDefinition({ title: 'Cuộc họp khác' }), server.url);
    const otherChair = other.links
      .find((l) => l.participantId === 'chair')!
      .url.split('/')
      .at(-1)!;
    expect((await exportAs('md', otherChair)).status).toBe(403);
    expect((await exportAs('md', server.tokenOf('chair'), other.meetingId)).status).toBe(403);
    expect((await exportAs('md', ADMIN_TOKEN, 'nosuchmeeting')).status).toBe(404);

    for (const format of ['PDF', 'DOCX', 'html', '']) {
      const res = await exportAs(format, server.tokenOf('chair'));
      expect(res.status, format).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
  });
});
