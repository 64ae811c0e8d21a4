import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Annotation, FieldError, LocalizedText } from 'contracts';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import { AreasRepository } from '../areas/areas.repository';
import { AnnotationsRepository } from './annotations.repository';

export interface AnnotationInput {
  date?: unknown;
  indicators?: unknown;
  area?: unknown;
  text?: unknown;
}

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

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
  async create(input: AnnotationInput, actor: string): Promise<Annotation> {
    const errors: FieldError[] = [];
    if (!isIsoDate(input.date)) errors.push({ field: 'date', message: 'must be a date like 2024-03-01' });
    const indicators = input.indicators ?? [];
    if (!Array.isArray(indicators) || !indicators.every((i) => typeof i === 'string' && i.length > 0 && i.length <= 100))
      errors.push({ field: 'indicators', message: 'must be a list of indicator codes' });
    if (input.area !== undefined && input.area !== null && typeof input.area !== 'string') errors.push({ field: 'area', message: 'must be an area code' });
    let text: LocalizedText | null = null;
    if (typeof input.text === 'string' && input.text.trim()) text = { nl: input.text.trim(), en: input.text.trim() };
    else if (typeof input.text === 'object' && input.text !== null) {
      const t = input.text as Partial<LocalizedText>;
      if (typeof t.nl === 'string' && t.nl.trim()) text = { nl: t.nl.trim(), en: typeof t.en === 'string' && t.en.trim() ? t.en.trim() : t.nl.trim() };
    }
    if (!text || text.nl.length > 2000) errors.push({ field: 'text', message: 'must be a text (or {nl,en}) of at most 2000 characters' });
    if (typeof input.area === 'string') {
      if (!(await this.areas.entry(input.area))) errors.push({ field: 'area', message: `unknown area ${input.area}` });
    }
    if (errors.length || !text) throw new InvalidInputError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
    const t = text;
    const id = await this.db.transaction(async (m) => {
      const newId = await this.annotations.insert(
        { date: input.date as string, indicators: indicators as string[], area: (input.area as string | undefined) ?? null, textNl: t.nl, textEn: t.en, agendaItemId: null, actor },
        m,
      );
      await this.audit.record({ actor, action: 'annotations.create', target: newId }, m);
      return newId;
    });
    return (await this.annotations.list({})).find((a) => a.id === id)!;
  }
}
