import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalOrEmpty, rule, Satisfies } from '../common/dto';

export const QUADRANT_PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export class QuadrantsQueryDto {
  @ApiPropertyOptional({ description: 'the period shown (default: the latest with data)', example: '2024-Q1', pattern: QUADRANT_PERIOD.source })
  @IsOptionalOrEmpty()
  @Satisfies('isPeriodLabel', (v) => typeof v === 'string' && QUADRANT_PERIOD.test(v), rule('must look like 2024, 2024-Q1 or 2024-03', undefined, { answer: { message: 'period must look like 2024, 2024-Q1 or 2024-03' } }))
  period?: string;
}
