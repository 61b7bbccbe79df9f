import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { MeetingDefinition } from '../shared/definition.js';
import type { Role } from '../shared/meeting/state.js';
import { joinCardsHtml } from './meetings/cards.js';
import { createMeeting, joinUrl, type ParticipantLink } from './meetings/create.js';
import { DEMO_DEFINITION } from './paths.js';
import { MeetingExistsError, type Store } from './store/store.js';
import { addDefinitionDocuments, storeDefinitionFiles } from './files/definitionFiles.js';
import type { FileStore } from './files/fileStore.js';

const DemoLinks = z.object({
  meetingId: z.string(),
  links: z.array(z.object({ participantId: z.string(), name: z.string(), position: z.string(), role: z.string(), token: z.string() })),
});

export type DemoLink = ParticipantLink;

export interface DemoMeeting {
  meetingId: string;
  links: DemoLink[];
  /** The printable join cards of every participant (DATA_DIR/demo-cards.html). */
  cardsFile: string;
}

/**
 * The demo meeting a newcomer lands in. Its plain tokens are kept in DATA_DIR/demo-links.json
 * (the organiser's own disk, like the CLI's output) so every start prints the same links.
 */
export async function ensureDemoMeeting(store: Store, dataDir: string, publicUrl: string, files?: FileStore): Promise<DemoMeeting | null> {
  const file = join(dataDir, 'demo-links.json');
  if (existsSync(file)) {
    const saved = DemoLinks.parse(JSON.parse(readFileSync(file, 'utf8')));
    const meeting = await store.loadMeeting(saved.meetingId);
    if (!meeting) return null;
    const links = saved.links.map(({ token, ...l }) => ({ ...l, role: l.role as Role, url: joinUrl(publicUrl, token) }));
    // Rewritten on every start: PUBLIC_URL (the laptop's address on the room's Wi-Fi) may have changed.
    return { meetingId: saved.meetingId, links, cardsFile: await writeCards(dataDir, meeting.state, links) };
  }
  if ((await store.listMeetings()).length > 0) return null;

  const def = MeetingDefinition.parse(JSON.parse(readFileSync(DEMO_DEFINITION, 'utf8')));
  // Its papers (examples/documents/), so a newcomer's tablets have something to read.
  const blobs = files ? await storeDefinitionFiles(files, def.documents, dirname(DEMO_DEFINITION)) : [];
  let created;
  try {
    created = await createMeeting(store, def, publicUrl, { id: 'demo' });
  } catch (e) {
    // Another instance on the same Redis created it first: its links are in that instance's DATA_DIR.
    if (e instanceof MeetingExistsError) return null;
    throw e;
  }
  if (files) await addDefinitionDocuments(store, created.meetingId, def.documents, blobs);
  const links = created.links.map((l) => ({ ...l, token: l.url.slice(l.url.lastIndexOf('/') + 1) }));
  writeFileSync(file, JSON.stringify({ meetingId: created.meetingId, links }, null, 2), { mode: 0o600 });
  const cardsFile = await writeCards(dataDir, { ...def, id: created.meetingId }, created.links);
  return { meetingId: created.meetingId, links: created.links, cardsFile };
}

async function writeCards(dataDir: string, meeting: { id: string; title: string; organisation: string; location: string; days: string[] }, links: DemoLink[]): Promise<string> {
  const file = join(dataDir, 'demo-cards.html');
  const html = await joinCardsHtml({ ...meeting, meetingId: meeting.id }, links);
  writeFileSync(file, html, { mode: 0o600 });
  return file;
}
