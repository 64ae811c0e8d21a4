import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from 'contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: string;
}

const COLUMNS = `id, email, name, role, password_hash AS "passwordHash", active, created_at AS "createdAt"`;

/** All SQL about users. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT ${COLUMNS} FROM app_user WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  list(): Promise<UserRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM app_user ORDER BY email`);
  }

  count(): Promise<number> {
    return this.db.query(`SELECT count(*)::int AS n FROM app_user`).then((r: { n: number }[]) => r[0].n);
  }

  /** Inserts when the e-mail is new; leaves an existing user alone. Returns whether it inserted. */
  async insertIfAbsent(user: { email: string; name: string; role: Role; passwordHash: string }): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO app_user (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email.toLowerCase(), user.name, user.role, user.passwordHash],
    );
    return rows.length > 0;
  }

  async update(id: string, patch: { name?: string; role?: Role; active?: boolean; passwordHash?: string }): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(
      `UPDATE app_user SET name = COALESCE($2, name), role = COALESCE($3, role), active = COALESCE($4, active),
         password_hash = COALESCE($5, password_hash)
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, patch.name ?? null, patch.role ?? null, patch.active ?? null, patch.passwordHash ?? null],
    );
    return rows[0] ?? null;
  }
}
