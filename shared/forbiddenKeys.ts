/**
 * Keys that mean something to JavaScript objects themselves. JSON.parse makes them ordinary own
 * properties, but anything that copies them (zod's passthrough, a spread, `obj[key] = v`) may set a
 * prototype instead, or find an inherited function where it expected data: a `__proto__` row of a
 * ballot paper was silently dropped and the paper counted. So every payload is refused with such a
 * key anywhere in it, as an unknown key is, before any schema sees it.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The path of the first forbidden key in a parsed JSON value (e.g. `command.paper.__proto__`), or null. */
export function forbiddenKeyPath(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKeyPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.includes(key)) return here;
    const found = forbiddenKeyPath((value as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}

export const forbiddenKeyMessage = (path: string) => `${path}: the key "${path.split('.').at(-1)}" is not allowed`;
