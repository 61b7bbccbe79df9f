import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import { formatPercent, formatPoints } from '../../../shared/format.js';
import { totalScore } from '../../../shared/review/levels.js';
import { itemSubjects } from '../../../shared/review/selfAssessment.js';
import { activeItem } from '../../../shared/meeting/state.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useMeeting } from '../live/useMeeting.js';

/**
 * The self-assessment of the member whose review item is open, once disclosed: their level, their
 * total score and their self-review, as the body reads it while they present it and others comment.
 */
export function DisclosedAssessment() {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const [subject] = itemSubjects(activeItem(state));
  if (subject === undefined) return null;
  const assessment = state.disclosed[subject];
  if (!assessment) {
    return (
      <p className="muted self-none" data-testid="disclosed-none">
        {t.review.noneHandedIn}
      </p>
    );
  }
  const level = OFFICIAL_SCALE.find((o) => o.id === assessment.level);
  const scored = state.reviewRules.scoreForm !== null && Object.keys(assessment.scores).length > 0;
  return (
    <section className="disclosed-assessment" aria-label={t.review.disclosedTitle} data-testid="disclosed-assessment" data-subject={subject}>
      <h3 className="disclosed-title">{t.review.disclosedTitle}</h3>
      <p className="disclosed-level">
        {t.review.selfRated}:{' '}
        <strong className={`disclosed-level-name tone-${assessment.level}`} data-testid="disclosed-level">
          {level ? level[lang] : assessment.level}
        </strong>
      </p>
      {scored && (
        <p className="disclosed-score" data-testid="disclosed-score">
          {t.review.totalScore(formatPoints(totalScore(assessment.scores), lang))}
          {assessment.exceededShare !== null && <> · {t.review.exceededShown(formatPercent(assessment.exceededShare, lang))}</>}
        </p>
      )}
      <div className="disclosed-text" data-testid="disclosed-text">
        {assessment.text.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
    </section>
  );
}
