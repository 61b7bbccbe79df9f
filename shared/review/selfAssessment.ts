import { COLLECTIVE, OFFICIAL_SCALE } from '../ballots/scale.js';
import type { CommandOf } from '../meeting/commands.js';
import { accept, reject, type DecideContext, type Decision } from '../meeting/decision.js';
import type { MeetingEvent } from '../meeting/events.js';
import { isVoter, type Actor } from '../meeting/roles.js';
import { activeItem, findParticipant, type AgendaItem, type MeetingState } from '../meeting/state.js';
import { isBetter, levelForScore, scoreProblem, totalScore } from './levels.js';
import type { ReviewRules } from './rules.js';
import type { SelfAssessment } from './types.js';

export type SelfAssessmentCommand = CommandOf<'review.submitSelf'>;

/** What a self-assessment's form fields hold, before the server dates it. */
export type SelfAssessmentFields = Pick<SelfAssessmentCommand, 'level' | 'scores' | 'exceededShare' | 'text'>;

/** Why a self-assessment does not fit the meeting's rules; null when it does. */
export type AssessmentProblem =
  | { kind: 'not-a-level' }
  | { kind: 'scores'; message: string }
  /** The self-level is better than the score allows: `allowed` is the best level it does. */
  | { kind: 'above-score'; allowed: string; total: number };

const WORST = OFFICIAL_SCALE[OFFICIAL_SCALE.length - 1].id;

/**
 * The best level a form's scores allow (QĐ 366's bands, as the definition sets them). A total below
 * every band the organiser listed allows only the lowest level: there is nothing lower to rate.
 */
export function allowedLevel(fields: Pick<SelfAssessmentFields, 'scores' | 'exceededShare'>, rules: Pick<ReviewRules, 'scoreBands'>): string {
  return levelForScore(totalScore(fields.scores), fields.exceededShare ?? null, rules.scoreBands) ?? WORST;
}

/**
 * The rules of a self-assessment, shared by the server's decision and the tablet's form: a level of
 * the official scale; scores that fit the meeting's form (none when it has no form); and, when there
 * is a form, a level no better than the score allows (QĐ 366 ties each level to its band).
 */
export function assessmentProblem(fields: SelfAssessmentFields, rules: Pick<ReviewRules, 'scoreForm' | 'scoreBands'>): AssessmentProblem | null {
  if (!OFFICIAL_SCALE.some((o) => o.id === fields.level)) return { kind: 'not-a-level' };
  if (rules.scoreForm === null) {
    return Object.keys(fields.scores).length === 0 ? null : { kind: 'scores', message: 'this meeting rates by level only: no scores' };
  }
  const wrong = scoreProblem(fields.scores, rules.scoreForm);
  if (wrong) return { kind: 'scores', message: wrong };
  const allowed = allowedLevel(fields, rules);
  return isBetter(fields.level, allowed, OFFICIAL_SCALE) ? { kind: 'above-score', allowed, total: totalScore(fields.scores) } : null;
}

/** Line endings as one, and no blank space around the whole: the text is plain paragraphs. */
export function normaliseSelfReview(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The assessment as stored and, once disclosed, shown: the form's fields dated by the server. */
export function assessmentOf(fields: SelfAssessmentFields, submittedAt: number): SelfAssessment {
  return { level: fields.level, scores: { ...fields.scores }, exceededShare: fields.exceededShare ?? null, text: normaliseSelfReview(fields.text), submittedAt };
}

/** The subject whose self-assessment an agenda item shows: that of an individual's review item. */
export function itemSubjects(item: Pick<AgendaItem, 'kind' | 'subject'> | undefined): string[] {
  return item?.kind === 'individual-review' && item.subject ? [item.subject] : [];
}

/** Those of `ids` whose self-assessment is handed in and not yet shown: what opening their item or rating discloses. */
export function awaitingDisclosure(state: Pick<MeetingState, 'selfAssessed' | 'disclosed'>, ids: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (id === undefined || id === COLLECTIVE || out.includes(id)) continue;
    if (Object.hasOwn(state.selfAssessed, id) && !Object.hasOwn(state.disclosed, id)) out.push(id);
  }
  return out;
}

/**
 * The `review.disclosed` events for `ids`, their content from the store (`ctx.selfAssessments`).
 * Null when one is awaited but the server supplied none: the step must not go ahead without it.
 */
export function disclosures(
  state: Pick<MeetingState, 'selfAssessed' | 'disclosed'>,
  ids: readonly (string | undefined)[],
  supplied: DecideContext['selfAssessments'],
): MeetingEvent[] | null {
  const due = awaitingDisclosure(state, ids);
  if (due.length === 0) return [];
  if (!supplied) return null;
  return due.flatMap((participantId) => {
    const assessment = supplied[participantId];
    return assessment ? [{ type: 'review.disclosed', participantId, assessment } as const] : [];
  });
}

/** Whether the member's assessment is before the body now: their review item is open, or a rating of them is. */
export function underReviewNow(state: MeetingState, participantId: string): boolean {
  if (itemSubjects(activeItem(state)).includes(participantId)) return true;
  return state.ballots.some((b) => b.kind === 'rating' && b.status === 'open' && b.subjects.includes(participantId));
}

/**
 * A member hands in (or changes) their own self-assessment, until it is disclosed. The events say
 * only that they did; the content goes to the store (the registry's `needs.selfAssessment`). Handed
 * in while their item or a rating of them is open, it is disclosed at once: the body is looking.
 */
export function decideSelfAssessment(state: MeetingState, command: SelfAssessmentCommand, actor: Actor, { now }: DecideContext): Decision {
  const id = actor.participantId;
  const me = findParticipant(state, id);
  if (!me || !isVoter(me)) return reject('forbidden', 'only a voting member of the body rates themself');
  if (state.status === 'finished') return reject('invalid-state', 'the meeting has ended: self-assessments are closed', 'self-assessment-closed');
  if (Object.hasOwn(state.disclosed, id)) return reject('invalid-state', 'your self-assessment was already shown to the body', 'self-assessment-disclosed');
  const problem = assessmentProblem(command, state.reviewRules);
  if (problem?.kind === 'not-a-level') return reject('invalid-payload', `level: one of ${OFFICIAL_SCALE.map((o) => o.id).join(', ')}`);
  if (problem?.kind === 'scores') return reject('invalid-payload', problem.message, 'score-form-mismatch');
  if (problem?.kind === 'above-score') {
    return reject('invalid-state', `a total of ${problem.total} allows at best "${problem.allowed}"`, 'self-level-above-score', {
      allowed: OFFICIAL_SCALE.findIndex((o) => o.id === problem.allowed),
      total: problem.total,
    });
  }
  const submitted: MeetingEvent = { type: 'review.selfSubmitted', participantId: id, at: now };
  if (!underReviewNow(state, id)) return accept(submitted);
  return accept(submitted, { type: 'review.disclosed', participantId: id, assessment: assessmentOf(command, now) });
}
