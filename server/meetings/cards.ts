import QRCode from 'qrcode';
import type { Role } from '../../shared/definition.js';
import { attends, isPublicRole } from '../../shared/meeting/roles.js';
import { day } from '../export/format.js';
import type { ParticipantLink } from './create.js';
import { ROLE_LABEL } from './roleLabels.js';

/** What a card says about the meeting, besides the participant. */
export interface CardsMeeting {
  meetingId: string;
  title: string;
  organisation: string;
  location: string;
  /** ISO dates (yyyy-mm-dd), as in the definition. */
  days: string[];
}

/** Two columns of four cards fill an A4 sheet inside 10 mm margins. */
export const CARDS_PER_SHEET = 8;

const NOTE: Record<'personal' | 'screen' | 'observer', string> = {
  personal:
    'Liên kết cá nhân và bí mật: không chuyển cho người khác. Mất thẻ, báo ngay chủ trì để cấp lại. ' +
    '<span class="en">Personal and secret: do not share. If lost, tell the chair, who reissues it.</span>',
  screen: 'Mở liên kết này trên máy tính nối với máy chiếu hội trường. Giữ bí mật. ' + '<span class="en">Open on the projector PC. Keep it secret.</span>',
  observer: 'Liên kết theo dõi, chỉ xem; màn hình hội trường cũng hiện mã này. ' + '<span class="en">Read-only observer link; the room screen shows it too.</span>',
};

const noteFor = (role: Role) => (isPublicRole(role) ? NOTE.observer : attends(role) ? NOTE.personal : NOTE.screen);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function dateRange(days: readonly string[]): string {
  if (days.length === 0) return '';
  return days.length === 1 ? day(days[0]) : `${day(days[0])} – ${day(days[days.length - 1])}`;
}

/** The QR code of a link as inline SVG, drawn here so the link never goes to a third party. */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="QR ${escapeHtml(url)}" `);
}

async function card(meeting: CardsMeeting, link: ParticipantLink, when: string): Promise<string> {
  const label = ROLE_LABEL[link.role];
  return `<article class="card role-${link.role}" data-participant="${escapeHtml(link.participantId)}">
  <header>
    <div class="org">${escapeHtml(meeting.organisation)}</div>
    <div class="title">${escapeHtml(meeting.title)}</div>
    <div class="when">${escapeHtml(when)}</div>
  </header>
  <div class="body">
    <div class="qr">${await qrSvg(link.url)}</div>
    <div class="who">
      <div class="role">${escapeHtml(label.vi)} <span class="en">${escapeHtml(label.en)}</span></div>
      <div class="name">${escapeHtml(link.name)}</div>
      <div class="position">${escapeHtml(link.position)}</div>
    </div>
  </div>
  <div class="link">${escapeHtml(link.url)}</div>
  <p class="note">${noteFor(link.role)}</p>
</article>`;
}

/**
 * A self-contained printable page of join cards, one per participant: name, position, role, the
 * QR code of the personal link and the link itself. It holds every secret link of the meeting, so
 * it is written only where the links are created (CLI, demo, `POST /api/meetings?cards=1`).
 */
export async function joinCardsHtml(meeting: CardsMeeting, links: readonly ParticipantLink[]): Promise<string> {
  const when = [dateRange(meeting.days), meeting.location].filter(Boolean).join(' · ');
  const cards = await Promise.all(links.map((l) => card(meeting, l, when)));
  const sheets: string[] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_SHEET) {
    sheets.push(`<section class="sheet">\n${cards.slice(i, i + CARDS_PER_SHEET).join('\n')}\n</section>`);
  }
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Thẻ tham dự — ${escapeHtml(meeting.title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="toolbar">
  <div>
    <strong>Thẻ tham dự / Join cards</strong> — ${escapeHtml(meeting.title)} (${links.length} thẻ, ${sheets.length} trang A4)<br>
    <small>Tệp này chứa liên kết bí mật của mọi người tham dự: giữ kín, in xong thì xóa. / This file holds every participant's secret link: keep it safe, delete it once printed.</small>
  </div>
  <button type="button" onclick="window.print()">In / Print</button>
</div>
${sheets.join('\n')}
</body>
</html>
`;
}

const CSS = `
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #e6e6e6; color: #111; font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; }
.toolbar { display: flex; gap: 16px; align-items: center; justify-content: space-between; padding: 12px 20px; background: #fff; border-bottom: 1px solid #ccc; font-size: 14px; }
.toolbar button { min-height: 44px; min-width: 120px; font-size: 16px; cursor: pointer; }
.sheet { width: 190mm; height: 277mm; margin: 0 auto; background: #fff; display: grid; grid-template-columns: repeat(2, 93mm); grid-template-rows: repeat(4, 67mm); gap: 3mm 4mm; break-after: page; page-break-after: always; }
.sheet:last-of-type { break-after: auto; page-break-after: auto; }
.card { border: 0.3mm dashed #888; padding: 3mm 3.5mm; display: flex; flex-direction: column; gap: 1.5mm; overflow: hidden; break-inside: avoid; }
.card header { border-bottom: 0.3mm solid #b22; padding-bottom: 1mm; }
.org { font-size: 7pt; text-transform: uppercase; letter-spacing: .02em; color: #b22; font-weight: 600; }
.title { font-size: 8pt; font-weight: 600; line-height: 1.2; }
.when { font-size: 6.5pt; color: #444; }
.body { display: flex; gap: 3mm; flex: 1; min-height: 0; }
.qr { flex: 0 0 36mm; }
.qr svg { width: 36mm; height: 36mm; display: block; }
.who { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.role { font-size: 8pt; font-weight: 700; color: #b22; text-transform: uppercase; }
.role .en { font-weight: 400; color: #666; text-transform: none; }
.name { font-size: 13pt; font-weight: 700; line-height: 1.15; }
.position { font-size: 7.5pt; line-height: 1.25; color: #333; max-height: 4.2em; overflow: hidden; }
.link { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 6.5pt; word-break: break-all; line-height: 1.2; }
.note { margin: 0; font-size: 6pt; line-height: 1.25; color: #333; }
.en { color: #666; }
@media screen {
  /* The sheet as paper: the print margins become padding, so the cards sit where they will print. */
  .sheet { box-sizing: content-box; padding: 10mm; margin: 8mm auto; box-shadow: 0 2px 12px rgba(0,0,0,.2); }
}
@media print {
  body { background: none; }
  .toolbar { display: none; }
}
`;
