import { afterEach, describe, expect, it } from 'vitest';
import { BallotDraft } from '../../shared/ballots/draft.js';
import { newBallot } from '../../shared/ballots/newBallot.js';
import { initialState } from '../../shared/meeting/state.js';
import { recordBallots } from '../../server/export/ballots.js';
import { recordToDocx } from '../../server/export/docx.js';
import { recordDocuments } from '../../server/export/documents.js';
import { recordToMarkdown } from '../../server/export/markdown.js';
import { noticeLines } from '../../server/export/noticeLines.js';
import { pinOf, markPresent, versionOf } from '../helpers/ballots.js';
import { committeeDefinition, committeeIds, testDefinition } from '../helpers/definitions.js';
import { readDocx, type DocxContent } from '../helpers/docx.js';
import { readPdf, type PdfContent } from '../helpers/pdf.js';
import { ADMIN_TOKEN, startServer, type TestClient, type TestServer } from '../helpers/server.js';

/**
 * The exported record (Markdown and DOCX) lists every ballot that left draft, cancelled ones too,
 * and every notice with its time, and carries no count that was not published: not of a sealed
 * ballot, not of a cancelled one, not of a withheld row. Nor a voting PIN or its hash.
 */
const MEMBERS = committeeIds(8);
/** 10:32 on 26/12/2024 in Hà Nội. */
const START = Date.UTC(2024, 11, 26, 3, 32);

