/**
 * The plain parts of a document's history that the client needs in its first chunks: no zod here
 * (the schemas in history.ts load with the history itself), so a tablet's first view stays small.
 */

/** The longest name of a named version ("Bản trình Hội nghị", "Bản chốt"). */
export const MAX_VERSION_LABEL = 80;

/** Why a version's name cannot be used, or null: the rule the server's `VersionLabel` schema holds too. */
export function versionLabelProblem(label: string): 'required' | 'too-long' | null {
  const name = label.trim();
  if (name === '') return 'required';
  return name.length > MAX_VERSION_LABEL ? 'too-long' : null;
}

/** The plain blocks of an attributed text (to compare it with a version). */
export function plainBlocks<B extends { runs: readonly { text: string }[] }>(blocks: readonly B[]): (Omit<B, 'runs'> & { text: string })[] {
  return blocks.map(({ runs, ...block }) => ({ ...block, text: runs.map((r) => r.text).join('') }));
}

/** Visible characters of a text. */
export function textLength(blocks: readonly { text: string }[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}
