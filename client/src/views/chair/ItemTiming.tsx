import type { AgendaItem } from '../../../../shared/meeting/state.js';
import { formatElapsed, formatTime } from '../../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useMeeting, useServerNow } from '../../live/useMeeting.js';

/** Planned against actual time of one item, from the server's stamps; the open item's runs live. */
export function ItemTiming({ item, testId = `timing-${item.id}` }: { item: AgendaItem; testId?: string }) {
  return item.status === 'active' && item.startedAt !== null ? (
    <LiveTiming item={item} startedAt={item.startedAt} testId={testId} />
  ) : (
    <Timing item={item} testId={testId} actualMs={item.startedAt !== null && item.endedAt !== null ? item.endedAt - item.startedAt : null} />
  );
}

function LiveTiming({ item, startedAt, testId }: { item: AgendaItem; startedAt: number; testId: string }) {
  const now = useServerNow(1000);
  return <Timing item={item} testId={testId} actualMs={Math.max(0, now - startedAt)} live />;
}

interface TimingProps {
  item: AgendaItem;
  testId: string;
  actualMs: number | null;
  live?: boolean;
}

function Timing({ item, testId, actualMs, live = false }: TimingProps) {
  const { t, lang } = useI18n();
  const { state } = useMeeting();
  const over = actualMs !== null && actualMs > item.plannedMinutes * 60_000;
  const at = (ms: number) => formatTime(ms, state.timeZone, lang);
  // Finished items in whole minutes; the open one ticks, so the chair sees it run.
  const actual = actualMs === null ? null : live ? t.live.timing.running(formatElapsed(actualMs)) : t.agenda.actual(Math.round(actualMs / 60_000));
  const span = item.startedAt === null ? null : item.endedAt === null || live ? t.live.timing.since(at(item.startedAt)) : t.live.timing.span(at(item.startedAt), at(item.endedAt));
  return (
    <span className={`item-timing ${over ? 'is-over' : ''}`} data-testid={testId} data-over={String(over)} title={over ? t.live.timing.over : undefined}>
      <span>{t.agenda.planned(item.plannedMinutes)}</span>
      {actual !== null && (
        <span className="item-timing-actual" role={live ? 'timer' : undefined}>
          · {actual}
        </span>
      )}
      {span && <span className="item-timing-span">{span}</span>}
    </span>
  );
}
