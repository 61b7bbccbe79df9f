import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/definition.js';
import { COMMAND_TYPES, type CommandType } from '../../shared/meeting/commands.js';
import { decideAgenda } from '../../shared/meeting/agenda.js';
import { isReadOnly, mayIssue, PERMISSIONS } from '../../shared/meeting/permissions.js';
import { entryFor, REGISTRY, type Entry, type Registry } from '../../shared/meeting/registry.js';
import { attends, isPublicRole, manages, ofTheBody, seesJoinLink } from '../../shared/meeting/roles.js';
import { decideQueue } from '../../shared/meeting/queue.js';

/**
 * The permission table as shared/meeting/permissions.ts held it before the registry, in its order
 * (docs/PROTOCOL.md prints it in this order): the registry's roles must give exactly this.
 */
const BEFORE_THE_REGISTRY: [CommandType, Role[]][] = [
  ['meeting.start', ['chair', 'secretary']],
  ['meeting.finish', ['chair', 'secretary']],
  ['day.switch', ['chair', 'secretary']],
  ['agenda.open', ['chair', 'secretary']],
  ['agenda.next', ['chair', 'secretary']],
  ['agenda.previous', ['chair', 'secretary']],
  ['agenda.complete', ['chair', 'secretary']],
  ['agenda.skip', ['chair', 'secretary']],
  ['agenda.reorder', ['chair', 'secretary']],
  ['agenda.add', ['chair', 'secretary']],
  ['agenda.update', ['chair', 'secretary']],
  ['agenda.remove', ['chair', 'secretary']],
  ['queue.request', ['chair', 'secretary', 'member', 'guest']],
  ['queue.withdraw', ['chair', 'secretary', 'member', 'guest']],
  ['queue.give', ['chair', 'secretary']],
  ['queue.end', ['chair', 'secretary']],
  ['queue.extend', ['chair', 'secretary']],
  ['queue.reorder', ['chair', 'secretary']],
  ['queue.setOpen', ['chair', 'secretary']],
  ['queue.setSpeakingTime', ['chair', 'secretary']],
  ['attendance.checkIn', ['chair', 'secretary', 'member', 'guest']],
  ['attendance.mark', ['chair', 'secretary']],
  // Added with attendance kept apart from presence (issue 16).
  ['attendance.markConnected', ['chair', 'secretary']],
  ['announcement.post', ['chair']],
  ['announcement.clear', ['chair']],
  ['link.reissue', ['chair']],
  ['screen.show', ['chair', 'secretary']],
  ['ballot.create', ['chair']],
  ['ballot.update', ['chair']],
  ['ballot.open', ['chair']],
  ['ballot.close', ['chair']],
  ['ballot.publish', ['chair']],
  ['ballot.cancel', ['chair']],
  ['ballot.vote', ['chair', 'secretary', 'member']],
  ['pin.set', ['chair', 'secretary', 'member']],
  // A document's history (issue 13).
  ['notes.nameVersion', ['chair', 'secretary']],
  ['notes.restore', ['chair', 'secretary']],
  // Self-assessment (issue 17): a voting member's own; the rule refuses a secretary outside the body.
  ['review.submitSelf', ['chair', 'secretary', 'member']],
  ['committee.appoint', ['chair']],
  ['ballot.confirm', ['chair', 'secretary', 'member']],
  ['document.add', ['chair', 'secretary']],
  ['document.replace', ['chair', 'secretary']],
  ['document.edit', ['chair', 'secretary']],
  ['document.remove', ['chair', 'secretary']],
];

const typesWith = (has: (entry: Entry<CommandType>) => unknown) => COMMAND_TYPES.filter((type) => has(entryFor(type)));

