/** Small enough that a dropped Wi-Fi costs at most this much again; large enough to keep requests few. */
export const CHUNK_BYTES = 1024 * 1024;

/** The `Range` header for the next chunk of a file of `total` bytes, `have` of which are here. */
export function nextRange(have: number, total: number, chunk = CHUNK_BYTES): string {
  const end = Math.min(have + chunk, total) - 1;
  return `bytes=${have}-${end}`;
}

/**
 * Where the bytes of a 206 answer start, from `Content-Range: bytes <start>-<end>/<total>`; null when
 * the header is missing or does not parse (the answer is then not trusted as a continuation).
 */
export function rangeStart(contentRange: string | null): number | null {
  const m = contentRange ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange.trim()) : null;
  return m ? Number(m[1]) : null;
}
