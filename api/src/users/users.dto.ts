import { Allow, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from 'contracts';

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
  @Allow()
  scope?: unknown;
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
  @Allow()
  scope?: unknown;
}
