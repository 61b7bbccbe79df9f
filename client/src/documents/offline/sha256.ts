import { sha256 } from '../../../../shared/sha256.js';

/** WebCrypto where the page has it (native, off the main thread), else plain JavaScript (shared/sha256.ts): a page on plain http has no `crypto.subtle`. */
export const digestSha256 = (data: ArrayBuffer): Promise<ArrayBuffer> =>
  typeof crypto !== 'undefined' && crypto.subtle ? crypto.subtle.digest('SHA-256', data) : Promise.resolve(sha256(new Uint8Array(data)).buffer as ArrayBuffer);
