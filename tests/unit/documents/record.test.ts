import { describe, expect, it } from 'vitest';
import { recordDocuments } from '../../../server/export/documents.js';
import { recordToDocx } from '../../../server/export/docx.js';
import { recordToMarkdown } from '../../../server/export/markdown.js';
import type { MeetingRecord } from '../../../server/export/record.js';
import type { BlobFacts } from '../../../shared/documents/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { runningMeeting } from '../../helpers/coreDriver.js';
import { readDocx } from '../../helpers/docx.js';

const file = (n: number, bytes: number): BlobFacts => ({ sha256: n.toString(16).repeat(64).slice(0, 64), bytes, mime: 'application/pdf' });

/** The record's own gathering needs the store for notes; the documents come from the state alone. */
const recordOf = (state: MeetingState, at: number): MeetingRecord => ({
  state,
  items: state.agenda.map((item) => ({ item, presenter: null, speeches: [], notes: [], authors: [] })),
  removed: [],
  minutes: [],
  ballots: [],
  notices: [],
  documents: recordDocuments(state),
  generatedAt: at,
});

describe("the record's documents (server/export/documents.ts)", () => {
  it("lists each item's documents and the meeting's with every version, who uploaded it, and what was removed, by whom", async () => {
    const m = runningMeeting();
    for (const f of [file(1, 2_400_000), file(2, 2_500_000), file(3, 800)]) m.blobs[f.sha256] = f;
    m.ok('chair', { type: 'document.add', blob: file(1, 0).sha256, title: 'Báo cáo kiểm điểm tập thể', itemId: 'collective', visibility: 'participants' });
    const report = m.state.documents[0].id;
    m.advance(600).ok('sec', { type: 'document.replace', documentId: report, blob: file(2, 0).sha256 });
    m.ok('chair', { type: 'document.add', blob: file(3, 0).sha256, title: 'Chương trình hội nghị', visibility: 'everyone' });
    m.ok('sec', { type: 'document.add', blob: file(3, 0).sha256, title: 'Dự thảo kết luận', itemId: 'collective', visibility: 'presidium' });
    m.advance(60).ok('chair', { type: 'document.remove', documentId: m.state.documents[2].id });

    const md = recordToMarkdown(recordOf(m.state, m.now));
    expect(md).toContain('## Tài liệu chung của hội nghị');
    expect(md).toMatch(/\| Chương trình hội nghị \| Mọi người \| v1: 26\/12\/2024 08:10, Nguyễn Văn Chủ, 800 B, 3{16} \| — \|/);
    const collective = md.slice(md.indexOf('Kiểm điểm tập thể\n'));
    expect(collective).toMatch(
      /\| Báo cáo kiểm điểm tập thể \| Đại biểu dự họp \| v1: 26\/12\/2024 08:00, Nguyễn Văn Chủ, 2,3 MB, 1{16}; v2: 26\/12\/2024 08:10, Trần Thị Thư, 2,4 MB, 2{16} \| — \|/,
    );
    expect(collective).toMatch(/\| Dự thảo kết luận \| Chủ trì, thư ký \| v1: [^|]+ \| 26\/12\/2024 08:11, Nguyễn Văn Chủ \|/);

    const docx = await readDocx(await recordToDocx(recordOf(m.state, m.now)));
    expect(docx.paragraphs).toContain('Tài liệu chung của hội nghị');
    const reportRow = docx.rows.find((r) => r[0] === 'Báo cáo kiểm điểm tập thể');
    expect(reportRow?.[2]).toContain('v2: 26/12/2024 08:10, Trần Thị Thư, 2,4 MB');
    expect(docx.rows.find((r) => r[0] === 'Dự thảo kết luận')?.[3]).toBe('26/12/2024 08:11, Nguyễn Văn Chủ');
  });
});
