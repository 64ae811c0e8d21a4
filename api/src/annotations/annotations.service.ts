import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Annotation, LocalizedText } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import { AreasRepository } from '../areas/areas.repository';
import { AnnotationsRepository } from './annotations.repository';
import type { CreateAnnotationDto } from './annotations.dto';

@Injectable()
export class AnnotationsService {
  constructor(
    private readonly annotations: AnnotationsRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly areas: AreasRepository,
  ) {}

  list(filter: { indicator?: string; area?: string }): Promise<Annotation[]> {
    return this.annotations.list(filter);
  }

  /** A dated event entered by hand (e.g. a rule change), shown on charts and linked by systemic-pattern signals. */
  async create(input: CreateAnnotationDto, actor: string): Promise<Annotation> {
    const indicators = input.indicators ?? [];
    const text: LocalizedText =
      typeof input.text === 'string'
        ? { nl: input.text.trim(), en: input.text.trim() }
        : { nl: input.text.nl.trim(), en: typeof input.text.en === 'string' && input.text.en.trim() ? input.text.en.trim() : input.text.nl.trim() };
    if (typeof input.area === 'string' && !(await this.areas.entry(input.area))) {
      throw new InvalidInputError(`area unknown area ${input.area}`, [{ field: 'area', message: `unknown area ${input.area}` }]);
    }
    const t = text;
    const id = await this.db.transaction(async (m) => {
      const newId = await this.annotations.insert(
        { date: input.date, indicators, area: input.area ?? null, textNl: t.nl, textEn: t.en, agendaItemId: null, actor },
        m,
      );
      await this.audit.record({ actor, action: 'annotations.create', target: newId }, m);
      return newId;
    });
    return (await this.annotations.list({})).find((a) => a.id === id)!;
  }
}
