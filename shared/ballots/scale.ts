/** An answer a voter can give, with its label in both languages of the app. */
export interface BallotOption {
  id: string;
  vi: string;
  en: string;
}

/** The official four-level rating of cadres and collectives, best first. */
export const OFFICIAL_SCALE: BallotOption[] = [
  { id: 'excellent', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellently completed duties' },
  { id: 'good', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Well completed duties' },
  { id: 'completed', vi: 'Hoàn thành nhiệm vụ', en: 'Completed duties' },
  { id: 'not-completed', vi: 'Không hoàn thành nhiệm vụ', en: 'Did not complete duties' },
];

export const MOTION_OPTIONS: BallotOption[] = [
  { id: 'agree', vi: 'Tán thành', en: 'Agree' },
  { id: 'disagree', vi: 'Không tán thành', en: 'Disagree' },
  { id: 'abstain', vi: 'Không biểu quyết', en: 'Abstain' },
];

/** On a rating or choice paper, a voter who may abstain marks a row with this instead of an option. */
export const ABSTAIN = 'abstain';

/** A rating subject that is the body as a whole rather than one of its members. */
export const COLLECTIVE = 'collective';
