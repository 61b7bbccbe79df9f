import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MeetingDefinition } from '../shared/definition.js';
import type { Role } from '../shared/meeting/state.js';
import { createMeeting, joinUrl } from './meetings/create.js';
import type { Store } from './store/store.js';

export const DEMO_DEFINITION = new URL('../examples/self-review-2024.json', import.meta.url);

const DemoLinks = z.object({
  meetingId: z.string(),
  links: z.array(z.object({ participantId: z.string(), name: z.string(), position: z.string(), role: z.string(), token: z.string() })),
});

export interface DemoLink {
  participantId: string;
  name: string;
  position: string;
  role: Role;
  url: string;
}

/**
 * The demo meeting a newcomer lands in. Its plain tokens are kept in DATA_DIR/demo-links.json
 * (the organiser's own disk, like the CLI's output) so every start prints the same links.
 */
export async function ensureDemoMeeting(store: Store, dataDir: string, publicUrl: string): Promise<{ meetingId: string; links: DemoLink[] } | null> {
  const file = join(dataDir, 'demo-links.json');
  if (existsSync(file)) {
    const saved = DemoLinks.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (!(await store.loadMeeting(saved.meetingId))) return null;
    return { meetingId: saved.meetingId, links: saved.links.map(({ token, ...l }) => ({ ...l, role: l.role as Role, url: joinUrl(publicUrl, token) })) };
  }
  if ((await store.listMeetings()).length > 0) return null;

  const def = MeetingDefinition.parse(JSON.parse(readFileSync(DEMO_DEFINITION, 'utf8')));
  let created;
  try {
    created = await createMeeting(store, def, publicUrl, { id: 'demo' });
  } catch (e) {
    // Another instance on the same Redis created it first: its links are in that instance's DATA_DIR.
    if (await store.loadMeeting('demo')) return null;
    throw e;
  }
  const links = created.links.map((l) => ({ ...l, token: l.url.slice(l.url.lastIndexOf('/') + 1) }));
  writeFileSync(file, JSON.stringify({ meetingId: created.meetingId, links }, null, 2), { mode: 0o600 });
  return { meetingId: created.meetingId, links: created.links };
}
