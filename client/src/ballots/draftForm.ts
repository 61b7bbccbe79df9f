import { BallotDraft, type BallotDraftInput } from '../../../shared/ballots/draft.js';
import { OFFICIAL_SCALE, type BallotOption } from '../../../shared/ballots/scale.js';
import type { Ballot, BallotKind, Eligibility, Majority } from '../../../shared/ballots/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { activeItem } from '../../../shared/meeting/state.js';
import { COLLECTIVE } from '../../../shared/ballots/scale.js';

/** The chair's form as edited: fractions as "n/d" strings so selects can hold them. */
export interface DraftForm {
  kind: BallotKind;
  title: string;
  subjects: string[];
  /** A choice's options, or a rating's scale when it is not the official one (from a definition). */
  options: BallotOption[];
  allowAbstain: boolean;
  selfRating: boolean;
  eligibility: Eligibility;
  closeWhenAllVoted: boolean;
  /** Minutes, or '' for no deadline. */
  deadline: string;
  quorum: string;
  majority: string;
  itemId: string;
}

export const QUORUM_PRESETS = ['2/3', '1/2', '3/4', '0/1'] as const;
export const MAJORITY_PRESETS = ['cast-1/2-more-than', 'members-1/2-more-than', 'members-2/3-at-least', 'members-2/3-more-than'] as const;
export const DEADLINE_MINUTES = [5, 10, 15, 20, 30, 60];

const fraction = ([n, d]: [number, number]) => `${n}/${d}`;
export const parseFraction = (s: string): [number, number] => {
  const [n, d] = s.split('/').map(Number);
  return [n, d];
};
/** "base-n/d-threshold", e.g. "members-2/3-at-least": one select holds the whole rule. */
export const majorityKey = (m: Majority) => `${m.base}-${fraction(m.fraction)}-${m.threshold ?? 'more-than'}`;
const parseMajority = (s: string): Majority => {
  const [base, f, ...threshold] = s.split('-');
  return { base: base === 'members' ? 'members' : 'cast', fraction: parseFraction(f), threshold: threshold.join('-') === 'at-least' ? 'at-least' : 'more-than' };
};
const sameScale = (a: BallotOption[], b: BallotOption[]) => a.length === b.length && a.every((o, i) => o.id === b[i].id);

/** A new draft, fitted to what the room is doing: the member under review, or the collective. */
export function newForm(state: MeetingState, kind: BallotKind, title: string): DraftForm {
  const item = activeItem(state);
  const subjects = item?.kind === 'individual-review' && item.subject ? [item.subject] : item?.kind === 'collective-review' ? [COLLECTIVE] : [];
  return {
    kind,
    title,
    subjects,
    options: kind === 'choice' ? OFFICIAL_SCALE : [],
    allowAbstain: false,
    selfRating: false,
    eligibility: 'present-members',
    closeWhenAllVoted: true,
    deadline: '',
    quorum: '2/3',
    majority: 'cast-1/2-more-than',
    itemId: item?.id ?? '',
  };
}

export function formOf(ballot: Ballot): DraftForm {
  return {
    kind: ballot.kind,
    title: ballot.title,
    subjects: ballot.kind === 'rating' ? ballot.subjects : [],
    options: ballot.kind === 'choice' || (ballot.kind === 'rating' && !sameScale(ballot.options, OFFICIAL_SCALE)) ? ballot.options : [],
    allowAbstain: ballot.allowAbstain,
    selfRating: ballot.selfRating,
    eligibility: ballot.eligibility,
    closeWhenAllVoted: ballot.closeWhenAllVoted,
    deadline: ballot.deadlineMinutes === null ? '' : String(ballot.deadlineMinutes),
    quorum: fraction(ballot.quorum),
    majority: majorityKey(ballot.majority),
    itemId: ballot.itemId ?? '',
  };
}

/** The form as the shared schema's input: only the fields that apply to its kind. */
export function draftInput(form: DraftForm): BallotDraftInput {
  return {
    kind: form.kind,
    title: form.title,
    ...(form.kind === 'rating' ? { subjects: form.subjects, selfRating: form.selfRating } : {}),
    ...(form.kind !== 'motion' && form.options.length > 0 ? { options: form.options } : {}),
    ...(form.kind !== 'motion' ? { allowAbstain: form.allowAbstain } : {}),
    ...(form.kind === 'motion' ? { majority: parseMajority(form.majority) } : {}),
    eligibility: form.eligibility,
    closeWhenAllVoted: form.closeWhenAllVoted,
    ...(form.deadline ? { deadlineMinutes: Number(form.deadline) } : {}),
    quorum: parseFraction(form.quorum),
    ...(form.itemId ? { itemId: form.itemId } : {}),
  };
}

/** A problem is the name of a missing field ('title', 'subjects' or 'options') or else the schema's message. */
export type DraftCheck = { ok: true; draft: BallotDraft } | { ok: false; problems: string[] };

/** Checks the form with the same schema the server applies, naming what is missing. */
export function checkForm(form: DraftForm): DraftCheck {
  const parsed = BallotDraft.safeParse(draftInput(form));
  if (parsed.success) return { ok: true, draft: parsed.data };
  const problems = parsed.error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    return field === 'title' || field === 'subjects' || field === 'options' ? field : i.message;
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/** An id for an option the chair adds: short, unique within the ballot, never "abstain". */
export function nextOptionId(options: BallotOption[]): string {
  let n = options.length + 1;
  while (options.some((o) => o.id === `option-${n}`)) n += 1;
  return `option-${n}`;
}
