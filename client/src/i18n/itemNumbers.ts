/** Item numbers as the agenda shows them, runs folded: [1, 2, 3, 4, 6] → "1–4, 6". */
export function itemNumbers(positions: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of positions) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : b === a + 1 ? `${a}, ${b}` : `${a}–${b}`)).join(', ');
}
