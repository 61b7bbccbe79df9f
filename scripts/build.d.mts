/** The compiled server's entry (`dist/server/server/main.js`), relative to the app's root. */
export const SERVER_ENTRY: string;
/** The compiled CLI's entry (`dist/server/server/cli.js`), relative to the app's root. */
export const CLI_ENTRY: string;
/** The app's root (where package.json is), absolute. */
export const ROOT: string;
/** Whether dist/client is missing or older than client/, shared/ or vite.config.ts under `root`. */
export function clientIsStale(root: string): boolean;
/** Whether dist/server is missing, incomplete or older than server/, shared/ or the tsconfigs under `root`. */
export function serverIsStale(root: string): boolean;
/** Runs `vite build` in `root`; returns its exit code. */
export function buildClient(root: string, args?: string[]): number;
/** Compiles server/ and shared/ into dist/server afresh; returns tsc's exit code. */
export function buildServer(root: string): number;
/** Builds whichever is stale (both with `force`); returns the first failing exit code, or 0. */
export function buildStale(root: string, opts?: { force?: boolean; say?: (line: string) => void; viteArgs?: string[] }): number;
