import { MeetingDefinition, type MeetingDefinitionInput } from '../../shared/definition.js';

/** A small fictional meeting for tests: chair, secretary, four members, a guest, a screen, an observer. */
export function testDefinition(overrides: Partial<MeetingDefinitionInput> = {}): MeetingDefinition {
  return MeetingDefinition.parse({
    title: 'Hội nghị kiểm điểm (thử nghiệm)',
    organisation: 'Ban Thường vụ (hư cấu)',
    location: 'Phòng họp số 1',
    days: ['2024-12-26', '2024-12-27'],
    speakingSeconds: 180,
    participants: [
      { id: 'chair', name: 'Nguyễn Văn Chủ', position: 'Bí thư', role: 'chair' },
      { id: 'sec', name: 'Trần Thị Thư', position: 'Thư ký', role: 'secretary' },
      { id: 'm1', name: 'Lê Văn Một', position: 'Ủy viên', role: 'member' },
      { id: 'm2', name: 'Phạm Thị Hai', position: 'Ủy viên', role: 'member' },
      { id: 'm3', name: 'Hoàng Văn Ba', position: 'Ủy viên', role: 'member' },
      { id: 'm4', name: 'Đỗ Thị Bốn', position: 'Ủy viên', role: 'member' },
      { id: 'guest', name: 'Vũ Văn Khách', position: 'Đại biểu', role: 'guest' },
      { id: 'screen', name: 'Màn hình', role: 'screen' },
      { id: 'obs', name: 'Theo dõi', role: 'observer' },
    ],
    agenda: [
      { id: 'open', day: 1, title: 'Khai mạc', kind: 'procedure', plannedMinutes: 10, presenter: 'chair' },
      { id: 'collective', day: 1, title: 'Kiểm điểm tập thể', kind: 'collective-review', plannedMinutes: 90 },
      { id: 'review-m1', day: 1, title: 'Kiểm điểm đồng chí Lê Văn Một', kind: 'individual-review', subject: 'm1', plannedMinutes: 45 },
      { id: 'review-m2', day: 2, title: 'Kiểm điểm đồng chí Phạm Thị Hai', kind: 'individual-review', subject: 'm2', plannedMinutes: 45 },
      { id: 'close', day: 2, title: 'Bế mạc', kind: 'procedure', plannedMinutes: 10 },
    ],
    // Tests about counting, sealing and the meeting's flow vote without the PIN; the PIN's own tests
    // (tests/ballots/pin*.test.ts), the attacks and the anonymity tests use the default, required.
    ballotRules: { votingPin: 'off' },
    // Older tests use the observer as a plain reader of notes and results; the public link's defaults
    // (no notes, only the collective's rating) have their own test, tests/security/observer-link.test.ts.
    observers: { notes: true, ratings: 'all' },
    // Older tests publish as the chair and open items in any order; the counting committee and the
    // collective-first order have their own tests (tests/review/).
    review: { countingCommittee: { required: false }, collectiveFirst: false },
    // Older tests start from empty minutes and compare their text; the template has its own tests
    // (tests/yjs/minutes-template.test.ts).
    record: { minutesSections: [] },
    ...overrides,
  });
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Võ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hạnh', 'Khang', 'Lâm', 'Mai', 'Nghĩa', 'Oanh', 'Phúc', 'Quế', 'Sương', 'Thắng', 'Uyên', 'Vinh', 'Xuân', 'Yên'];

/**
 * Member ids of `committeeDefinition(size)`: u00 (the chair), u01, u02, … Fixed width, so no id is
 * part of another, and none is also a word of the protocol (as "chair" is a role).
 */
export function committeeIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `u${String(i).padStart(2, '0')}`);
}

/**
 * A fictional committee of `size` voting members (the chair among them), plus a secretary who is
 * not a member, a guest, the room screen and an observer.
 */
export function committeeDefinition(size: number, overrides: Partial<MeetingDefinitionInput> = {}): MeetingDefinition {
  const members = committeeIds(size).map((id, i) => ({
    id,
    name: `${FAMILY[i % FAMILY.length]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[i % GIVEN.length]}`,
    position: i === 0 ? 'Bí thư' : 'Ủy viên Ban Thường vụ',
    role: i === 0 ? ('chair' as const) : ('member' as const),
  }));
  return testDefinition({
    participants: [
      ...members,
      { id: 'sec', name: 'Trần Thị Thư', position: 'Thư ký', role: 'secretary' },
      { id: 'guest', name: 'Vũ Văn Khách', position: 'Đại biểu', role: 'guest' },
      { id: 'screen', name: 'Màn hình', role: 'screen' },
      { id: 'obs', name: 'Theo dõi', role: 'observer' },
    ],
    agenda: [
      { id: 'open', day: 1, title: 'Khai mạc', kind: 'procedure', plannedMinutes: 10, presenter: 'u00' },
      { id: 'rating', day: 2, title: 'Đánh giá, xếp loại', kind: 'ballot', plannedMinutes: 30 },
    ],
    ...overrides,
  });
}
