import type { Page } from 'playwright-core';

/**
 * Everything the page's origin keeps on the device: localStorage, sessionStorage, cookies and every
 * IndexedDB record (binary values decoded as text, so a Yjs update or any other encoding of a label
 * would still show), for tests that prove a secret was never written down. The offline copy of
 * the meeting (the public state every participant receives, client/src/live/snapshotCache.ts) is
 * set apart: it lists ballots and their options by design, so a search for a choice's traces looks
 * at everything else, and at the copy only for what a paper would add to it.
 */
export async function storedOnDevice(page: Page): Promise<{ text: string; snapshots: unknown[] }> {
  const raw = await storedRaw(page);
  const snapshots: unknown[] = [];
  const text = raw
    .split('\n')
    .filter((line) => {
      const match = /^phong-hop\.snapshot\.[^=]+=(.*)$/.exec(line);
      if (match) snapshots.push(JSON.parse(match[1]));
      return !match;
    })
    .join('\n');
  return { text, snapshots };
}

async function storedRaw(page: Page): Promise<string> {
  const cookies = JSON.stringify(await page.context().cookies());
  const inPage = await page.evaluate(async () => {
    const dump = (s: Storage) =>
      Object.keys(s)
        .map((k) => `${k}=${s.getItem(k)}`)
        .join('\n');
    const asText = (value: unknown): string =>
      JSON.stringify(value, (_k, v: unknown) => {
        if (v instanceof ArrayBuffer) return new TextDecoder().decode(v);
        if (ArrayBuffer.isView(v)) return new TextDecoder().decode(v);
        return v;
      });
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error('IndexedDB request failed'));
      });
    const records: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await request(indexedDB.open(info.name));
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly');
        const keys = await request(tx.objectStore(store).getAllKeys());
        const values = await request(tx.objectStore(store).getAll());
        records.push(`${info.name}/${store}: ${asText(keys)} ${asText(values)}`);
      }
      db.close();
    }
    return [dump(localStorage), dump(sessionStorage), document.cookie, ...records].join('\n');
  });
  return `${inPage}\n${cookies}`;
}
