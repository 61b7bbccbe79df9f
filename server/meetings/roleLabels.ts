import type { Role } from '../../shared/definition.js';

/** How the organiser's printouts (join cards, the CLI's table) name each role: Vietnamese, then English. */
export const ROLE_LABEL: Record<Role, { vi: string; en: string }> = {
  chair: { vi: 'Chủ trì', en: 'Chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  member: { vi: 'Ủy viên', en: 'Member' },
  guest: { vi: 'Đại biểu mời', en: 'Guest delegate' },
  observer: { vi: 'Theo dõi', en: 'Observer' },
  screen: { vi: 'Màn hình hội trường', en: 'Room screen' },
};
