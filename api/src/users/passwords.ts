import * as argon2 from 'argon2';

/**
 * Argon2id with the library's defaults (64 MiB, 3 passes): each hash costs real memory and CPU, so
 * at most ARGON2_CONCURRENCY run at once and the rest wait in line (issue 9 item 5: 32 parallel
 * logins made every other request wait seconds). 0 = no bound.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(public limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    // A finishing hash hands its slot straight to the next in line, so the bound holds exactly.
    if (this.limit > 0 && this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const hashing = new Semaphore(2);

/** Set once at start-up from ARGON2_CONCURRENCY. */
export function setArgon2Concurrency(limit: number): void {
  hashing.limit = limit;
}

export const hashPassword = (plain: string): Promise<string> => hashing.run(() => argon2.hash(plain, { type: argon2.argon2id }));

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await hashing.run(() => argon2.verify(hash, plain));
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal which part was wrong. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password');
  return dummy;
}
