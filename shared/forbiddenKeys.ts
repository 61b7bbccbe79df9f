/**
 * Keys that mean something to JavaScript objects themselves. JSON.parse makes them ordinary own
 * properties, but anything that copies them (zod's passthrough, a spread, `obj[key] = v`) may set a
 * prototype instead, or find an inherited function where it expected data: a `__proto__` row of a
 * ballot paper was silently dropped and the paper counted. So every payload is refused with such a
 * key anywhere in it, as an unknown key is, before any schema sees it.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * The path of the first forbidden key in a parsed JSON value (e.g. `command.paper.__proto__`), or
 * null. Walked with a stack of its own: a body nested ten thousand levels deep must get its answer,
 * not a RangeError from the call stack.
 */
export function forbiddenKeyPath(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) pending.push([node[i], `${path}[${i}]`]);
      continue;
    }
    const keys = Object.keys(node);
    for (const key of keys) if (FORBIDDEN_KEYS.includes(key)) return path ? `${path}.${key}` : key;
    for (let i = keys.length - 1; i >= 0; i--) pending.push([(node as Record<string, unknown>)[keys[i]], path ? `${path}.${keys[i]}` : keys[i]]);
  }
  return null;
}

export const forbiddenKeyMessage = (path: string) => `${path}: the key "${path.split('.').at(-1)}" is not allowed`;