describe('the command registry', () => {
  it('has one entry per command type, in the order of the schemas', () => {
    expect(Object.keys(REGISTRY)).toEqual(COMMAND_TYPES);
    for (const type of COMMAND_TYPES) {
      expect(typeof REGISTRY[type].decide, type).toBe('function');
      expect(Array.isArray(REGISTRY[type].roles), type).toBe(true);
    }
  });

  it('derives the permission table that was written by hand before it, in the same order', () => {
    expect(Object.entries(PERMISSIONS)).toEqual(BEFORE_THE_REGISTRY);
    for (const [type, roles] of BEFORE_THE_REGISTRY)
      expect(
        ROLES.filter((role) => mayIssue(role, type)),
        type,
      ).toEqual(roles);
    expect(ROLES.filter(isReadOnly)).toEqual(['observer', 'screen']);
  });

  it('says which commands need what from the server; the room, the socket layer and the stores name none', () => {
    expect(typesWith((e) => e.needs?.counts)).toEqual(['ballot.publish', 'ballot.confirm']);
    expect(typesWith((e) => e.needs?.newLink)).toEqual(['link.reissue']);
    expect(typesWith((e) => e.needs?.pin)).toEqual(['ballot.vote', 'pin.set']);
    expect(typesWith((e) => e.needs?.online)).toEqual(['attendance.markConnected']);
    expect(typesWith((e) => e.needs?.docVersion)).toEqual(['notes.restore']);
    expect(typesWith((e) => e.needs?.history)).toEqual(['notes.nameVersion', 'notes.restore']);
    expect(typesWith((e) => e.answer)).toEqual(['attendance.markConnected', 'notes.nameVersion', 'notes.restore', 'document.add']);
    expect(typesWith((e) => e.batched)).toEqual(['ballot.vote']);
    expect(typesWith((e) => e.needs?.selfAssessment)).toEqual(['review.submitSelf']);
    expect(typesWith((e) => e.needs?.disclosure)).toEqual(['agenda.open', 'agenda.next', 'agenda.previous', 'ballot.open']);
    expect(typesWith((e) => e.secret)).toEqual(['ballot.vote', 'pin.set', 'review.submitSelf']);
    expect(typesWith((e) => e.allows)).toEqual(['queue.request', 'queue.withdraw', 'link.reissue']);
  });

  it('splits a PIN off before the rules see the command', () => {
    const vote = entryFor('ballot.vote').needs?.pin;
    expect(vote && 'authorises' in vote && vote.authorises({ type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' }, pin: '2580' })).toEqual({
      pin: '2580',
      rest: { type: 'ballot.vote', ballotId: 'b', paper: { question: 'agree' } },
    });
    const set = entryFor('pin.set').needs?.pin;
    expect(set && 'replaces' in set && set.replaces({ type: 'pin.set', pin: '2580', currentPin: '1357' })).toEqual({
      pin: '2580',
      current: '1357',
      rest: { type: 'pin.set', pin: '' },
    });
  });

  it('is checked by the compiler: every type has an entry, and each entry decides its own command', () => {
    // @ts-expect-error a registry missing command types does not compile
    const partial: Registry = { 'meeting.start': REGISTRY['meeting.start'] };
    // @ts-expect-error a decide function for other commands does not fit an entry
    const mismatched: Entry<'agenda.open'> = { roles: [], decide: decideQueue };
    const fits: Entry<'agenda.open'> = { roles: [], decide: decideAgenda };
    expect([partial, mismatched, fits]).toHaveLength(3);
  });
});

describe('role predicates', () => {
  it('each says one thing about every role', () => {
    const holders = (predicate: (role: Role) => boolean) => ROLES.filter(predicate);
    expect(holders(attends)).toEqual(['chair', 'secretary', 'member', 'guest']);
    expect(holders(manages)).toEqual(['chair', 'secretary']);
    expect(holders(ofTheBody)).toEqual(['chair', 'secretary', 'member']);
    expect(holders(isPublicRole)).toEqual(['observer']);
    expect(holders(seesJoinLink)).toEqual(['chair', 'secretary', 'screen']);
  });
});
