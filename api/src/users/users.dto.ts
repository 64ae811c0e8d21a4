import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from 'contracts';
import { rule, Satisfies } from '../common/dto';

/** `null` (all municipalities) or `{municipalities: ["GM0518", …]}` (1–400 codes); whether they exist is the service's check. */
export function isScope(v: unknown): v is null | { municipalities: string[] } {
  if (v === null) return true;
  const list = (v as { municipalities?: unknown } | undefined)?.municipalities;
  return typeof v === 'object' && !Array.isArray(v) && Array.isArray(list) && list.length > 0 && list.length <= 400 && list.every((c) => typeof c === 'string' && /^GM\d{4}$/.test(c));
}
const SCOPE_RULE = rule('null or {municipalities:[code]}', undefined, {
  answer: { message: 'scope must be null (all municipalities) or {"municipalities":["GM0518", …]}', code: 'users.scope' },
});

export class CreateUserDto {
  @ApiProperty({ format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  /** Checked against the password policy by the service (length ≥ 12, not a common password). */
  @ApiProperty({ format: 'password', description: 'at least 12 characters, not a common password' })
  @IsString({ message: 'password must be a string' })
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GM0518' })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'homeMunicipality must be a municipality code like GM0518' })
  homeMunicipality?: string | null;

  /** null = all municipalities; {municipalities:[code]} (checked by the service). */
  @ApiPropertyOptional({ type: 'object', nullable: true, properties: { municipalities: { type: 'array', items: { type: 'string' } } }, description: 'null: all municipalities' })
  @Satisfies('isScope', (v) => v === undefined || isScope(v), SCOPE_RULE)
  scope?: { municipalities: string[] } | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ format: 'password' })
  @IsOptional()
  @IsString({ message: 'password must be a string' })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GM0518' })
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'homeMunicipality must be a municipality code like GM0518' })
  homeMunicipality?: string | null;

  @ApiPropertyOptional({ type: 'object', nullable: true, properties: { municipalities: { type: 'array', items: { type: 'string' } } }, description: 'null: all municipalities' })
  @Satisfies('isScope', (v) => v === undefined || isScope(v), SCOPE_RULE)
  scope?: { municipalities: string[] } | null;
}
