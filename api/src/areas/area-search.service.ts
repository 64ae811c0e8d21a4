import { Injectable } from '@nestjs/common';
import { aliasFor, type MunicipalityCoverage, type SearchResult } from 'contracts';
import { AreaSearchRepository } from './area-search.repository';
import type { AreaSearchQueryDto } from './areas.dto';

@Injectable()
export class AreaSearchService {
  constructor(private readonly repo: AreaSearchRepository) {}

  /** Areas (municipality, wijk, buurt) and indicators by name; accent-, case- and alias-aware (`q` and `limit` checked by `AreaSearchQueryDto`). */
  async search(q: AreaSearchQueryDto): Promise<SearchResult> {
    const query = q.q.trim();
    const limit = q.limit ? Number(q.limit) : 10;
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
