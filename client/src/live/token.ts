const STORAGE_KEY = 'phong-hop.token';
const JOIN_PATH = /^\/join\/([A-Za-z0-9_-]{10,200})\/?$/;

/**
 * The participant's token. A /join/<token> link is stored and replaced in the address bar by /meeting,
 * so the secret stays out of the history. The tab keeps its own copy too, so that opening a second
 * person's link in another tab (a chair testing the member view) does not change who this tab is.
 */
export function takeToken(): string | null {
  const match = JOIN_PATH.exec(window.location.pathname);
  if (match) {
    const token = match[1];
    write(token);
    window.history.replaceState(null, '', `/meeting${window.location.search}`);
    return token;
  }
  return read(sessionStorage) ?? read(localStorage);
}

export function forgetToken(token: string): void {
  for (const storage of [sessionStorage, localStorage]) {
    if (read(storage) === token) remove(storage);
  }
}

function write(token: string): void {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      storage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage disabled: the token lives in memory for this page only.
    }
  }
}

function read(storage: Storage): string | null {
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remove(storage: Storage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
