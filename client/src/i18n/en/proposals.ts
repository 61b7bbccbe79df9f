import type { proposalsVi } from '../proposals.js';

export const proposalsEn: typeof proposalsVi = {
  self: 'Self-rating',
  proposed: 'Proposed',
  proposedLong: 'Proposed level',
  none: 'Too few votes to propose a level',
  notSelfRated: 'No self-rating yet',
  differs: 'Differs from the self-rating',
  rule: (n, d, atLeast, answers) =>
    `Proposed: the highest level whose votes, counted down from the top, reach ${atLeast ? 'at least' : 'more than'} ${n}/${d} of the ${answers ? 'answers' : 'votes cast'}.`,
  capOk: (level, count, allowed, base, pct) => `${level}: ${count} (at most ${allowed}, ${pct} of ${base})`,
  capBreached: (level, count, allowed, base, pct) =>
    `Cap exceeded: ${count} proposed ${level}, at most ${allowed} (${pct} of ${base}). For the competent body to decide; nothing was adjusted.`,
  capBreachedShort: (level, count, allowed, pct) => `Cap exceeded: ${count} proposed ${level}, at most ${allowed} (${pct}); not adjusted`,
  flow: {
    title: 'Order of the review',
    collective: 'The collective',
    individuals: 'Individuals',
    report: 'Review report',
    selfReview: 'Self-review',
    comments: 'Comments',
    rating: 'Rating',
    committee: 'Counting committee',
    selfAssessed: (n, of) => `Self-assessments handed in: ${n}/${of}`,
    steps: { done: 'Done', active: 'Under way', pending: 'Not yet', skipped: 'Skipped', missing: 'Not on the agenda' },
    here: 'The meeting is here',
    outOfOrder: 'Out of order: the collective has not been rated yet',
    noReview: 'The agenda holds no review.',
  },
};
