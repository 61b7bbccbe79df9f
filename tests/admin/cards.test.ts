import { describe, expect, it } from 'vitest';
import { CARDS_PER_SHEET, dateRange, joinCardsHtml, qrSvg } from '../../server/meetings/cards.js';
import type { ParticipantLink } from '../../server/meetings/create.js';

const meeting = {
  meetingId: 'abc123',
  title: 'Hội nghị kiểm điểm (thử nghiệm)',
  organisation: 'Ban Thường vụ (hư cấu)',
  location: 'Phòng họp số 1',
  days: ['2024-12-26', '2024-12-27'],
};

function links(n: number): ParticipantLink[] {
  return Array.from({ length: n }, (_, i) => ({
    participantId: `p${i + 1}`,
    name: `Người tham dự ${i + 1}`,
    position: `Chức vụ ${i + 1}`,
    role: i === 0 ? 'chair' : i === n - 1 ? 'observer' : 'member',
    url: `http://192.168.1.10:3000/join/token-${i + 1}-${'x'.repeat(20)}`,
  }));
}

const cardsOf = (html: string) => html.split('<article class="card').slice(1);

describe('join cards', () => {
  it('has one card per participant with name, position, role in Vietnamese, the link and its own QR code', async () => {
    const all = links(11);
    const html = await joinCardsHtml(meeting, all);
    const cards = cardsOf(html);
    expect(cards).toHaveLength(all.length);
    for (const [i, link] of all.entries()) {
      const card = cards[i];
      expect(card).toContain(`data-participant="${link.participantId}"`);
      expect(card).toContain(link.name);
      expect(card).toContain(link.position);
      expect(card).toContain(`<div class="link">${link.url}</div>`);
      // The QR code drawn on this card is the one of this card's link, not a neighbour's.
      expect(card).toContain(await qrSvg(link.url));
      expect(card.match(/<svg /g)).toHaveLength(1);
    }
    expect(cards[0]).toContain('Chủ trì');
    expect(cards[1]).toContain('Ủy viên');
    expect(cards[10]).toContain('Theo dõi');
    expect(cards[1]).toContain('Liên kết cá nhân và bí mật');
    expect(cards[10]).not.toContain('Liên kết cá nhân và bí mật'); // the observer link is public
    expect(html).toContain('26/12/2024 – 27/12/2024 · Phòng họp số 1');
  });

  it('is one self-contained page with A4 sheets of eight cards and page breaks', async () => {
    const html = await joinCardsHtml(meeting, links(17));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4 portrait');
    expect(html).toContain('break-after: page');
    const sheets = html.split('<section class="sheet">').slice(1);
    expect(sheets.map((s) => cardsOf(s).length)).toEqual([CARDS_PER_SHEET, CARDS_PER_SHEET, 1]);
    // Nothing is fetched from elsewhere: no external scripts, styles, fonts or images.
    expect(html).not.toMatch(/<(script|link|img)\b|url\(|@import|https?:\/\/(?!192\.168\.1\.10:3000\/join\/|www\.w3\.org\/2000\/svg")/);
  });

  it('escapes what the organiser typed', async () => {
    const html = await joinCardsHtml({ ...meeting, title: 'Họp <b>&</b>' }, [
      { participantId: 'x', name: '<script>alert(1)</script>', position: '"Trưởng" & \'Phó\'', role: 'guest', url: 'http://h/join/t' },
    ]);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Họp &#60;b&#62;&#38;&#60;/b&#62;');
    expect(html).toContain('&#34;Trưởng&#34; &#38; &#39;Phó&#39;');
  });

  it('writes dates as dd/MM/yyyy', () => {
    expect(dateRange(['2024-12-26'])).toBe('26/12/2024');
    expect(dateRange(['2024-12-26', '2024-12-27'])).toBe('26/12/2024 – 27/12/2024');
    expect(dateRange([])).toBe('');
  });
});
