import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rolesWith, type Role } from 'contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: string;
  homeMunicipality: string | null;
  /** Municipality codes the user may see; null = all. */
  scopeMunicipalities: string[] | null;
  tokenVersion: number;
  oidcSubject: string | null;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  active?: boolean;
  passwordHash?: string;
  homeMunicipality?: string | null;
  /** undefined = leave; null = all municipalities; [] is refused by the service. */
  scopeMunicipalities?: string[] | null;
  /** Ends every session of the user (role, scope, activation or password change). */
  bumpTokenVersion?: boolean;
}

const COLUMNS = `id, email, name, role, password_hash AS "passwordHash", active, created_at AS "createdAt",
  home_municipality AS "homeMunicipality", scope_municipalities AS "scopeMunicipalities",
  token_version AS "tokenVersion", oidc_subject AS "oidcSubject"`;

/** All SQL about users. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows[0] ?? null;
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByOidcSubject(subject: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM app_user WHERE oidc_subject = $1`, [subject]);
    return rows[0] ?? null;
  }

  list(): Promise<UserRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM app_user ORDER BY email`);
  }

  count(): Promise<number> {
    return this.db.query(`SELECT count(*)::int AS n FROM app_user`).then((r: { n: number }[]) => r[0].n);
  }

  /** Inserts when the e-mail is new; leaves an existing user alone. Returns whether it inserted. */
  async insertIfAbsent(user: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    homeMunicipality?: string | null;
    scopeMunicipalities?: string[] | null;
    oidcSubject?: string | null;
  }): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO app_user (email, name, role, password_hash, home_municipality, scope_municipalities, oidc_subject)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email.toLowerCase(), user.name, user.role, user.passwordHash, user.homeMunicipality ?? null, user.scopeMunicipalities ?? null, user.oidcSubject ?? null],
    );
    return rows.length > 0;
  }

  /**
   * Updates one user inside the caller's transaction, the row locked first so two admins cannot
   * both demote "the other" last admin. Answers the row before and after, or null when unknown.
   */
  async update(id: string, patch: UserPatch, manager: EntityManager): Promise<{ before: UserRow; after: UserRow } | null> {
    const locked: UserRow[] = await manager.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
    const before = locked[0];
    if (!before) return null;
    const scopeGiven = patch.scopeMunicipalities !== undefined;
    const homeGiven = patch.homeMunicipality !== undefined;
    const rows: UserRow[] = await manager.query(
      `UPDATE app_user SET name = COALESCE($2, name), role = COALESCE($3, role), active = COALESCE($4, active),
         password_hash = COALESCE($5, password_hash),
         home_municipality = CASE WHEN $6 THEN $7 ELSE home_municipality END,
         scope_municipalities = CASE WHEN $8 THEN $9::text[] ELSE scope_municipalities END,
         token_version = token_version + CASE WHEN $10 THEN 1 ELSE 0 END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id, patch.name ?? null, patch.role ?? null, patch.active ?? null, patch.passwordHash ?? null,
        homeGiven, patch.homeMunicipality ?? null, scopeGiven, patch.scopeMunicipalities ?? null, patch.bumpTokenVersion ?? false,
      ],
    );
    // TypeORM answers UPDATE … RETURNING as [rows, count] on PostgreSQL: take the rows either way (issue 9 defect 4).
    const after = (Array.isArray(rows[0]) ? (rows[0] as unknown as UserRow[])[0] : rows[0]) as UserRow;
    return { before, after };
  }

  /** Invalidates every token issued to the user so far. */
  async bumpTokenVersion(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  /** Active users other than this one whose role may manage accounts, with their rows locked for the rest of the transaction. */
  async otherActiveAdmins(id: string, manager: EntityManager): Promise<number> {
    const roles = rolesWith('users.manage');
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM app_user WHERE role IN (${roles.map((_, i) => `$${i + 2}`).join(', ')}) AND active AND id <> $1 FOR UPDATE`,
      [id, ...roles],
    );
    return rows.length;
  }

  async setOidcSubject(id: string, subject: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET oidc_subject = $2 WHERE id = $1`, [id, subject]);
  }

  /** Municipality codes that exist in the register (to check scopes an admin sets). */
  async knownMunicipalities(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM area WHERE level = 'municipality' AND code = ANY($1::text[])`, [codes]);
    return rows.map((r) => r.code);
  }
}
