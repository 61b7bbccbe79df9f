import type { Server } from 'socket.io';
import type { ClientToServer, InterServer, ServerToClient } from '../../shared/protocol.js';
import type { Logger } from '../log.js';
import type { YjsEndpoint } from '../yjs/endpoint.js';
import { participantChannel } from './rooms.js';

const REVOKE = 'link:revoke';
/** How long a reissue waits for the other instances to close the old link's connections. */
const REVOKE_WAIT_MS = 1000;

/**
 * Closes every connection of a participant whose link was reissued, Socket.IO and Yjs, on every
 * instance, before the reissue is acknowledged: once the chair holds the new link, the old one can
 * send nothing that is stored or relayed anywhere. (The store already refuses the old token for any
 * new connection; this is about the ones already open.)
 */
export class Revocation {
  constructor(
    private readonly io: Server<ClientToServer, ServerToClient, InterServer>,
    private readonly yjs: () => YjsEndpoint,
    private readonly clustered: boolean,
    private readonly log: Logger,
  ) {
    io.on(REVOKE, (meetingId, participantId, answer) => {
      this.here(meetingId, participantId);
      answer(true);
    });
  }

  /** This instance's connections of the participant. */
  private here(meetingId: string, participantId: string): void {
    const channel = participantChannel(meetingId, participantId);
    this.io.local.to(channel).emit('revoked', { reason: 'link-reissued' });
    this.io.local.in(channel).disconnectSockets(true);
    this.yjs().revoke(meetingId, participantId);
  }

  async everywhere(meetingId: string, participantId: string): Promise<void> {
    this.here(meetingId, participantId);
    if (!this.clustered) return;
    try {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REVOKE_WAIT_MS} ms`)), REVOKE_WAIT_MS);
      });
      await Promise.race([this.io.serverSideEmitWithAck(REVOKE, meetingId, participantId), late]).finally(() => clearTimeout(timer));
    } catch (e) {
      // An instance that does not answer is down or cut off; its clients reconnect and meet the new token.
      this.log.warn("an instance did not confirm closing a reissued link's connections", { meetingId, err: e instanceof Error ? e.message : String(e) });
    }
  }
}
