import { COLLECTIVE } from '../../../../shared/ballots/scale.js';
import { formatCount } from '../../../../shared/format.js';
import { findParticipant } from '../../../../shared/meeting/state.js';
import { reviewFlow, type FlowStep } from '../../../../shared/review/flow.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';

/**
 * Where the meeting stands in the review's order (shared/review/flow.ts): the collective, then each
 * member — self-review, comments, rating — each step done, under way or to come, the current one
 * marked, and a warning when the order was not kept. Read-only: the agenda and the ballots drive it.
 */
export function ReviewFlowPanel() {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const flow = reviewFlow(state);
  const f = t.proposals.flow;
  const stepName = (step: FlowStep) => ({ report: f.report, 'self-review': f.selfReview, comments: f.comments, rating: f.rating })[step.kind];
  if (flow.stages.length === 0) return <p className="muted">{f.noReview}</p>;
  return (
    <section className="panel review-flow" data-testid="review-flow" aria-labelledby="review-flow-title">
      <h2 id="review-flow-title">{f.title}</h2>
      <p className="muted" data-testid="review-flow-self-assessed">
        {f.selfAssessed(flow.selfAssessed.handedIn, flow.selfAssessed.of)}
      </p>
      {flow.outOfOrder && (
        <p className="review-flow-warning" role="status" data-testid="review-flow-out-of-order">
          {f.outOfOrder}
        </p>
      )}
      <ol className="review-flow-stages">
        {flow.stages.map((stage, s) => {
          const name = stage.subject === COLLECTIVE ? `${f.collective} · ${state.organisation}` : (findParticipant(state, stage.subject)?.name ?? stage.subject);
          const current = flow.here?.stage === s;
          return (
            <li
              key={stage.subject}
              className={`review-flow-stage${current ? ' is-here' : ''}`}
              data-testid={`review-flow-${stage.subject}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="review-flow-name">
                <span className="review-flow-number">{formatCount(s + 1, lang)}.</span> {name}
              </span>
              <ol className="review-flow-steps">
                {stage.steps.map((step, i) => {
                  const here = current && flow.here?.step === i;
                  return (
                    <li
                      key={step.kind}
                      className={`review-flow-step is-${step.status}${here ? ' is-here' : ''}`}
                      data-testid={`review-flow-${stage.subject}-${step.kind}`}
                      data-status={step.status}
                    >
                      <span className="review-flow-step-name">{stepName(step)}</span>
                      <span className="review-flow-step-status">{here ? f.here : f.steps[step.status]}</span>
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
