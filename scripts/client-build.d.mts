/** Whether dist/client is missing or older than client/, shared/ or vite.config.ts under `root`. */
export function clientIsStale(root: string): boolean;
/** Runs `vite build` in `root`; returns its exit code. */
export function buildClient(root: string, args?: string[]): number;
