import { Allow, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from 'contracts';

export class CreateUserDto {
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  /** Checked against the password policy by the service (length ≥ 12, not a common password). */
  @IsString({ message: 'password must be a string' })
  @MaxLength(200)
  password!: string;

  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'homeMunicipality must be a municipality code like GM0518' })
  homeMunicipality?: string | null;

  /** null = all municipalities; {municipalities:[code]} (checked by the service). */
  @Allow()
  scope?: unknown;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  name?: string;

  @IsOptional()
  @IsIn(ROLES as unknown as string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @IsOptional()
  @IsString({ message: 'password must be a string' })
  @MaxLength(200)
  password?: string;

  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'homeMunicipality must be a municipality code like GM0518' })
  homeMunicipality?: string | null;

  @Allow()
  scope?: unknown;
}
