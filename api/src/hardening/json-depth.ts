/**
 * The deepest nesting of arrays/objects in a JSON text, scanning bytes once (strings skipped), so
 * that a hostile body is refused before JSON.parse or any recursive walker sees it.
 * Stops counting at `stopAt + 1`.
 */
export function jsonDepth(buf: Uint8Array, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The path of the first string (value or key) holding a NUL character, e.g. `observations[3].subject`. */
export function findNul(value: unknown, path = 'body', depth = 0): string | null {
  if (depth > 1000) return null;
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path === 'query' || path === 'body' ? k : `${path}.${k}`;
      if (k.includes('\u0000')) return p;
      const hit = findNul(v, p, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}
