import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalOrEmpty, PageQueryDto, rule, Satisfies } from '../common/dto';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const isInstant = (v: unknown) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
const isText = (v: unknown) => typeof v === 'string' && v.length <= 200 && !v.includes('\u0000');

function instant(field: 'from' | 'to') {
  return rule('date or ISO timestamp', undefined, { answer: { message: `${field} must be a date (2026-12-01) or an ISO timestamp`, code: 'audit.date' } });
}

/** `GET /audit`: filters (each optional), newest first, keyset paged. */
export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'e-mail address of who did it', maxLength: 200 })
  @IsOptionalOrEmpty()
  @Satisfies('isText', isText, rule('one text value', undefined, { answer: { message: 'actor must be one text value' } }))
  actor?: string;

  @ApiPropertyOptional({ description: 'action, e.g. users.create', maxLength: 200 })
  @IsOptionalOrEmpty()
  @Satisfies('isText', isText, rule('one text value', undefined, { answer: { message: 'action must be one text value' } }))
  action?: string;

  @ApiPropertyOptional({ description: 'from this date (2026-12-01) or ISO timestamp' })
  @IsOptionalOrEmpty()
  @Satisfies('isInstant', isInstant, instant('from'))
  from?: string;

  @ApiPropertyOptional({ description: 'up to this timestamp, or to the end of this date' })
  @IsOptionalOrEmpty()
  @Satisfies('isInstant', isInstant, instant('to'))
  to?: string;
}
