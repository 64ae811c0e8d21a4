import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { UnauthorizedError } from '../common/errors';
import { UsersRepository } from '../users/users.repository';
import { dummyHash, verifyPassword } from '../users/passwords';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, ttlSeconds: number): Promise<LoginResponse> {
    const user = await this.users.findByEmail(email);
    // Verify against a dummy hash for unknown users: same answer, same time, nothing revealed.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      await this.audit.record({ actor: email.toLowerCase(), action: 'auth.login-failed' });
      throw new UnauthorizedError('E-mail address or password is incorrect');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, name: user.name, role: user.role });
    await this.audit.record({ actor: user.email, action: 'auth.login' });
    return { accessToken, expiresIn: ttlSeconds, user: { email: user.email, name: user.name, role: user.role } };
  }
}
