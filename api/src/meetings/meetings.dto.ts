import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoDate, IsOneOf, IsOptional, IsOptionalOrEmpty, IsOptionalNotNull, IsText, LangQueryDto, rule, Satisfies } from '../common/dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class MeetingsQueryDto {
  @ApiPropertyOptional({ description: 'only the meetings of this area (code)' })
  @IsOptional()
  @IsText(0, 100, rule('must be an area code'))
  area?: string;
}

export class CreateMeetingDto {
  @ApiProperty({ format: 'date', example: '2025-03-14' })
  @IsIsoDate(rule('must be a date like 2025-03-14'))
  date!: string;

  @ApiProperty({ minLength: 1, maxLength: 300 })
  @IsText(1, 300, rule('must be a text of 1 to 300 characters'))
  title!: string;

  @ApiProperty({ description: 'area code, e.g. GM0518' })
  @IsText(1, 100, rule('must be an area code'))
  area!: string;
}

export class AddAgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  @Satisfies('isSignalId', (v) => typeof v === 'string' && UUID.test(v), rule('must be a signal id'))
  signalId!: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @IsOptional()
  @IsText(0, 4000, rule('must be a text of at most 4000 characters'))
  notes?: string | null;
}

export class DecisionDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsText(1, 4000, rule('must be a text of 1 to 4000 characters', 'decision.text', { answer: { code: 'decision.text' } }))
  decision!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'follow-up: when the effect is to be measured; after the meeting date, not before the deadline' })
  @IsOptionalOrEmpty()
  @IsIsoDate(rule('must be a date like 2025-09-14', 'decision.date', { params: { field: 'effectDueOn' }, answer: { code: 'decision.date', params: { field: 'effectDueOn' } } }))
  effectDueOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'by when the decision is carried out; on or after the meeting date' })
  @IsOptionalOrEmpty()
  @IsIsoDate(rule('must be a date like 2025-09-14', 'decision.date', { params: { field: 'deadline' }, answer: { code: 'decision.date', params: { field: 'deadline' } } }))
  deadline?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the owner: an active user who may own signals' })
  @IsOptionalOrEmpty()
  @Satisfies('isUserId', (v) => typeof v === 'string' && UUID.test(v), rule('must be a user id', 'decision.owner', { answer: { code: 'decision.owner' } }))
  ownerId?: string | null;
}

export class BriefQueryDto extends LangQueryDto {
  @ApiPropertyOptional({ enum: ['html', 'pdf', 'json'], description: 'printable HTML (default), a PDF file, or the content model both are drawn from' })
  @IsOptionalNotNull()
  @IsOneOf(['html', 'pdf', 'json'], rule('must be html, pdf or json', 'brief.format', { answer: { message: 'format must be html, pdf or json', code: 'brief.format' } }))
  format?: 'html' | 'pdf' | 'json';
}
