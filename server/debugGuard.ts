/**
 * Socket.IO, its parser and Engine.IO print raw packets when the DEBUG environment variable enables
 * them (the `debug` module): the handshake carrying a participant's token, then every command on
 * that connection, ballot papers included, which would link a voter to a choice in the output.
 * This module is the entry point's first import, so it runs before any of them loads and reads
 * DEBUG: it switches those namespaces off whatever DEBUG asks for; everything else stays as asked.
 */
const PACKET_LOGGERS = ['socket.io*', 'engine*'];

const asked = process.env.DEBUG;

/** What DEBUG asked for, when this module had to silence part of it (main.ts says so in the log). */
export const silencedDebug: string | null = asked ? asked : null;

if (asked) process.env.DEBUG = [asked, ...PACKET_LOGGERS.map((n) => `-${n}`)].join(',');
