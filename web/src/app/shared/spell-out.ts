/** "minBaselinePeriods" → "min baseline periods": words, never a raw key. */
export function spellOut(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase().trim();
}
