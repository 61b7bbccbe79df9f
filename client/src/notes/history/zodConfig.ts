import { config } from 'zod';

/**
 * The page's Content-Security-Policy allows no eval, and zod probes for it (`Function('')`, a
 * reported violation) when a schema is built, to compile fast parsers that could not run here
 * anyway. Imported before the shared schemas by every module that uses them, so it runs first.
 */
config({ jitless: true });
