import { ABSTAIN, COLLECTIVE } from '../../../shared/ballots/scale.js';
import type { Ballot } from '../../../shared/ballots/types.js';
import type { MeetingState } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface SubjectLabel {
  name: string;
  /** The participant's position, or nothing for the collective and for a motion's single row. */
  detail: string;
}

export interface BallotLabels {
  subject: (subject: string) => SubjectLabel;
  answer: (answer: string) => string;
}

/** Names for a ballot's rows and answers in the current language; a ballot carries both languages itself. */
export function useBallotLabels(state: MeetingState, ballot: Ballot): BallotLabels {
  const { t, lang } = useI18n();
  return {
    subject: (subject) => {
      if (ballot.kind !== 'rating') return { name: ballot.title, detail: '' };
      if (subject === COLLECTIVE) return { name: t.ballots.collective, detail: state.organisation };
      const p = state.participants.find((x) => x.id === subject);
      return p ? { name: p.name, detail: p.position } : { name: subject, detail: '' };
    },
    answer: (answer) => {
      if (answer === ABSTAIN && !ballot.options.some((o) => o.id === ABSTAIN)) return t.ballots.abstain;
      const option = ballot.options.find((o) => o.id === answer);
      return option ? option[lang] : answer;
    },
  };
}

const FIXED_TONES = new Set(['excellent', 'good', 'completed', 'not-completed', 'agree', 'disagree', 'abstain']);

/** CSS class for an answer's colour: the official levels and a motion's answers always get the same one. */
export function answerTone(ballot: Ballot, answer: string): string {
  if (FIXED_TONES.has(answer)) return `tone-${answer}`;
  const index = ballot.options.findIndex((o) => o.id === answer);
  return `tone-${Math.max(0, index) % 6}`;
}
