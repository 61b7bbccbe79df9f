import { describe, expect, it } from 'vitest';
import { eventsFor, stateFor } from '../../../shared/meeting/audience.js';
import { evolveAll } from '../../../shared/meeting/evolve.js';
import { audienceOf, maySeeDocument } from '../../../shared/documents/visibility.js';
import type { BlobFacts, DocumentVisibility } from '../../../shared/documents/types.js';
import { DEFAULT_OBSERVER_RULES } from '../../../shared/meeting/visibility.js';
import { ROLES } from '../../../shared/definition.js';
import { initialState } from '../../../shared/meeting/state.js';
import { testDefinition } from '../../helpers/definitions.js';
import { CoreDriver } from '../../helpers/coreDriver.js';

const blob: BlobFacts = { sha256: 'a'.repeat(64), bytes: 100, mime: 'application/pdf' };

/** A running meeting with one document of each visibility, the observer link allowed documents or not. */
function meeting(observersSeeDocuments: boolean): CoreDriver {
  const m = new CoreDriver(initialState('m', { ...testDefinition(), observers: { ...DEFAULT_OBSERVER_RULES, documents: observersSeeDocuments } }));
  m.blobs[blob.sha256] = blob;
  m.ok('chair', { type: 'agenda.open', itemId: 'open' });
  for (const visibility of ['everyone', 'participants', 'presidium'] as const) m.ok('chair', { type: 'document.add', blob: blob.sha256, title: visibility, visibility });
  return m;
}

const titles = (m: CoreDriver, role: (typeof ROLES)[number]) => stateFor(audienceOf(role), m.state).documents.map((d) => d.title);

describe('who sees which document (shared/documents/visibility.ts, shared/meeting/audience.ts)', () => {
  it('gives each role exactly the documents of its visibility, and the observer link only when the definition allows', () => {
    const closed = meeting(false);
    const open = meeting(true);
    const expected: Record<(typeof ROLES)[number], [string[], string[]]> = {
      chair: [
        ['everyone', 'participants', 'presidium'],
        ['everyone', 'participants', 'presidium'],
      ],
      secretary: [
        ['everyone', 'participants', 'presidium'],
        ['everyone', 'participants', 'presidium'],
      ],
      member: [
        ['everyone', 'participants'],
        ['everyone', 'participants'],
      ],
      guest: [
        ['everyone', 'participants'],
        ['everyone', 'participants'],
      ],
      screen: [
        ['everyone', 'participants'],
        ['everyone', 'participants'],
      ],
      observer: [[], ['everyone']],
    };
    for (const role of ROLES) {
      expect(titles(closed, role), role).toEqual(expected[role][0]);
      expect(titles(open, role), role).toEqual(expected[role][1]);
      for (const d of open.state.documents) expect(maySeeDocument(role, d, open.state.observers), `${role} ${d.title}`).toBe(expected[role][1].includes(d.title));
    }
  });

  it('keeps every audience in step through events without ever sending a document it may not see', () => {
    const m = meeting(true);
    const start = m.log.length;
    const doc = (v: DocumentVisibility) => m.state.documents.find((d) => d.visibility === v)!;
    const participantsDoc = doc('participants').id;
    const audiences = ['room', 'public'] as const;
    const copies = Object.fromEntries(audiences.map((a) => [a, stateFor(a, m.state)]));
    const steps = [
      () => m.ok('chair', { type: 'document.edit', documentId: participantsDoc, changes: { visibility: 'presidium' } }),
      () => m.ok('chair', { type: 'document.edit', documentId: participantsDoc, changes: { visibility: 'everyone', title: 'Công khai' } }),
      () => m.ok('chair', { type: 'screen.show', show: 'document', documentId: participantsDoc, page: 2 }),
      () => m.ok('chair', { type: 'document.edit', documentId: participantsDoc, changes: { visibility: 'participants' } }),
      () => m.ok('chair', { type: 'document.remove', documentId: doc('everyone').id }),
    ];
    for (const step of steps) {
      const events = step();
      for (const a of audiences) {
        const sent = eventsFor(a, m.state, events);
        for (const e of sent)
          if (e.type === 'document.added')
            expect(
              stateFor(a, m.state).documents.map((d) => d.id),
              a,
            ).toContain(e.document.id);
        copies[a] = evolveAll(copies[a], sent);
        expect(copies[a].documents, `${a} after ${events[0].type}`).toEqual(stateFor(a, m.state).documents);
        expect(copies[a].screen).toEqual(stateFor(a, m.state).screen);
      }
    }
    expect(m.log.length).toBeGreaterThan(start);
    // The screen shows a participants-only page: the public link sees the agenda instead.
    expect(stateFor('room', m.state).screen).toEqual({ show: 'document', documentId: participantsDoc, page: 2 });
    expect(stateFor('public', m.state).screen).toEqual({ show: 'agenda' });
    // The presidium keeps the removed document for the record; nobody else has it.
    expect(m.state.documents.find((d) => d.title === 'everyone')?.removedAt).not.toBeNull();
    expect(stateFor('room', m.state).documents.some((d) => d.title === 'everyone')).toBe(false);
  });
});
