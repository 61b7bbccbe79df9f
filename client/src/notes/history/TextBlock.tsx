import type { ReactNode } from 'react';
import type { BlockType } from '../../../../shared/notes/history.js';

interface Props {
  type: BlockType;
  level?: number;
  /** Its number, for an item of a numbered list (counted by `listNumbers`). */
  number?: number;
  className?: string;
  testId?: string;
  children?: ReactNode;
}

/**
 * One block of a document shown as text (a version, a comparison, the text coloured by author): the
 * editor's layout in plain elements, never editable. Headings are headings for screen readers one
 * level below the panel's own.
 */
export function TextBlock({ type, level, number, className = '', testId, children }: Props) {
  const common = { className: `text-block text-block-${type} ${className}`.trim(), 'data-testid': testId };
  switch (type) {
    case 'heading':
      return (
        <p {...common} className={`${common.className} text-block-h${level ?? 2}`} role="heading" aria-level={Math.min(6, (level ?? 2) + 2)}>
          {children}
        </p>
      );
    case 'bulletItem':
      return (
        <p {...common}>
          <span className="text-block-marker" aria-hidden="true">
            •
          </span>
          {children}
        </p>
      );
    case 'orderedItem':
      return (
        <p {...common}>
          <span className="text-block-marker">{number ?? 1}.</span>
          {children}
        </p>
      );
    case 'blockquote':
      return <blockquote {...common}>{children}</blockquote>;
    case 'rule':
      return <hr {...common} />;
    default:
      return <p {...common}>{children}</p>;
  }
}

/** The number each item of a numbered list takes: counting restarts after any other block. */
export function listNumbers(types: readonly BlockType[]): (number | undefined)[] {
  let n = 0;
  return types.map((type) => {
    n = type === 'orderedItem' ? n + 1 : 0;
    return type === 'orderedItem' ? n : undefined;
  });
}
