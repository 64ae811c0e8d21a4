import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { IndicatorInputDto } from './indicators/indicators.dto';
import { BriefQueryDto, CreateMeetingDto } from './meetings/meetings.dto';
import { SignalQueryDto } from './signals/signals.dto';
import { RequestValidationPipe, validateOneOrMany } from './common/validation';

const pipe = new RequestValidationPipe();

async function refusal(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return (e as BadRequestException).getResponse() as Record<string, unknown>;
  }
  throw new Error('expected a 400');
}

describe('RequestValidationPipe (DTO errors in the API error shape)', () => {
  it('names every bad field of a body, in the hand checks’ words', async () => {
    const body = await refusal(() => pipe.transform({ date: '2025-02-30', title: ' ', area: 7 }, { type: 'body', metatype: CreateMeetingDto }));
    expect(body.errors).toEqual([
      { field: 'date', message: 'must be a date like 2025-03-14' },
      { field: 'title', message: 'must be a text of 1 to 300 characters' },
      { field: 'area', message: 'must be an area code' },
    ]);
    expect(body.message).toBe('date must be a date like 2025-03-14; title must be a text of 1 to 300 characters; area must be an area code');
    expect(body.code).toBeUndefined();
  });

  it('refuses unknown body fields by name, and passes a good body as the DTO', async () => {
    const body = await refusal(() => pipe.transform({ date: '2025-03-14', title: 'T', area: 'GM0518', extra: 1 }, { type: 'body', metatype: CreateMeetingDto }));
    expect(body.errors).toEqual([{ field: 'extra', message: 'unknown field extra' }]);
    const ok = await pipe.transform({ date: '2025-03-14', title: 'T', area: 'GM0518' }, { type: 'body', metatype: CreateMeetingDto });
    expect(ok).toBeInstanceOf(CreateMeetingDto);
  });

  it('carries a field’s message key, and a lone error’s key for the whole answer', async () => {
    const body = await refusal(() => pipe.transform({ format: 'docx' }, { type: 'query', metatype: BriefQueryDto }));
    expect(body).toEqual({ message: 'format must be html, pdf or json', code: 'brief.format', errors: [{ field: 'format', message: 'must be html, pdf or json', code: 'brief.format' }] });
    const paging = await refusal(() => pipe.transform({ limit: '5000' }, { type: 'query', metatype: SignalQueryDto }));
    expect(paging).toEqual({ message: 'limit must be a whole number from 1 to 1000', code: 'paging.limit', params: { max: 1000 }, errors: [{ field: 'limit', message: '1–1000' }] });
  });

  it('ignores unknown query parameters', async () => {
    await expect(pipe.transform({ status: 'open', utm: 'x' }, { type: 'query', metatype: SignalQueryDto })).resolves.toEqual(expect.objectContaining({ status: 'open' }));
  });

  it('names array items and nested fields as [i].field and leadsTo[j].maxLag', async () => {
    const good = { code: 'a', name: { nl: 'a', en: 'a' }, quadrant: 'I', measure: 'count', polarity: 'higher-is-worse' };
    const body = await refusal(() => validateOneOrMany(IndicatorInputDto, [good, { ...good, code: 'B C', leadsTo: [{ indicator: 'a', maxLag: 99 }] }]));
    expect(body.errors).toEqual([
      { field: '[1].code', message: 'code must be lower-case letters, digits, "-", "_" or "." (e.g. debt-signals)' },
      { field: '[1].leadsTo[0].maxLag', message: 'maxLag must be a whole number of periods 0–24' },
    ]);
    await expect(validateOneOrMany(IndicatorInputDto, good)).resolves.toEqual({ items: [expect.any(IndicatorInputDto)], many: false });
  });
});
