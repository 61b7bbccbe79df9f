import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/definition.js';
import { Command, COMMAND_TYPES, type CommandType } from '../../shared/meeting/commands.js';
import { can, isReadOnly, PERMISSIONS, type Actor } from '../../shared/meeting/permissions.js';
import { SAMPLES } from '../helpers/commandSamples.js';
import { runningMeeting, type CommandInput } from '../helpers/coreDriver.js';

/** Who may issue what, written out by hand so that a change to the table has to change this test too. */
const PRESIDIUM: Role[] = ['chair', 'secretary'];
const SPEAKERS: Role[] = ['chair', 'secretary', 'member', 'guest'];
const EXPECTED: Record<CommandType, Role[]> = {
  'meeting.start': PRESIDIUM,
  'meeting.finish': PRESIDIUM,
  'day.switch': PRESIDIUM,
  'agenda.open': PRESIDIUM,
  'agenda.next': PRESIDIUM,
  'agenda.previous': PRESIDIUM,
  'agenda.complete': PRESIDIUM,
  'agenda.skip': PRESIDIUM,
  'agenda.reorder': PRESIDIUM,
  'agenda.add': PRESIDIUM,
  'agenda.update': PRESIDIUM,
  'agenda.remove': PRESIDIUM,
  'queue.request': SPEAKERS,
  'queue.withdraw': SPEAKERS,
  'queue.give': PRESIDIUM,
  'queue.end': PRESIDIUM,
  'queue.extend': PRESIDIUM,
  'queue.reorder': PRESIDIUM,
  'queue.setOpen': PRESIDIUM,
  'queue.setSpeakingTime': PRESIDIUM,
  'attendance.checkIn': SPEAKERS,
  'attendance.mark': PRESIDIUM,
  'attendance.markConnected': PRESIDIUM,
  'announcement.post': ['chair'],
  'announcement.clear': ['chair'],
  'link.reissue': ['chair'],
  'screen.show': PRESIDIUM,
  'ballot.create': ['chair'],
  'ballot.update': ['chair'],
  'ballot.open': ['chair'],
  'ballot.close': ['chair'],
  'ballot.publish': ['chair'],
  'ballot.cancel': ['chair'],
  'ballot.vote': ['chair', 'secretary', 'member'],
  'pin.set': ['chair', 'secretary', 'member'],
  'notes.nameVersion': PRESIDIUM,
  'notes.restore': PRESIDIUM,
  // Whether the sender is a voting member of the body is the rule's (shared/review/selfAssessment.ts).
  'review.submitSelf': ['chair', 'secretary', 'member'],
  'committee.appoint': ['chair'],
  // Any voting role may send it; only the committee's members are accepted (shared/review/publication.ts).
  'ballot.confirm': ['chair', 'secretary', 'member'],
  'document.add': PRESIDIUM,
  'document.replace': PRESIDIUM,
  'document.edit': PRESIDIUM,
  'document.remove': PRESIDIUM,
};

const ACTORS: Record<Role, Actor> = {
  chair: { participantId: 'chair', role: 'chair' },
  secretary: { participantId: 'sec', role: 'secretary' },
  member: { participantId: 'm2', role: 'member' },
  guest: { participantId: 'guest', role: 'guest' },
  observer: { participantId: 'obs', role: 'observer' },
  screen: { participantId: 'screen', role: 'screen' },
};

describe('can(actor, command)', () => {
  const { state } = runningMeeting('review-m1');

  it('has a sample for every command type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...COMMAND_TYPES].sort());
    for (const sample of Object.values(SAMPLES)) expect(Command.safeParse(sample).success, sample.type).toBe(true);
  });

  for (const role of ROLES) {
    it(`${role}: exactly the expected commands`, () => {
      const allowed = COMMAND_TYPES.filter((type) => can(ACTORS[role], Command.parse(SAMPLES[type]), state));
      expect(allowed).toEqual(COMMAND_TYPES.filter((type) => EXPECTED[type].includes(role)));
      expect(allowed).toEqual(COMMAND_TYPES.filter((type) => PERMISSIONS[type].includes(role)));
    });
  }

  it('observers and screens can do nothing; members and guests cannot drive the agenda', () => {
    for (const type of COMMAND_TYPES) {
      expect(EXPECTED[type]).not.toContain('observer');
      expect(EXPECTED[type]).not.toContain('screen');
      if (/^(meeting|day|agenda)\./.test(type)) {
        expect(EXPECTED[type]).not.toContain('member');
        expect(EXPECTED[type]).not.toContain('guest');
      }
    }
  });

  it('decide refuses every command of an observer or a screen as forbidden', () => {
    const m = runningMeeting('review-m1');
    for (const who of ['obs', 'screen']) {
      for (const type of COMMAND_TYPES) m.refuse(who, SAMPLES[type], 'forbidden');
    }
  });
});

describe('rules that depend on the payload', () => {
  const m = runningMeeting('review-m1');
  m.ok('m2', { type: 'queue.request', kind: 'speech' }); // id-1
  const check = (who: keyof typeof byId, command: CommandInput) => can(byId[who], Command.parse(command), m.state);
  const byId = { chair: ACTORS.chair, sec: ACTORS.secretary, m1: { participantId: 'm1', role: 'member' }, m2: ACTORS.member, guest: ACTORS.guest } as const;

  it('only the chair and the secretary request the floor on someone’s behalf', () => {
    const onBehalf: CommandInput = { type: 'queue.request', kind: 'speech', participantId: 'm3' };
    expect(['chair', 'sec', 'm1', 'm2', 'guest'].map((w) => check(w as keyof typeof byId, onBehalf))).toEqual([true, true, false, false, false]);
  });

  it('members and guests withdraw only their own requests', () => {
    const withdraw: CommandInput = { type: 'queue.withdraw', requestId: 'id-1' };
    expect(['chair', 'sec', 'm1', 'm2', 'guest'].map((w) => check(w as keyof typeof byId, withdraw))).toEqual([true, true, false, true, false]);
  });

  it('only the member under review asks to reply, among members and guests', () => {
    const reply: CommandInput = { type: 'queue.request', kind: 'reply' };
    expect(['m1', 'm2', 'guest'].map((w) => check(w as keyof typeof byId, reply))).toEqual([true, false, false]);
  });

  it('the presidium files a reply only for the member under review', () => {
    const forSubject: CommandInput = { type: 'queue.request', kind: 'reply', participantId: 'm1' };
    const forOther: CommandInput = { type: 'queue.request', kind: 'reply', participantId: 'm2' };
    expect(['chair', 'sec'].map((w) => [check(w as keyof typeof byId, forSubject), check(w as keyof typeof byId, forOther)])).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(check('chair', { type: 'queue.request', kind: 'reply' })).toBe(false);
  });
});

describe('isReadOnly', () => {
  it('is true exactly for observers and screens', () => {
    expect(ROLES.filter(isReadOnly)).toEqual(['observer', 'screen']);
  });
});
