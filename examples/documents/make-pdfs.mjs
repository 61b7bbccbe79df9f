// Writes the demo meeting's documents (examples/self-review-2024.json, "documents"): fictional
// papers in Vietnamese, set in Noto Serif (server/export/fonts.ts), small enough to commit.
// Run again after changing the text: node examples/documents/make-pdfs.mjs
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const font = (weight) => require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));

const HEADER = ['TỈNH ỦY TỈNH MẪU (HƯ CẤU)', 'BAN THƯỜNG VỤ', '*'];

const PAPERS = [
  {
    file: 'bao-cao-kiem-diem-tap-the-2024.pdf',
    title: 'BÁO CÁO\nKiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm 2024',
    sections: [
      [
        'I. Kết quả thực hiện nhiệm vụ',
        [
          'Năm 2024, Ban Thường vụ Tỉnh ủy đã lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị; tăng trưởng kinh tế đạt 7,2% (kế hoạch 7,0%); thu ngân sách vượt 4,5% dự toán; 98% hộ dân có điện lưới quốc gia.',
          'Công tác xây dựng Đảng được chú trọng: kết nạp 1.245 đảng viên mới; tổ chức 12 hội nghị chuyên đề; hoàn thành kiểm tra, giám sát theo chương trình năm.',
          'Số liệu trong tài liệu này là hư cấu, chỉ dùng để trình diễn phần mềm.',
        ],
      ],
      [
        'II. Hạn chế, khuyết điểm và nguyên nhân',
        [
          'Tiến độ giải ngân vốn đầu tư công ở một số dự án còn chậm; công tác cải cách hành chính có lúc chưa đáp ứng kỳ vọng của người dân và doanh nghiệp.',
          'Nguyên nhân chủ quan: việc phối hợp giữa các sở, ngành có lúc chưa chặt chẽ; một số cán bộ chưa thật sự quyết liệt.',
        ],
      ],
      [
        'III. Phương hướng, biện pháp khắc phục năm 2025',
        [
          'Tập trung tháo gỡ vướng mắc về mặt bằng cho các dự án trọng điểm; đẩy mạnh chuyển đổi số trong các cơ quan Đảng, chính quyền; tăng cường kiểm tra, giám sát việc thực hiện kết luận sau kiểm điểm.',
        ],
      ],
    ],
    pages: 3,
  },
  {
    file: 'tong-hop-y-kien-gop-y.pdf',
    title: 'TỔNG HỢP Ý KIẾN GÓP Ý\nvào dự thảo Báo cáo kiểm điểm tập thể (tài liệu của Chủ tọa)',
    sections: [
      [
        'Ý kiến của các tổ chức, cá nhân',
        [
          '1. Đề nghị làm rõ hơn trách nhiệm của tập thể đối với việc chậm giải ngân vốn đầu tư công (3 ý kiến).',
          '2. Bổ sung số liệu so sánh với năm 2023 ở phần kết quả (2 ý kiến).',
          '3. Phần biện pháp khắc phục cần có thời hạn và người chịu trách nhiệm cụ thể (4 ý kiến).',
          'Tài liệu hư cấu, dành cho chủ tọa và thư ký hội nghị.',
        ],
      ],
    ],
    pages: 1,
  },
];

for (const paper of PAPERS) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 70, bottom: 70, left: 80, right: 70 },
    info: { Title: paper.title.replace('\n', ' '), Author: 'Phòng họp (dữ liệu mẫu)', CreationDate: new Date('2024-12-20T08:00:00Z') },
  });
  doc.registerFont('regular', font('400Regular'));
  doc.registerFont('bold', font('700Bold'));
  doc.pipe(createWriteStream(here(paper.file)));
  doc.font('bold').fontSize(12);
  for (const line of HEADER) doc.text(line, { align: 'left', width: 220 });
  doc.moveDown(1.5).fontSize(15).text(paper.title, { align: 'center' }).moveDown(1.5);
  for (let page = 1; page <= paper.pages; page++) {
    if (page > 1) doc.addPage();
    for (const [heading, paragraphs] of paper.sections) {
      doc.font('bold').fontSize(13).text(heading).moveDown(0.4);
      doc.font('regular').fontSize(12);
      for (const p of paragraphs) doc.text(p, { align: 'justify', indent: 28, lineGap: 3 }).moveDown(0.5);
    }
    // In the bottom margin: with it in force, pdfkit would start a page for the footer.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(10).text(`Trang ${page}/${paper.pages}`, 80, 790, { align: 'center', width: 445 });
    doc.page.margins.bottom = 70;
    doc.x = 80;
    doc.y = 70;
  }
  doc.end();
}
