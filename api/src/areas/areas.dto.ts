import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_LEVELS, foldName, type AreaLevel } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalOrEmpty, rule, Satisfies } from '../common/dto';

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_LIMIT = 25;

export class AreasQueryDto {
  @ApiPropertyOptional({ enum: AREA_LEVELS })
  @IsOptionalOrEmpty()
  @IsOneOf(AREA_LEVELS, rule('unknown level', undefined, { answer: { message: `level must be one of ${AREA_LEVELS.join(', ')}` } }))
  level?: AreaLevel;

  @ApiPropertyOptional({ description: 'only the direct children of this area (code)' })
  @IsOptional()
  parent?: string;
}

/** `GET /areas/search?q=&limit=`. */
export class AreaSearchQueryDto {
  @ApiProperty({ description: `a name, at least 2 letters, at most ${SEARCH_MAX_LENGTH} characters`, example: 'Den Haag' })
  @Satisfies('maxQuery', (v) => typeof v !== 'string' || v.trim().length <= SEARCH_MAX_LENGTH, rule('too long', undefined, { answer: { message: `q is longer than ${SEARCH_MAX_LENGTH} characters` } }))
  @Satisfies('minQuery', (v) => typeof v === 'string' && (v.trim().length > SEARCH_MAX_LENGTH || foldName(v.trim()).length >= 2), rule('too short', undefined, { answer: { message: 'q needs at least 2 letters' } }))
  q!: string;

  @ApiPropertyOptional({ type: String, description: `1–${SEARCH_MAX_LIMIT}, default 10`, pattern: '^\\d+$' })
  @IsOptionalOrEmpty()
  @Satisfies('searchLimit', (v) => Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= SEARCH_MAX_LIMIT, rule('out of range', undefined, { answer: { message: `limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}` } }))
  limit?: string;
}
