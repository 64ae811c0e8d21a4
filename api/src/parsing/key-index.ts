/**
 * The first line of every (indicator, subject, period) key of a file, for the duplicate-key
 * check, in about 24 bytes per key: indicator+period ("slice") and subject are interned to small
 * integers, and their pair is an exact integer key in an open-addressing hash table of typed
 * arrays. A million-row file needs some 24 MB instead of the 150 MB of a Map of string keys.
 */
const SUBJECT_BITS = 2 ** 26;
const MAX_SLICES = 2 ** 27; // sliceId * 2^26 + subjectId stays below 2^53

/** Where the probe for (slice, subject) starts in a table of mask + 1 slots. */
function slot(s: number, u: number, mask: number): number {
  return (Math.imul(s, 0x9e3779b1) ^ Math.imul(u + 1, 0x85ebca77)) & mask;
}

export class KeyIndex {
  private readonly slices = new Map<string, number>();
  private readonly subjects = new Map<string, number>();
  private keys: Float64Array;
  private lines: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 12) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Float64Array(slots);
    this.lines = new Int32Array(slots);
  }

  get count(): number {
    return this.size;
  }

  /**
   * Records the key at `line` and returns 0, or returns the line where the key was first seen.
   * `slice` is anything that identifies indicator and period together (e.g. `code\0label`).
   */
  firstLine(slice: string, subject: string, line: number): number {
    const s = this.intern(this.slices, slice, MAX_SLICES);
    const u = this.intern(this.subjects, subject, SUBJECT_BITS);
    const key = s * SUBJECT_BITS + u + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let i = slot(s, u, mask);
    for (;;) {
      const k = this.keys[i];
      if (k === 0) break;
      if (k === key) return this.lines[i];
      i = (i + 1) & mask;
    }
    this.keys[i] = key;
    this.lines[i] = line;
    if (++this.size * 2 > this.keys.length) this.grow();
    return 0;
  }

  private intern(map: Map<string, number>, value: string, limit: number): number {
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      if (id >= limit) throw new RangeError('too many distinct keys in one file');
      map.set(value, id);
    }
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key === 0) continue;
      const s = Math.floor((key - 1) / SUBJECT_BITS);
      const u = key - 1 - s * SUBJECT_BITS;
      let i = slot(s, u, mask);
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = key;
      this.lines[i] = oldLines[j];
    }
  }
}
