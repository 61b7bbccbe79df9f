import type { MigrationStep, Stored } from './step.js';

/**
 * Schema 4 → 5: the review (issue 17). A meeting stored before it had no self-assessments and no
 * counting committee, and its chair published ratings alone: it keeps doing so (`required: false`),
 * with the other review rules at their schema 5 defaults, copied here as they were released.
 */
const REVIEW_RULES_V5 = {
  scoreForm: null,
  scoreBands: [
    { level: 'excellent', min: 90, exceededShare: 30 },
    { level: 'good', min: 70 },
    { level: 'completed', min: 50 },
    { level: 'not-completed', min: 0 },
  ],
  levelRule: { fraction: [1, 2], threshold: 'more-than', base: 'cast' },
  caps: [{ level: 'excellent', atMost: [20, 100], of: ['excellent', 'good'] }],
  countingCommittee: { required: false, min: 2, max: 5 },
  collectiveFirst: false,
};

const MINUTES_SECTIONS_V5 = ['Thời gian, địa điểm', 'Thành phần tham dự', 'Chủ trì, thư ký', 'Nội dung', 'Ý kiến thảo luận', 'Kết quả đánh giá, xếp loại', 'Kết luận của chủ trì'];

const ballotV5 = (b: Stored): Stored => ({ ...b, levelRule: b.levelRule ?? null, confirmations: Array.isArray(b.confirmations) ? b.confirmations : [] });

function ballotsOf(value: unknown): Stored[] {
  return Array.isArray(value) ? (value as Stored[]) : [];
}

export const toV5: MigrationStep = {
  to: 5,
  state: (s) => ({
    ...s,
    schemaVersion: 5,
    ballots: ballotsOf(s.ballots).map(ballotV5),
    reviewRules: s.reviewRules ?? REVIEW_RULES_V5,
    selfAssessed: s.selfAssessed ?? {},
    disclosed: s.disclosed ?? {},
    committee: s.committee ?? null,
    record: s.record ?? { parentBody: '', minutesSections: MINUTES_SECTIONS_V5 },
  }),
  // A ballot created or updated in an older record is a whole ballot without the new fields.
  events: (events) =>
    events.map((e) =>
      (e.type === 'ballot.created' || e.type === 'ballot.updated') && typeof e.ballot === 'object' && e.ballot !== null ? { ...e, ballot: ballotV5(e.ballot as Stored) } : e,
    ),
};