interface Exported {
  md: string;
  docx: DocxContent;
  pdf: PdfContent;
  server: TestServer;
}

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function exportRecord(server: TestServer, token: string): Promise<{ md: string; docx: DocxContent; pdf: PdfContent }> {
  const url = `${server.url}/api/meetings/${server.meeting.meetingId}/export`;
  const get = async (format: string) => {
    const res = await fetch(`${url}?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res;
  };
  const md = await (await get('md')).text();
  const docx = await readDocx(await (await get('docx')).arrayBuffer());
  const pdf = await readPdf(await (await get('pdf')).arrayBuffer());
  return { md, docx, pdf };
}

/**
 * The same meeting, command for command and minute for minute, with papers that differ by `variant`
 * everywhere but in the one row that gets published. Whatever the record shows of the rest, it must
 * show the same for both variants.
 */
async function meeting(variant: 'a' | 'b'): Promise<Exported> {
  let minute = 0;
  const server = await startServer({
    definition: committeeDefinition(8),
    meetingId: 'record',
    clock: () => START + minute * 60_000,
    commandsPerSecond: 1000,
    commandBurst: 1000,
  });
  servers.push(server);
  const clients = new Map<string, TestClient>();
  for (const id of MEMBERS) clients.set(id, await server.connectAs(id));
  const chair = clients.get('u00')!;
  const send = async (id: string, command: Record<string, unknown>) => versionOf(await clients.get(id)!.send(command));
  const vote = (id: string, ballotId: string, paper: Record<string, string>) => send(id, { type: 'ballot.vote', ballotId, paper });
  const pick = <T>(a: T, b: T) => (variant === 'a' ? a : b);
  await markPresent(chair, MEMBERS);

  // Run, then cancelled: two papers' counts are deleted.
  await send('u00', { type: 'ballot.create', ballot: { id: 'first', kind: 'rating', title: 'Xếp loại (lần 1)', subjects: ['u01', 'u02'] } });
  await send('u00', { type: 'ballot.open', ballotId: 'first' });
  await vote('u03', 'first', pick({ u01: 'excellent', u02: 'good' }, { u01: 'not-completed', u02: 'completed' }));
  await vote('u04', 'first', pick({ u01: 'excellent', u02: 'excellent' }, { u01: 'completed', u02: 'not-completed' }));
  minute = 2;
  await send('u00', { type: 'ballot.cancel', ballotId: 'first', reason: 'Mở nhầm phiếu' });

  // Two papers, the deadline passes: published as not valid.
  minute = 5;
  await send('u00', { type: 'ballot.create', ballot: { id: 'late', kind: 'motion', title: 'Biểu quyết thời hạn', deadlineMinutes: 1 } });
  await send('u00', { type: 'ballot.open', ballotId: 'late' });
  await vote('u03', 'late', { question: pick('agree', 'disagree') });
  await vote('u04', 'late', { question: pick('disagree', 'abstain') });
  minute = 7;
  await send('u00', { type: 'ballot.publish', ballotId: 'late' });

  // Everyone votes; the collective's row is published, u01's (two answers) withheld.
  minute = 10;
  await send('u00', { type: 'ballot.create', ballot: { id: 'rated', kind: 'rating', title: 'Xếp loại (lần 2)', subjects: ['u01', 'collective'], allowAbstain: true } });
  await send('u00', { type: 'ballot.open', ballotId: 'rated' });
  for (const [i, id] of MEMBERS.entries()) {
    const collective = i % 2 ? 'good' : 'excellent';
    const u01 = id === 'u02' ? pick('excellent', 'not-completed') : id === 'u03' ? pick('good', 'not-completed') : 'abstain';
    await vote(id, 'rated', id === 'u01' ? { collective } : { u01, collective });
  }
  minute = 12;
  await send('u00', { type: 'ballot.publish', ballotId: 'rated' });

  // Six of eight papers, an attendance change meanwhile, closed early: sealed.
  minute = 15;
  await send('u00', { type: 'ballot.create', ballot: { id: 'sealed', kind: 'motion', title: 'Biểu quyết kết luận' } });
  await send('u00', { type: 'ballot.open', ballotId: 'sealed' });
  for (const id of MEMBERS.slice(0, 6)) await vote(id, 'sealed', { question: pick('agree', 'disagree') });
  minute = 16;
  await send('u00', { type: 'attendance.mark', participantId: 'u07', status: 'excused' });
  minute = 17;
  await send('u00', { type: 'ballot.close', ballotId: 'sealed' });

  // Still open when the record is exported; a link reissued meanwhile.
  minute = 20;
  await send('u00', { type: 'ballot.create', ballot: { id: 'open', kind: 'motion', title: 'Biểu quyết đang mở' } });
  await send('u00', { type: 'ballot.open', ballotId: 'open' });
  await vote('u01', 'open', { question: pick('agree', 'disagree') });
  await vote('u02', 'open', { question: pick('abstain', 'agree') });
  minute = 21;
  await send('u00', { type: 'link.reissue', participantId: 'u05' });

  return { ...(await exportRecord(server, server.tokenOf('u00'))), server };
}

const withoutExportTime = (lines: string[]) => lines.filter((l) => !/Xuất lúc/.test(l));

describe('the exported record of ballots and notices', () => {
  it('is the same whatever the sealed, cancelled and withheld papers said; only published rows carry counts', { timeout: 60_000 }, async () => {
    const a = await meeting('a');
    const b = await meeting('b');
    // The papers did differ where the record must be silent.
    expect(await a.server.store.readCounts('record', 'sealed')).not.toEqual(await b.server.store.readCounts('record', 'sealed'));
    expect(await a.server.store.readCounts('record', 'open')).not.toEqual(await b.server.store.readCounts('record', 'open'));
    expect(await a.server.store.readCounts('record', 'first')).toEqual({});

    expect(withoutExportTime(a.md.split('\n'))).toEqual(withoutExportTime(b.md.split('\n')));
    expect(withoutExportTime(a.docx.paragraphs)).toEqual(withoutExportTime(b.docx.paragraphs));
    expect(a.docx.rows).toEqual(b.docx.rows);
    expect(withoutExportTime(a.pdf.lines)).toEqual(withoutExportTime(b.pdf.lines));
    expect(a.pdf.joined).toContain('Tập thể — 4 4 0 0 0 8/8 Hoàn thành tốt nhiệm vụ');

    const names = a.server.meeting.links;
    const name = (id: string) => names.find((l) => l.participantId === id)!.name;
    const { md, docx } = a;
    for (const title of ['Xếp loại (lần 1)', 'Biểu quyết thời hạn', 'Xếp loại (lần 2)', 'Biểu quyết kết luận', 'Biểu quyết đang mở']) {
      expect(md).toContain(`### ${title}`);
      expect(docx.paragraphs).toContain(title);
    }
    // Cancelled: when, why, and that its counts are gone.
    expect(docx.paragraphs).toEqual(
      expect.arrayContaining([
        'Trạng thái: Đã hủy',
        'Hủy lúc: 26/12/2024 10:34',
        'Lý do hủy: Mở nhầm phiếu',
        'Số phiếu: 2/8',
        'Số phiếu đã kiểm đã bị xóa, không bao giờ công bố.',
      ]),
    );
    // Not valid: turnout only.
    expect(docx.paragraphs).toContain('Kết quả: Không hợp lệ — chưa đủ túc số; chỉ công bố số phiếu');
    // Published: the collective's row in full, u01's row withheld.
    // A rating's row has the self-rating (none for the collective) and the proposed level around its counts.
    expect(docx.rows).toContainEqual(['Tập thể', '—', '4', '4', '0', '0', '0', '8/8', 'Hoàn thành tốt nhiệm vụ']);
    expect(docx.rows.filter((r) => r[0] === name('u01'))).toEqual([]);
    expect(docx.paragraphs).toContain(`${name('u01')}: Quá ít phiếu trả lời để công bố (dưới 3)`);
    expect(md).toContain('| Tập thể | — | 4 | 4 | 0 | 0 | 0 | 8/8 | Hoàn thành tốt nhiệm vụ |');
    // The only count table in the record is that one (and its header).
    const tableRows = docx.rows.filter((r) => r.includes('Tán thành') || r.slice(1).some((c) => /^\d+$/.test(c)));
    expect(tableRows).toEqual([['Tập thể', '—', '4', '4', '0', '0', '0', '8/8', 'Hoàn thành tốt nhiệm vụ']]);
    // Sealed and open: turnout only.
    expect(docx.paragraphs).toEqual(
      expect.arrayContaining(['Số phiếu: 6/8', 'Chủ trì chưa công bố kết quả: chỉ ghi số phiếu.', 'Số phiếu: 2/7', 'Đang bỏ phiếu: kết quả được giữ kín, chỉ ghi số phiếu.']),
    );

    // Every notice, with its time in Hà Nội.
    const notices = [
      '10:34 26/12/2024 — Cuộc bỏ phiếu «Xếp loại (lần 1)» bị hủy: lý do Mở nhầm phiếu',
      `10:48 26/12/2024 — Điểm danh thay đổi trong khi bỏ phiếu: đ/c ${name('u07')} → Vắng có lý do`,
      '10:49 26/12/2024 — Cuộc bỏ phiếu «Biểu quyết kết luận» kết thúc sớm (6/8 phiếu)',
      `10:53 26/12/2024 — Chủ trì cấp lại đường dẫn của đ/c ${name('u05')}`,
    ];
    expect(docx.paragraphs.filter((p) => / — /.test(p) && /^\d\d:\d\d /.test(p))).toEqual(notices);
    for (const line of notices) expect(md).toContain(`- ${line}`);
  });

  it('lists PIN notices and never a PIN or its hash', { timeout: 60_000 }, async () => {
    const server = await startServer({ definition: testDefinition({ ballotRules: { votingPin: 'required' } }), clock: () => START });
    servers.push(server);
    const m1 = await server.connectAs('m1');
    const m2 = await server.connectAs('m2');
    const chair = await server.connectAs('chair');
    versionOf(await m1.send({ type: 'pin.set', pin: pinOf('m1') }));
    versionOf(await m2.send({ type: 'pin.set', pin: pinOf('m2') }));
    const wrong = ['246813', '975312', '135792', '864209', '192837'];
    for (const pin of wrong) expect((await m2.send({ type: 'pin.set', pin: '482916', currentPin: pin })).ok).toBe(false);
    const reset = await fetch(`${server.url}/api/meetings/${server.meeting.meetingId}/participants/m2/pin/reset`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(reset.status).toBe(200);
    versionOf(await chair.send({ type: 'link.reissue', participantId: 'm1' }));
    const hash = (await server.store.readPin(server.meeting.meetingId, 'm1'))!.hash;

    const { md, docx } = await exportRecord(server, server.tokenOf('chair'));
    expect(docx.paragraphs).toEqual(
      expect.arrayContaining([
        '10:32 26/12/2024 — đ/c Lê Văn Một đặt mã PIN bỏ phiếu',
        '10:32 26/12/2024 — đ/c Phạm Thị Hai đặt mã PIN bỏ phiếu',
        '10:32 26/12/2024 — Quyền bỏ phiếu của đ/c Phạm Thị Hai bị khóa (nhập sai PIN)',
        '10:32 26/12/2024 — Mã PIN bỏ phiếu của đ/c Phạm Thị Hai được ban tổ chức đặt lại',
        '10:32 26/12/2024 — Chủ trì cấp lại đường dẫn của đ/c Lê Văn Một',
      ]),
    );
    expect(md).toContain('- 10:32 26/12/2024 — Quyền bỏ phiếu của đ/c Phạm Thị Hai bị khóa (nhập sai PIN)');
    for (const text of [md, docx.xml]) {
      for (const secret of [pinOf('m1'), pinOf('m2'), '482916', ...wrong, hash, ...hash.split(/[$:.]/).filter((part) => part.length >= 8)]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('applies the rules again to results published before they existed: no counts of an invalid ballot or of a row of few answers', async () => {
    const state = initialState('old', testDefinition());
    const base = {
      ...newBallot('old', BallotDraft.parse({ kind: 'rating', title: 'Phiếu cũ', subjects: ['m1', 'm2'] })),
      status: 'published' as const,
      openedAt: START,
      closedAt: START,
    };
    const row = (subject: string, counts: Record<string, number>) => ({ subject, counts, abstentions: 0, cast: 5, eligible: 5 });
    const invalid = {
      ...base,
      id: 'invalid',
      title: 'Không đủ túc số',
      eligible: ['chair', 'm1', 'm2', 'm3', 'm4'],
      voted: ['m3'],
      results: { turnout: 1, eligible: 5, valid: false, passed: null, subjects: [row('m1', { excellent: 7, good: 0, completed: 0, 'not-completed': 0 })] },
    };
    const few = {
      ...base,
      id: 'few',
      title: 'Ít câu trả lời',
      eligible: ['chair', 'm1', 'm2', 'm3', 'm4'],
      voted: ['chair', 'm1', 'm2', 'm3', 'm4'],
      results: {
        turnout: 5,
        eligible: 5,
        valid: true,
        passed: null,
        subjects: [row('m1', { excellent: 2, good: 0, completed: 0, 'not-completed': 0 }), row('m2', { excellent: 1, good: 2, completed: 1, 'not-completed': 0 })],
      },
    };
    state.ballots = [invalid, few];
    const record = {
      state,
      items: [],
      removed: [],
      minutes: [],
      ballots: recordBallots(state),
      notices: noticeLines(state),
      documents: recordDocuments(state),
      generatedAt: START,
    };
    const md = recordToMarkdown(record);
    const docx = await readDocx(await recordToDocx(record));
    expect(md).toContain('**Kết quả:** Không hợp lệ — chưa đủ túc số; chỉ công bố số phiếu');
    expect(md).toContain('Lê Văn Một: Quá ít phiếu trả lời để công bố (dưới 3)');
    expect(md).not.toContain('| 7 |');
    expect(md).not.toContain('| Lê Văn Một |');
    expect(docx.rows).toContainEqual(['Phạm Thị Hai', '—', '1', '2', '1', '0', '0', '5/5', 'Hoàn thành tốt nhiệm vụ']);
    expect(docx.rows.filter((r) => r[0] === 'Lê Văn Một')).toEqual([]);
  });
});
