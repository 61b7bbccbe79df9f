import { OFFICIAL_SCALE } from '../../../shared/ballots/scale.js';
import { formatPercent } from '../../../shared/format.js';
import type { BallotProposals, SubjectProposal } from '../../../shared/review/proposal.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { BallotLabels } from './labels.js';

/** A level's name: the ballot's own label when it has the level, else the official scale's. */
function useLevelName(labels: BallotLabels): (level: string) => string {
  const { lang } = useI18n();
  return (level) => {
    const official = OFFICIAL_SCALE.find((o) => o.id === level);
    const own = labels.answer(level);
    return own !== level ? own : official ? official[lang] : level;
  };
}

/**
 * Under a subject's name: the member's own level and the level the votes propose, marked where they
 * differ (QĐ 366: the self-rating comes first, the body's rating is proposed beside it).
 */
export function ProposalLine({ proposal, labels }: { proposal: SubjectProposal | undefined; labels: BallotLabels }) {
  const { t } = useI18n();
  const name = useLevelName(labels);
  if (!proposal) return null;
  const p = t.proposals;
  return (
    <span
      className={`proposal-line${proposal.differs ? ' is-different' : ''}`}
      data-testid={`proposal-${proposal.subject}`}
      data-proposed={proposal.proposed ?? ''}
      data-self={proposal.self ?? ''}
    >
      {proposal.subject !== 'collective' && (
        <span className="proposal-self">
          {p.self}: {proposal.self ? <strong>{name(proposal.self)}</strong> : <em>{p.notSelfRated}</em>}
        </span>
      )}
      <span className="proposal-proposed">
        {p.proposed}: {proposal.proposed ? <strong className={`tone-${proposal.proposed}`}>{name(proposal.proposed)}</strong> : <em>{p.none}</em>}
      </span>
      {proposal.differs && (
        <span className="proposal-differs" data-testid={`proposal-differs-${proposal.subject}`}>
          <span aria-hidden="true">≠ </span>
          {p.differs}
        </span>
      )}
    </span>
  );
}

/** Below a rating's rows: the rule that made the proposals, and each cap of the definition, a breach shown, never corrected. */
export function ProposalNotes({ proposals, labels }: { proposals: BallotProposals; labels: BallotLabels }) {
  const { t, lang } = useI18n();
  const name = useLevelName(labels);
  const [n, d] = proposals.rule.fraction;
  return (
    <div className="proposal-notes" data-testid="proposal-notes">
      <p className="muted">{t.proposals.rule(n, d, proposals.rule.threshold === 'at-least', proposals.rule.base === 'answers')}</p>
      {proposals.caps.map((c) => {
        const pct = formatPercent((c.cap.atMost[0] / c.cap.atMost[1]) * 100, lang);
        const text = c.breached
          ? t.proposals.capBreached(name(c.cap.level), c.count, c.allowed, c.base, pct)
          : t.proposals.capOk(name(c.cap.level), c.count, c.allowed, c.base, pct);
        return (
          <p
            key={c.cap.level + c.cap.of.join()}
            className={c.breached ? 'proposal-cap is-breached' : 'proposal-cap muted'}
            data-testid={`cap-${c.cap.level}`}
            data-breached={String(c.breached)}
            role={c.breached ? 'alert' : undefined}
          >
            {text}
          </p>
        );
      })}
    </div>
  );
}
