import type { MeetingDefinition } from '../../shared/definition.js';
import type { CreatedMeeting } from '../../server/meetings/create.js';

export interface BenchMeeting extends CreatedMeeting {
  tokenOf(participantId: string): string;
}

/** Creates a meeting through the admin API, as an organiser would, and keeps its plain tokens. */
export async function createMeetingOver(url: string, adminToken: string, definition: MeetingDefinition): Promise<BenchMeeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(definition),
  });
  if (res.status !== 201) throw new Error(`creating the bench meeting failed: ${res.status} ${await res.text()}`);
  const created = (await res.json()) as CreatedMeeting;
  return {
    ...created,
    tokenOf: (participantId) => {
      const link = created.links.find((l) => l.participantId === participantId);
      if (!link) throw new Error(`no participant ${participantId}`);
      return link.url.slice(link.url.lastIndexOf('/') + 1);
    },
  };
}
