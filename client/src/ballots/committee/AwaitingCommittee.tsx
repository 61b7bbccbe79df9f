import type { Ballot } from '../../../../shared/ballots/types.js';
import { confirmationProgress } from '../../../../shared/review/publication.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting } from '../../live/useMeeting.js';
import { Confirmations } from './Confirmations.js';

/** In place of the chair's publish button, while the counting committee confirms: "Chờ tổ kiểm phiếu xác nhận (1/2)". */
export function AwaitingCommittee({ ballot }: { ballot: Ballot }) {
  const { t } = useI18n();
  const { state } = useMeeting();
  const { confirmed, needed } = confirmationProgress(state, ballot);
  return (
    <div className="awaiting-committee" data-testid={`ballot-awaiting-committee-${ballot.id}`}>
      <button type="button" className="btn btn-secondary" disabled title={t.committee.awaitingHint}>
        {t.committee.awaitingCommittee(confirmed, needed)}
      </button>
      <Confirmations ballot={ballot} />
    </div>
  );
}
