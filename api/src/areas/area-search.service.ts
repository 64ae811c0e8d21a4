import { Injectable } from '@nestjs/common';
import { aliasFor, foldName, type MunicipalityCoverage, type SearchResult } from 'contracts';
import { InvalidInputError } from '../common/errors';
import { AreaSearchRepository } from './area-search.repository';

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_LIMIT = 25;

/** Parses `limit` (1–25, default 10) or throws a 4xx naming the field. */
export function parseSearchLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > SEARCH_MAX_LIMIT) {
    throw new InvalidInputError(`limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}`, [{ field: 'limit', message: 'out of range' }]);
  }
  return n;
}

@Injectable()
export class AreaSearchService {
  constructor(private readonly repo: AreaSearchRepository) {}

  /** Areas (municipality, wijk, buurt) and indicators by name; accent-, case- and alias-aware. */
  async search(rawQuery: string | undefined, rawLimit?: string): Promise<SearchResult> {
    const query = (rawQuery ?? '').trim();
    const limit = parseSearchLimit(rawLimit);
    if (query.length > SEARCH_MAX_LENGTH) {
      throw new InvalidInputError(`q is longer than ${SEARCH_MAX_LENGTH} characters`, [{ field: 'q', message: 'too long' }]);
    }
    if (foldName(query).length < 2) {
      throw new InvalidInputError('q needs at least 2 letters', [{ field: 'q', message: 'too short' }]);
    }
    const [areas, indicators] = await Promise.all([
      this.repo.areas(query, aliasFor(query), limit),
      this.repo.indicators(query, Math.min(limit, 5)),
    ]);
    return { query, areas, indicators };
  }

  coverage(): Promise<MunicipalityCoverage[]> {
    return this.repo.coverage();
  }
}
