/**
 * The meeting's rules for the annual review (docs/BALLOTS.md, "The review"), set by the organiser in
 * the definition's `review` block. Zod-free, so the state and every view can read them; the schema
 * is `ReviewRulesSchema` in shared/definition.ts. Each default names the text it follows.
 */

/** One group of criteria on the self-assessment form, scored out of `max` points. */
export interface ScoreGroup {
  id: string;
  vi: string;
  en: string;
  max: number;
}

/**
 * The lowest total score of a level (QĐ 366: excellent from 90, good from 70, completed from 50), and
 * for excellent the share of tasks that must have been exceeded (at least 30 %). Best level first.
 */
export interface ScoreBand {
  level: string;
  /** Points out of 100, inclusive. */
  min: number;
  /** Percent of tasks done beyond what was set, inclusive; absent: no such condition. */
  exceededShare?: number;
}

/**
 * How a rating row's votes become the proposed level: counted down from the best level, the first
 * level whose cumulative votes pass `fraction` of the base is proposed.
 * `base`: `cast`, every paper that had the row (abstentions included); `answers`, abstentions left out.
 */
export interface LevelRule {
  fraction: [number, number];
  threshold: 'more-than' | 'at-least';
  base: 'cast' | 'answers';
}

/** "At most `atMost` of those proposed one of `of` may be proposed `level`": checked and shown, never corrected. */
export interface LevelCap {
  level: string;
  atMost: [number, number];
  of: string[];
}

export interface CommitteeRules {
  /** A rating's results are published only through a counting committee: without one a rating ballot does not open. */
  required: boolean;
  min: number;
  max: number;
}

export interface ReviewRules {
  /** The self-assessment form's criteria groups (their maxima add up to 100), or null: a self-rating by level only. */
  scoreForm: ScoreGroup[] | null;
  scoreBands: ScoreBand[];
  levelRule: LevelRule;
  caps: LevelCap[];
  countingCommittee: CommitteeRules;
  /** Individuals' items and ratings wait until the collective's are done (QĐ 366: collectives first). */
  collectiveFirst: boolean;
}

/** QĐ 366, Điều 11 (as summarised in issue 17): the 100-point bands of the four levels. */
export const QD366_SCORE_BANDS: ScoreBand[] = [
  { level: 'excellent', min: 90, exceededShare: 30 },
  { level: 'good', min: 70 },
  { level: 'completed', min: 50 },
  { level: 'not-completed', min: 0 },
];

/**
 * The example form's two groups. The split of the 100 points between groups is the organiser's,
 * from the guidance their body received (HD 43-HD/BTCTW and the level's own instructions): set it
 * in the definition.
 */
export const DEFAULT_SCORE_FORM: ScoreGroup[] = [
  { id: 'politics-ethics', vi: 'Chính trị, tư tưởng; đạo đức, lối sống; ý thức tổ chức kỷ luật', en: 'Politics and ideology; ethics and lifestyle; discipline', max: 30 },
  { id: 'results', vi: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', en: 'Results of the duties and tasks assigned', max: 70 },
];

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  scoreForm: DEFAULT_SCORE_FORM,
  scoreBands: QD366_SCORE_BANDS,
  levelRule: { fraction: [1, 2], threshold: 'more-than', base: 'cast' },
  // "Excellent" at most 20 % of those rated good or better (QĐ 124, kept by the guidance of QĐ 366).
  caps: [{ level: 'excellent', atMost: [20, 100], of: ['excellent', 'good'] }],
  countingCommittee: { required: true, min: 2, max: 5 },
  collectiveFirst: true,
};

export function reviewRulesOf(state: { reviewRules: ReviewRules }): ReviewRules {
  return state.reviewRules;
}
