import { Injectable, Logger } from '@nestjs/common';
import type { Role, UserAccount } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors';
import { hashPassword } from './passwords';
import { UsersRepository, type UserRow } from './users.repository';

const view = ({ passwordHash: _omit, ...u }: UserRow): UserAccount => u;

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.local', name: 'Demo beheerder', role: 'admin' },
  { email: 'analyst@demo.local', name: 'Demo analist', role: 'analyst' },
  { email: 'manager@demo.local', name: 'Demo teammanager', role: 'manager' },
  { email: 'council@demo.local', name: 'Demo raadslid', role: 'council' },
];

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserAccount[]> {
    return (await this.users.list()).map(view);
  }

  async create(input: { email: string; name: string; role: Role; password: string }, actor: string): Promise<UserAccount> {
    const inserted = await this.users.insertIfAbsent({ ...input, passwordHash: await hashPassword(input.password) });
    if (!inserted) throw new ConflictError(`A user with e-mail ${input.email} already exists`);
    await this.audit.record({ actor, action: 'user.create', target: input.email, details: { role: input.role } });
    return view((await this.users.findByEmail(input.email))!);
  }

  async update(id: string, patch: { name?: string; role?: Role; active?: boolean; password?: string }, actor: string): Promise<UserAccount> {
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    const row = await this.users.update(id, { name: patch.name, role: patch.role, active: patch.active, passwordHash });
    if (!row) throw new NotFoundError(`No user ${id}`);
    await this.audit.record({ actor, action: 'user.update', target: row.email, details: { role: patch.role, active: patch.active } });
    return view(row);
  }

  /** Demo mode only: the four @demo.local accounts with password "demo". */
  async seedDemoAccounts(): Promise<void> {
    const hash = await hashPassword('demo');
    for (const a of DEMO_ACCOUNTS) await this.users.insertIfAbsent({ ...a, passwordHash: hash });
  }

  /** With DATABASE_URL: the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const created = await this.users.insertIfAbsent({ email, name: 'Beheerder', role: 'admin', passwordHash: await hashPassword(password) });
    if (created) this.logger.log(`Created the first admin account ${email}`);
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
