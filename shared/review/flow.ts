import { COLLECTIVE } from '../ballots/scale.js';
import type { Ballot } from '../ballots/types.js';
import { isVoter } from '../meeting/roles.js';
import type { AgendaItem, MeetingState } from '../meeting/state.js';

/**
 * The review's order of the day (QĐ 366 and its guidance): the collective first — its report, then
 * its rating — then each individual: their self-review, the others' comments, the body's rating.
 * Read from the agenda's item kinds (`collective-review`, `individual-review` with its subject) and
 * the ratings' subjects, so a definition describes the flow by listing them in that order (as the
 * example does); nothing else needs configuring.
 */
export type StepStatus = 'done' | 'active' | 'pending' | 'skipped' | 'missing';
export type StepKind = 'report' | 'self-review' | 'comments' | 'rating';

export interface FlowStep {
  kind: StepKind;
  status: StepStatus;
  itemId: string | null;
  ballotId: string | null;
}

export interface FlowStage {
  /** COLLECTIVE, or the member under review. */
  subject: string;
  steps: FlowStep[];
}

export interface ReviewFlow {
  stages: FlowStage[];
  /** Where the meeting stands: the first step under way, else the first not yet done. */
  here: { stage: number; step: number } | null;
  /** Self-assessments handed in, of the voters who have one to hand in. */
  selfAssessed: { handedIn: number; of: number };
  /** An individual's step is under way or done while the collective's are not done: the order was not kept. */
  outOfOrder: boolean;
}

const FINISHED = new Set(['published', 'cancelled']);

function itemStatus(items: readonly AgendaItem[]): StepStatus {
  if (items.length === 0) return 'missing';
  if (items.some((i) => i.status === 'active')) return 'active';
  if (items.every((i) => i.status === 'skipped')) return 'skipped';
  if (items.every((i) => i.status === 'done' || i.status === 'skipped')) return 'done';
  return items.some((i) => i.status === 'done') ? 'active' : 'pending';
}

/** A rating is done once published; under way while open, or closed awaiting its count. */
function ratingStep(ballots: readonly Ballot[]): FlowStep {
  const live = ballots.filter((b) => b.status !== 'cancelled');
  const ballot = live.find((b) => b.status !== 'published') ?? live[0] ?? null;
  const status: StepStatus = !ballot ? 'missing' : ballot.status === 'published' ? 'done' : ballot.status === 'draft' ? 'pending' : 'active';
  return { kind: 'rating', status, itemId: ballot?.itemId ?? null, ballotId: ballot?.id ?? null };
}

/** The self-review is the subject's own speech in their item; the comments are everyone else's after it. */
function individualSteps(item: AgendaItem, subject: string): [FlowStep, FlowStep] {
  const spoke = item.queue.speeches.some((s) => s.participantId === subject);
  const speaking = item.queue.current?.participantId === subject;
  const base = { itemId: item.id, ballotId: null };
  if (item.status === 'done')
    return [
      { ...base, kind: 'self-review', status: 'done' },
      { ...base, kind: 'comments', status: 'done' },
    ];
  if (item.status === 'skipped')
    return [
      { ...base, kind: 'self-review', status: 'skipped' },
      { ...base, kind: 'comments', status: 'skipped' },
    ];
  if (item.status === 'pending')
    return [
      { ...base, kind: 'self-review', status: 'pending' },
      { ...base, kind: 'comments', status: 'pending' },
    ];
  return spoke && !speaking
    ? [
        { ...base, kind: 'self-review', status: 'done' },
        { ...base, kind: 'comments', status: 'active' },
      ]
    : [
        { ...base, kind: 'self-review', status: 'active' },
        { ...base, kind: 'comments', status: 'pending' },
      ];
}

export function reviewFlow(state: MeetingState): ReviewFlow {
  const ratings = state.ballots.filter((b) => b.kind === 'rating');
  const ratingsOf = (subject: string) => ratings.filter((b) => b.subjects.includes(subject));
  const stages: FlowStage[] = [];
  const collectiveItems = state.agenda.filter((i) => i.kind === 'collective-review');
  if (collectiveItems.length > 0 || ratingsOf(COLLECTIVE).length > 0) {
    stages.push({
      subject: COLLECTIVE,
      steps: [{ kind: 'report', status: itemStatus(collectiveItems), itemId: collectiveItems[0]?.id ?? null, ballotId: null }, ratingStep(ratingsOf(COLLECTIVE))],
    });
  }
  for (const item of state.agenda) {
    if (item.kind !== 'individual-review' || item.subject === null) continue;
    stages.push({ subject: item.subject, steps: [...individualSteps(item, item.subject), ratingStep(ratingsOf(item.subject))] });
  }
  const flat = stages.flatMap((stage, s) => stage.steps.map((step, i) => ({ s, i, step })));
  const at = flat.find((x) => x.step.status === 'active') ?? flat.find((x) => x.step.status === 'pending');
  const collective = stages[0]?.subject === COLLECTIVE ? stages[0] : null;
  const collectiveOpen = collective?.steps.some((s) => s.status !== 'done' && s.status !== 'skipped' && s.status !== 'missing') ?? false;
  const individualsMoved = stages.some((st) => st.subject !== COLLECTIVE && st.steps.some((s) => s.status === 'active' || s.status === 'done'));
  const voters = state.participants.filter(isVoter);
  return {
    stages,
    here: at ? { stage: at.s, step: at.i } : null,
    selfAssessed: { handedIn: voters.filter((p) => state.selfAssessed[p.id] !== undefined).length, of: voters.length },
    outOfOrder: collectiveOpen && individualsMoved,
  };
}

/**
 * The rule that keeps the order where it can be kept (`reviewRules.collectiveFirst`): a rating of
 * individuals does not open before the collective's report items are held and its rating published.
 * Null when it may open.
 */
export function collectiveFirstProblem(state: MeetingState, ballot: Ballot): string | null {
  if (!state.reviewRules.collectiveFirst || ballot.kind !== 'rating') return null;
  if (!ballot.subjects.some((s) => s !== COLLECTIVE)) return null;
  const reportPending = state.agenda.some((i) => i.kind === 'collective-review' && (i.status === 'pending' || i.status === 'active'));
  const ratingPending = state.ballots.some((b) => b.id !== ballot.id && b.kind === 'rating' && b.subjects.includes(COLLECTIVE) && !FINISHED.has(b.status));
  if (reportPending) return 'the collective is reviewed first: hold its report items before rating individuals';
  if (ratingPending) return "the collective is rated first: publish the collective's rating before rating individuals";
  return null;
}
