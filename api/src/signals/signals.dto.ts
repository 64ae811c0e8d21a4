import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUADRANTS, RULES, SIGNAL_STATUSES, type Quadrant, type RuleName, type SignalStatus } from 'contracts';
import { IsOneOf, IsOptional, IsOptionalOrEmpty, PageQueryDto, rule, Satisfies } from '../common/dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /signals` filters (each optional) and paging. */
export class SignalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: `one or more of ${SIGNAL_STATUSES.join(', ')}, comma-separated`, example: 'open,interpreted' })
  @IsOptionalOrEmpty()
  @Satisfies(
    'isStatusList',
    (v) => typeof v === 'string' && v.split(',').map((s) => s.trim()).filter(Boolean).every((s) => (SIGNAL_STATUSES as readonly string[]).includes(s)),
    rule(`must be one of ${SIGNAL_STATUSES.join(', ')}`),
  )
  status?: string;

  @ApiPropertyOptional({ enum: RULES })
  @IsOptionalOrEmpty()
  @IsOneOf(RULES, rule(`must be one of ${RULES.join(', ')}`))
  rule?: RuleName;

  @ApiPropertyOptional({ enum: QUADRANTS })
  @IsOptionalOrEmpty()
  @IsOneOf(QUADRANTS, rule(`must be one of ${QUADRANTS.join(', ')}`))
  quadrant?: Quadrant;

  @ApiPropertyOptional({ description: 'area code: signals about this area' })
  @IsOptional()
  area?: string;

  @ApiPropertyOptional({ description: 'indicator code' })
  @IsOptional()
  indicator?: string;

  @ApiPropertyOptional({ enum: ['me'], description: '`me`: only signals the caller owns ("Alleen mijn signalen"); an API key owns none' })
  @IsOptionalOrEmpty()
  @IsOneOf(['me'] as const, rule('must be me'))
  owner?: 'me';

  @ApiPropertyOptional({ enum: ['members'], description: '`members`: list group members too, each with its groupId' })
  @IsOptionalOrEmpty()
  @Satisfies('isInclude', (v) => typeof v === 'string' && v.split(',').every((s) => s.trim() === 'members'), rule('must be members'))
  include?: string;
}

/** `PATCH /signals/:id`: a lifecycle move. */
export class TransitionDto {
  @ApiProperty({ enum: SIGNAL_STATUSES })
  @IsOneOf(SIGNAL_STATUSES, rule(`must be one of ${SIGNAL_STATUSES.join(', ')}`))
  status!: SignalStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'required for dismissed and closed' })
  @IsOptional()
  @Satisfies('isText', (v) => typeof v === 'string', rule('must be a text'))
  @Satisfies('maxText', (v) => typeof v !== 'string' || v.trim().length <= 4000, rule('must be at most 4000 characters'))
  comment?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'with status on-agenda: put the signal on this meeting’s agenda' })
  @IsOptional()
  @Satisfies('isMeetingId', (v) => typeof v === 'string' && UUID.test(v), rule('must be a meeting id'))
  meetingId?: string | null;
}
