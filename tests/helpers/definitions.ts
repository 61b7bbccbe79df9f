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
    ...overrides,
  });
}
