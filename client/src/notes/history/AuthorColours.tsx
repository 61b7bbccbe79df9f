import type { CSSProperties } from 'react';
import type { AttributedBlock } from '../../../../shared/notes/history.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useConnection, useMeeting } from '../../live/useMeeting.js';
import { colorOf } from '../colors.js';
import { fetchCurrent } from './historyApi.js';
import { listNumbers, TextBlock } from './TextBlock.js';
import { useFetched } from './useFetched.js';
import { nameOf } from './versionRows.js';

/** Passages of nobody the server knows (written before attribution existed): no caret ever had this colour. */
const UNKNOWN_COLOR = '#6b7280';

/** Each author once, in the order they first appear in the text. */
export function authorsOf(blocks: readonly AttributedBlock[]): (string | null)[] {
  const seen = new Set<string | null>();
  for (const block of blocks) for (const run of block.runs) if (run.text !== '') seen.add(run.author);
  return [...seen];
}

/** Where a screen reader hears the author: where the author changes, not before every run. */
export function announcedRuns(blocks: readonly AttributedBlock[]): boolean[][] {
  let previous: string | null | undefined;
  return blocks.map((block) =>
    block.runs.map((run) => {
      if (run.text === '') return false;
      const changed = run.author !== previous;
      previous = run.author;
      return changed;
    }),
  );
}

interface Props {
  docName: string;
  docLabel: string;
  /** Changes when the text changed (the editor's updates): the coloured copy is fetched again. */
  refresh: unknown;
}

/**
 * The current text, read only, each passage in its author's colour (the colour of their caret) with
 * a legend of names. Colour is not the only sign: a screen reader hears who wrote each passage, and
 * every passage names its author on hover.
 */
export function AuthorColours({ docName, docLabel, refresh }: Props) {
  const { t } = useI18n();
  const a = t.history.authors;
  const { state } = useMeeting();
  const { token } = useConnection();
  const current = useFetched((signal) => fetchCurrent(state.id, docName, token, signal), docName, { refresh });
  const nameFor = (id: string | null) => (id === null ? a.unknown : nameOf(state.participants, id, t.history.unknownPerson));
  const colorFor = (id: string | null) => (id === null ? UNKNOWN_COLOR : colorOf(id));

  if (!current.value) {
    return current.error ? (
      <p className="history-error" role="alert" data-testid="authors-error">
        {t.errors[current.error.code] ?? a.failed}
      </p>
    ) : (
      <p className="muted">{a.loading}</p>
    );
  }
  const blocks = current.value.blocks;
  const authors = authorsOf(blocks);
  const numbers = listNumbers(blocks.map((b) => b.type));
  const announced = announcedRuns(blocks);
  return (
    <div className="author-colours" data-testid="author-colours">
      <p className="muted notes-hint">{a.hint}</p>
      {authors.length > 0 && (
        <ul className="author-legend" aria-label={a.legend} data-testid="author-legend">
          {authors.map((id) => (
            <li key={id ?? ''} className="author-legend-item" data-author={id ?? ''}>
              <span className="author-swatch" style={{ background: colorFor(id) }} aria-hidden="true" />
              {nameFor(id)}
            </li>
          ))}
        </ul>
      )}
      <div className="author-text" role="document" aria-label={a.label(docLabel)} data-testid="author-text">
        {blocks.every((b) => b.runs.every((r) => r.text === '')) && <p className="muted">{a.empty}</p>}
        {blocks.map((block, i) => (
          <TextBlock key={i} type={block.type} level={block.level} number={numbers[i]}>
            {block.runs.map((run, j) => {
              if (run.text === '') return null;
              const name = nameFor(run.author);
              return (
                <span
                  key={j}
                  className="author-run"
                  style={{ '--author': colorFor(run.author) } as CSSProperties}
                  title={name}
                  data-author={run.author ?? ''}
                  data-testid="author-run"
                >
                  {announced[i][j] && <span className="sr-only">{a.by(name)} </span>}
                  {run.text}
                </span>
              );
            })}
          </TextBlock>
        ))}
      </div>
    </div>
  );
}
