import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's seed/data folder, found from here whether running from src (tests) or dist. */
export function seedDataDir(): string {
  if (process.env.SEED_DATA_DIR) return process.env.SEED_DATA_DIR;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'seed', 'data');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('seed/data not found; set SEED_DATA_DIR');
}
