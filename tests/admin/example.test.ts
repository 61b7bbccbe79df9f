import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCALE } from '../../shared/ballots/scale.js';
import { MeetingDefinition } from '../../shared/definition.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/limits.js';
import { DEFAULT_REVIEW_RULES } from '../../shared/review/rules.js';
import { DEMO_DEFINITION } from '../../server/paths.js';
import { createMeeting } from '../../server/meetings/create.js';
import { SqliteStore } from '../../server/store/sqlite.js';

const text = readFileSync(DEMO_DEFINITION, 'utf8');
const def = MeetingDefinition.parse(JSON.parse(text));
const withRole = (role: string) => def.participants.filter((p) => p.role === role);

describe('examples/self-review-2024.json', () => {
  it('is a two-day conference of one chair, a secretary, about fifteen members, two guests, a screen and an observer', () => {
    expect(def.days).toEqual(['2024-12-26', '2024-12-27']);
    expect(def.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(withRole('chair')).toHaveLength(1);
    expect(withRole('secretary')).toHaveLength(1);
    expect(withRole('member').length).toBeGreaterThanOrEqual(13);
    expect(withRole('member').length).toBeLessThanOrEqual(20);
    expect(withRole('guest')).toHaveLength(2);
    expect(withRole('screen')).toHaveLength(1);
    expect(withRole('observer')).toHaveLength(1);
    // It is small enough for POST /api/meetings.
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_PAYLOAD_BYTES);
  });

  it('has a full agenda on both days and one individual review per member, presented by its subject', () => {
    for (const day of [1, 2]) {
      const minutes = def.agenda.filter((i) => i.day === day).reduce((sum, i) => sum + i.plannedMinutes, 0);
      expect(minutes, `day ${day}`).toBeGreaterThan(5 * 60);
    }
    const kinds = new Set(def.agenda.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['ballot', 'collective-review', 'discussion', 'individual-review', 'procedure']);
    const reviewed = def.agenda.filter((i) => i.kind === 'individual-review');
    for (const item of reviewed) expect(item.presenter).toBe(item.subject);
    const voting = [...withRole('chair'), ...withRole('member')].map((p) => p.id);
    expect(reviewed.map((i) => i.subject).sort()).toEqual([...voting].sort());
    expect(def.agenda[0].day).toBe(1);
    expect(def.agenda.at(-1)).toMatchObject({ day: 2, kind: 'procedure', presenter: 'chair' });
  });

  it("carries the collective's rating, the peer rating of every member on the official scale, and the minutes", () => {
    const voting = [...withRole('chair'), ...withRole('member')].map((p) => p.id);
    const [collective, peers, ...rest] = def.ballots;
    expect(collective).toMatchObject({ id: 'collective-rating', kind: 'rating', subjects: ['collective'] });
    expect(peers).toMatchObject({ id: 'peer-rating', kind: 'rating', subjects: voting });
    // The official four levels, by default.
    for (const rating of [collective, peers]) expect(rating.options).toBeUndefined();
    expect(rest.map((b) => [b.kind, b.itemId])).toEqual([['motion', 'minutes']]);
    for (const b of def.ballots) expect(def.agenda.find((i) => i.id === b.itemId)?.kind).toBe('ballot');
  });

  it('follows the standard flow: the collective reviewed and rated, then each individual, then their rating', () => {
    const at = (id: string) => def.agenda.findIndex((i) => i.id === id);
    const individuals = def.agenda.map((item, i) => [item, i] as const).filter(([item]) => item.kind === 'individual-review');
    expect(at('collective-report')).toBeLessThan(at('collective-discussion'));
    expect(at('collective-discussion')).toBeLessThan(at('collective-rating'));
    expect(at('collective-rating')).toBeLessThan(individuals[0][1]);
    expect(individuals.at(-1)![1]).toBeLessThan(at('peer-rating'));
  });

  it('spells out the review rules it follows (the defaults) and names its counting committee', () => {
    const raw = JSON.parse(text) as { review: unknown };
    // Every field written out, each the default (docs/BALLOTS.md names the text each follows).
    expect(raw.review).toEqual(DEFAULT_REVIEW_RULES);
    expect(def.review).toEqual(DEFAULT_REVIEW_RULES);
    expect(def.countingCommittee).toEqual(['m03', 'm07', 'm11']);
    for (const id of def.countingCommittee ?? []) expect(withRole('member').map((p) => p.id)).toContain(id);
    expect(def.review.scoreBands.map((b) => b.level)).toEqual(OFFICIAL_SCALE.map((o) => o.id));
  });

  it('creates a meeting whose state has every participant, item and draft ballot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phong-hop-example-'));
    const store = new SqliteStore(join(dir, 'store.sqlite'));
    try {
      const created = await createMeeting(store, def, 'http://127.0.0.1:3000');
      expect(created.links.map((l) => l.participantId)).toEqual(def.participants.map((p) => p.id));
      const { state, version } = (await store.loadMeeting(created.meetingId))!;
      expect(version).toBe(0);
      expect(state.agenda.map((i) => i.id)).toEqual(def.agenda.map((i) => i.id));
      expect(state.ballots.map((b) => [b.id, b.status])).toEqual(def.ballots.map((b) => [b.id, 'draft']));
      expect(state.participants.filter((p) => p.member)).toHaveLength(withRole('chair').length + withRole('member').length);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
