/**
 * A title's type size by its length, so that three or four lines still leave the speaker and the
 * countdown on the picture; past the last line allowed (screen.css) the title ends in "…", and the
 * tablets show it whole.
 */
export function titleSize(title: string): 'is-short' | 'is-long' | 'is-very-long' {
  if (title.length <= 70) return 'is-short';
  return title.length <= 150 ? 'is-long' : 'is-very-long';
}

export function ScreenTitle({ title, itemId, testId = 'current-item-title' }: { title: string; itemId?: string; testId?: string }) {
  return (
    <h1 className={`screen-title ${titleSize(title)}`} data-testid={testId} data-item-id={itemId} title={title}>
      {title}
    </h1>
  );
}
