import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'analyst@demo.local' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 200 })
  @IsString({ message: 'password must be a string' })
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}

/** `GET /auth/oidc/login?returnTo=`: the page to open after signing in (same site only; checked by the OIDC service). */
export class OidcLoginQueryDto {
  @ApiPropertyOptional({ description: 'path of the page to open after signing in', example: '/signalen' })
  @IsOptional()
  returnTo?: string;
}
