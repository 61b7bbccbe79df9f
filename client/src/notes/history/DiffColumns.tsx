import type { ReactNode } from 'react';
import type { DiffBlock, TextPart } from '../../../../shared/notes/blockDiff.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { listNumbers, TextBlock } from './TextBlock.js';

export type DiffSide = 'version' | 'current';

/** The blocks one side of a comparison has, each with its own parts: a version keeps what was removed, the current text what was added. */
export function sideOf(diff: readonly DiffBlock[], side: DiffSide): { block: DiffBlock; parts: TextPart[] }[] {
  const drop: TextPart['op'] = side === 'version' ? 'added' : 'removed';
  return diff.filter((b) => (side === 'version' ? b.from !== undefined : b.to !== undefined)).map((block) => ({ block, parts: block.parts.filter((p) => p.op !== drop) }));
}

/**
 * A changed passage, marked for every reader: struck through in red or underlined in green, and
 * framed for screen readers by words (a colour is not enough, and <del>/<ins> are not announced by
 * every reader).
 */
export function Marked({ part }: { part: TextPart }): ReactNode {
  const { t } = useI18n();
  const c = t.history.compare;
  if (part.op === 'same') return part.text;
  if (part.op === 'removed') {
    return (
      <del className="diff-del" data-testid="diff-removed">
        <span className="sr-only">{c.removedStart} </span>
        {part.text}
        <span className="sr-only"> {c.removedEnd}</span>
      </del>
    );
  }
  return (
    <ins className="diff-ins" data-testid="diff-added">
      <span className="sr-only">{c.addedStart} </span>
      {part.text}
      <span className="sr-only"> {c.addedEnd}</span>
    </ins>
  );
}

/** One side of a comparison, block by block, with what differs from the other side marked. */
export function DiffColumn({ diff, side, testId }: { diff: readonly DiffBlock[]; side: DiffSide; testId: string }) {
  const { t } = useI18n();
  const blocks = sideOf(diff, side);
  const numbers = listNumbers(blocks.map((b) => b.block.type));
  if (blocks.length === 0 || blocks.every((b) => b.block.type !== 'rule' && b.parts.every((p) => p.text === ''))) {
    return (
      <div className="diff-text" data-testid={testId}>
        <p className="muted">{t.history.compare.emptyText}</p>
      </div>
    );
  }
  return (
    <div className="diff-text" data-testid={testId}>
      {blocks.map(({ block, parts }, i) => (
        <TextBlock
          key={`${block.op}-${block.from ?? ''}-${block.to ?? ''}`}
          type={block.type}
          level={block.level}
          number={numbers[i]}
          className={block.op === 'removed' ? 'is-removed' : block.op === 'added' ? 'is-added' : block.op === 'changed' ? 'is-changed' : ''}
        >
          {parts.map((part, j) => (
            <Marked key={j} part={part} />
          ))}
        </TextBlock>
      ))}
    </div>
  );
}
