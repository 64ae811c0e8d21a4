import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Layering rules that a type checker cannot see, checked on the source text (run by `npm test`, project api).
 * SQL lives in repositories: `.query(` and `createQueryBuilder` only in `*.repository.ts`, in api/src/database/
 * (connection, advisory locks, health probe) and in migrations/ (outside api/src). Specs may query freely.
 */
const API_SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The lines of `text` that run SQL: `.query(` (TypeORM DataSource, EntityManager, QueryRunner) or a query builder. */
export function sqlLines(text: string): number[] {
  const found: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (/\.query\s*(<[^>]*>)?\s*\(|createQueryBuilder\s*\(/.test(line)) found.push(i + 1);
  });
  return found;
}

export function mayRunSql(path: string): boolean {
  const rel = relative(API_SRC, path).split(sep).join('/');
  return rel.endsWith('.repository.ts') || rel.startsWith('database/');
}

describe('architecture: SQL only in repositories', () => {
  it('finds SQL the way the rule means it (the check can fail)', () => {
    expect(sqlLines('const a = 1;\nawait this.db.query(`SELECT 1`);\nm.query<Row[]>(sql)\nrepo.createQueryBuilder("a")')).toEqual([2, 3, 4]);
    expect(sqlLines('const query = parse(req.query);\nqueryParams.get("x")')).toEqual([]);
    expect(mayRunSql(join(API_SRC, 'users', 'users.repository.ts'))).toBe(true);
    expect(mayRunSql(join(API_SRC, 'database', 'ping.ts'))).toBe(true);
    expect(mayRunSql(join(API_SRC, 'users', 'users.service.ts'))).toBe(false);
    expect(mayRunSql(join(API_SRC, 'health', 'health.controller.ts'))).toBe(false);
  });

  it('has no .query( or createQueryBuilder outside *.repository.ts and api/src/database/', () => {
    const offenders = sourceFiles(API_SRC)
      .filter((path) => !mayRunSql(path))
      .flatMap((path) => sqlLines(readFileSync(path, 'utf8')).map((line) => `${relative(API_SRC, path)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
