import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { can, type Role, type UserAccount } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { AccessCheck } from './access-check';
import { SessionsRepository } from './sessions.repository';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../common/password-policy';
import { hashPassword } from './passwords';
import { UsersRepository, type UserPatch, type UserRow } from './users.repository';
import { DEMO_ACCOUNTS, DEMO_HOME } from './demo-accounts';

export { DEMO_ACCOUNTS, DEMO_HOME } from './demo-accounts';

/** Never the hash: the one way a user row leaves the API. */
export const view = (u: UserRow): UserAccount => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
  homeMunicipality: u.homeMunicipality,
  scope: u.scopeMunicipalities ? { municipalities: u.scopeMunicipalities } : null,
  origin: u.oidcSubject ? 'oidc' : 'local',
});

export interface UserInput {
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
  homeMunicipality?: string | null;
  /** Its form checked by the DTO (`isScope`). */
  scope?: { municipalities: string[] } | null;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly access: AccessCheck,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserAccount[]> {
    return (await this.users.list()).map(view);
  }

  async create(input: { email: string; name: string; role: Role; password: string; homeMunicipality?: string | null; scope?: { municipalities: string[] } | null }, actor: string): Promise<UserAccount> {
    this.checkPassword(input.password, input.email);
    const scope = await this.parseScope(input.scope);
    if (input.homeMunicipality) await this.checkMunicipalities([input.homeMunicipality], 'homeMunicipality');
    const inserted = await this.users.insertIfAbsent({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      homeMunicipality: input.homeMunicipality ?? scope?.[0] ?? null,
      scopeMunicipalities: scope ?? null,
    });
    if (!inserted) throw new ConflictError(`A user with e-mail ${input.email} already exists`, undefined, { code: 'users.exists' });
    const row = (await this.users.findByEmail(input.email))!;
    await this.audit.record({ actor, action: 'user.create', target: row.id, details: { email: row.email, role: row.role, scope: row.scopeMunicipalities, homeMunicipality: row.homeMunicipality } });
    return view(row);
  }

  /**
   * Changes one account. Role, scope, activation and password changes end the user's sessions at
   * the next request (token version) and are audited with before and after; the last active admin
   * can be neither deactivated nor demoted (409).
   */
  async update(id: string, input: UserInput, actor: string): Promise<UserAccount> {
    const patch: UserPatch = { name: input.name, role: input.role, active: input.active, homeMunicipality: input.homeMunicipality };
    if (input.scope !== undefined) patch.scopeMunicipalities = await this.parseScope(input.scope);
    if (input.homeMunicipality) await this.checkMunicipalities([input.homeMunicipality], 'homeMunicipality');
    const existing = await this.users.findById(id);
    if (!existing) throw new NotFoundError(`No user ${id}`, undefined, { code: 'users.notFound' });
    if (input.password !== undefined) {
      this.checkPassword(input.password, existing.email);
      patch.passwordHash = await hashPassword(input.password);
    }
    const result = await this.db.transaction(async (m) => {
      const changed = await this.users.update(id, { ...patch, bumpTokenVersion: false }, m);
      if (!changed) return null;
      const { before, after } = changed;
      const leavesAdmins = can(before.role, 'users.manage') && before.active && (!can(after.role, 'users.manage') || !after.active);
      if (leavesAdmins && (await this.users.otherActiveAdmins(id, m)) === 0) {
        throw new ConflictError('This is the last active admin: make another user admin first', undefined, { code: 'users.lastAdmin' });
      }
      const sensitive =
        before.role !== after.role ||
        before.active !== after.active ||
        JSON.stringify(before.scopeMunicipalities) !== JSON.stringify(after.scopeMunicipalities) ||
        patch.passwordHash !== undefined;
      if (sensitive) {
        await this.users.bumpTokenVersion(id, m);
        if (!after.active || patch.passwordHash !== undefined) await this.sessions.revokeAllOfUser(id, !after.active ? 'deactivated' : 'password changed', m);
      }
      const changes = diff(before, after, patch.passwordHash !== undefined);
      await this.audit.record({ actor, action: 'user.update', target: id, details: { email: after.email, ...changes } }, m);
      return after;
    });
    if (!result) throw new NotFoundError(`No user ${id}`, undefined, { code: 'users.notFound' });
    this.access.forget(id);
    return view((await this.users.findById(id)) ?? result);
  }

  /** Demo mode only: the four @demo.local accounts with password "demo" (the policy is for passwords set through the API). */
  async seedDemoAccounts(): Promise<void> {
    const hash = await hashPassword('demo');
    for (const a of DEMO_ACCOUNTS) {
      await this.users.insertIfAbsent({ email: a.email, name: a.name, role: a.role, passwordHash: hash, homeMunicipality: DEMO_HOME, scopeMunicipalities: a.scope });
    }
  }

  /** With DATABASE_URL: the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD (checked by the policy in loadConfig). */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const created = await this.users.insertIfAbsent({ email, name: 'Beheerder', role: 'admin', passwordHash: await hashPassword(password) });
    if (created) this.logger.log(`Created the first admin account ${email}`);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  private checkPassword(password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw new InvalidInputError(`password ${problem}`, [{ field: 'password', message: problem, code: 'users.passwordPolicy', params: { min: MIN_PASSWORD_LENGTH } }], {
        code: 'users.passwordPolicy',
        params: { min: MIN_PASSWORD_LENGTH },
      });
  }

  /** `null` = all; `{municipalities:[code…]}` (its form checked by the DTO) with known codes. */
  private async parseScope(raw: { municipalities: string[] } | null | undefined): Promise<string[] | null | undefined> {
    if (raw === undefined) return undefined;
    if (raw === null) return null;
    const codes = [...new Set(raw.municipalities)].sort();
    await this.checkMunicipalities(codes, 'scope.municipalities');
    return codes;
  }

  private async checkMunicipalities(codes: string[], field: string): Promise<void> {
    const known = new Set(await this.users.knownMunicipalities(codes));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw new InvalidInputError(`${field}: unknown municipality ${unknown.join(', ')}`, [{ field, message: `unknown: ${unknown.join(', ')}` }], { code: 'users.unknownMunicipality' });
  }
}

/** Before/after of what changed, for the audit trail; a password change is noted, never its hash. */
function diff(before: UserRow, after: UserRow, passwordChanged: boolean): Record<string, unknown> {
  const fields = ['name', 'role', 'active', 'homeMunicipality', 'scopeMunicipalities'] as const;
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) {
      const key = f === 'scopeMunicipalities' ? 'scope' : f;
      b[key] = before[f];
      a[key] = after[f];
    }
  }
  return { before: b, after: a, ...(passwordChanged ? { passwordChanged: true } : {}) };
}
