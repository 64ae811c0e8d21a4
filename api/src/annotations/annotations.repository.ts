import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Annotation } from 'contracts';

interface AnnotationRow {
  id: string;
  date: string;
  indicators: string[];
  area: string | null;
  text_nl: string;
  text_en: string;
  meeting_id: string | null;
  decision: string | null;
  owner_name: string | null;
  deadline: string | null;
  follow_up: string | null;
}

function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    date: r.date,
    indicators: r.indicators,
    area: r.area,
    text: { nl: r.text_nl, en: r.text_en },
    meetingId: r.meeting_id,
    decision: r.decision === null ? null : { text: r.decision, owner: r.owner_name, deadline: r.deadline, followUp: r.follow_up },
  };
}

const SELECT = `SELECT an.id, to_char(an.date, 'YYYY-MM-DD') AS date, an.indicators, an.area_code AS area, an.text_nl, an.text_en,
  ai.meeting_id::text AS meeting_id, ai.decision, u.name AS owner_name,
  to_char(ai.deadline, 'YYYY-MM-DD') AS deadline, to_char(ai.effect_due_on, 'YYYY-MM-DD') AS follow_up
  FROM annotation an LEFT JOIN agenda_item ai ON ai.id = an.agenda_item_id LEFT JOIN app_user u ON u.id = ai.owner_id`;

/** All SQL about annotations: dated events (decisions, rule changes) on indicator charts. */
@Injectable()
export class AnnotationsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Annotations for an indicator (or all when empty-indicator annotations apply) and an area:
   * those of the area itself, of any area it lies in, and those without an area.
   */
  async list(filter: { indicator?: string; area?: string }): Promise<Annotation[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.indicator) {
      params.push(filter.indicator);
      where.push(`($${params.length} = ANY(an.indicators) OR cardinality(an.indicators) = 0)`);
    }
    if (filter.area) {
      params.push(filter.area);
      const p = `$${params.length}`;
      where.push(`(an.area_code IS NULL OR an.area_code IN (
        WITH RECURSIVE up AS (SELECT code, parent_code FROM area WHERE code = ${p}
          UNION ALL SELECT a.code, a.parent_code FROM area a JOIN up ON a.code = up.parent_code)
        SELECT code FROM up))`);
    }
    const rows: AnnotationRow[] = await this.db.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY an.date, an.created_at`,
      params,
    );
    return rows.map(toAnnotation);
  }

  /** Annotations that matter for one municipality's detection run (its own areas, national ones, none). */
  forMunicipality(municipality: string): Promise<{ id: string; date: string; indicators: string[]; text: string }[]> {
    return this.db.query(
      `SELECT an.id, to_char(an.date, 'YYYY-MM-DD') AS date, an.indicators, an.text_nl AS text
       FROM annotation an LEFT JOIN area a ON a.code = an.area_code
       WHERE an.area_code IS NULL OR a.level = 'country' OR a.municipality_code = $1
       ORDER BY an.date`,
      [municipality],
    );
  }

  async insert(
    a: { date: string; indicators: string[]; area: string | null; textNl: string; textEn: string; agendaItemId: string | null; actor: string },
    manager: EntityManager = this.db.manager,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO annotation (date, indicators, area_code, text_nl, text_en, agenda_item_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [a.date, a.indicators, a.area, a.textNl, a.textEn, a.agendaItemId, a.actor],
    );
    return rows[0].id;
  }

  /** A decision that is changed replaces its annotation's text. */
  async updateForAgendaItem(agendaItemId: string, textNl: string, textEn: string, manager: EntityManager): Promise<number> {
    // Through a CTE so the driver answers rows (a bare UPDATE answers [rows, count]).
    const rows: { n: number }[] = await manager.query(
      `WITH u AS (UPDATE annotation SET text_nl = $2, text_en = $3 WHERE agenda_item_id = $1 RETURNING id) SELECT count(*)::int AS n FROM u`,
      [agendaItemId, textNl, textEn],
    );
    return rows[0]?.n ?? 0;
  }
}
