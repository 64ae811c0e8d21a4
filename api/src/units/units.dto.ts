import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from '../common/dto';

export class UnitsQueryDto {
  @ApiPropertyOptional({ description: 'only the units in this area or inside it (code)' })
  @IsOptional()
  area?: string;
}
