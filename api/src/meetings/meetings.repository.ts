import { rolesWith } from 'contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface MeetingRow {
  id: string;
  date: string;
  title: string;
  area: string;
  created_by: string;
}

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  signal_id: string;
  position: number;
  notes: string | null;
  decision: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  effect_due_on: string | null;
  owner_id: string | null;
  owner_name: string | null;
  deadline: string | null;
}

const MEETING = `id, to_char(date, 'YYYY-MM-DD') AS date, title, area_code AS area, created_by`;

const ITEM = `ai.id, ai.meeting_id, ai.signal_id, ai.position, ai.notes, ai.decision, ai.decided_at, ai.decided_by,
  to_char(ai.effect_due_on, 'YYYY-MM-DD') AS effect_due_on, ai.owner_id::text AS owner_id, u.name AS owner_name,
  to_char(ai.deadline, 'YYYY-MM-DD') AS deadline`;

/** All SQL about policy-table meetings and their agenda items. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly db: DataSource) {}

  list(filter: { area?: string }): Promise<MeetingRow[]> {
    if (filter.area)
      return this.db.query(
        `SELECT ${MEETING} FROM meeting WHERE area_code = $1 OR area_code IN (SELECT code FROM area WHERE municipality_code = $1)
         ORDER BY date DESC, created_at DESC`,
        [filter.area],
      );
    return this.db.query(`SELECT ${MEETING} FROM meeting ORDER BY date DESC, created_at DESC`);
  }

  find(id: string, manager: EntityManager = this.db.manager): Promise<MeetingRow | null> {
    return manager.query(`SELECT ${MEETING} FROM meeting WHERE id = $1`, [id]).then((r: MeetingRow[]) => r[0] ?? null);
  }

  async insert(m: { date: string; title: string; area: string; actor: string }, manager: EntityManager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO meeting (date, title, area_code, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [m.date, m.title, m.area, m.actor],
    );
    return rows[0].id;
  }

  items(meetingIds: string[], manager: EntityManager = this.db.manager): Promise<AgendaItemRow[]> {
    return manager.query(
      `SELECT ${ITEM} FROM agenda_item ai LEFT JOIN app_user u ON u.id = ai.owner_id
       WHERE ai.meeting_id = ANY($1::uuid[]) ORDER BY ai.meeting_id, ai.position`,
      [meetingIds],
    );
  }

  item(meetingId: string, itemId: string, manager: EntityManager): Promise<AgendaItemRow | null> {
    return manager
      .query(
        `SELECT ${ITEM} FROM agenda_item ai LEFT JOIN app_user u ON u.id = ai.owner_id
         WHERE ai.meeting_id = $1 AND ai.id = $2 FOR UPDATE OF ai`,
        [meetingId, itemId],
      )
      .then((r: AgendaItemRow[]) => r[0] ?? null);
  }

  async decide(
    itemId: string,
    d: { decision: string; effectDueOn: string | null; ownerId: string | null; deadline: string | null },
    actor: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE agenda_item SET decision = $2, decided_at = now(), decided_by = $3, effect_due_on = $4, owner_id = $5, deadline = $6 WHERE id = $1`,
      [itemId, d.decision, actor, d.effectDueOn, d.ownerId, d.deadline],
    );
  }

  /** A user who may own a decision: active, with a role that may own signals (the policy's `signals.own`). */
  decisionOwner(userId: string, manager: EntityManager = this.db.manager): Promise<{ id: string; name: string } | null> {
    const roles = rolesWith('signals.own');
    return manager
      .query(`SELECT id::text AS id, name FROM app_user WHERE id = $1 AND active AND role IN (${roles.map((_, i) => `$${i + 2}`).join(', ')})`, [userId, ...roles])
      .then((r: { id: string; name: string }[]) => r[0] ?? null);
  }

  /** Agenda items (with their meeting) of signals, for summaries. */
  itemsOfSignals(signalIds: string[]): Promise<(AgendaItemRow & { meeting_date: string; meeting_title: string })[]> {
    return this.db.query(
      `SELECT ${ITEM}, to_char(m.date, 'YYYY-MM-DD') AS meeting_date, m.title AS meeting_title
       FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id LEFT JOIN app_user u ON u.id = ai.owner_id WHERE ai.signal_id = ANY($1::uuid[]) ORDER BY m.date, ai.position`,
      [signalIds],
    );
  }


  /** The area a subject lies in: the area itself, or a unit's area. */
  subjectArea(subject: string, manager: EntityManager): Promise<string | null> {
    return manager
      .query(`SELECT COALESCE((SELECT area_code FROM unit WHERE code = $1), (SELECT code FROM area WHERE code = $1)) AS area`, [subject])
      .then((r: { area: string | null }[]) => r[0]?.area ?? null);
  }

  subjectNames(codes: string[]): Promise<{ code: string; name: string }[]> {
    return this.db.query(
      `SELECT code, name FROM area WHERE code = ANY($1) UNION ALL SELECT code, name FROM unit WHERE code = ANY($1)`,
      [codes],
    );
  }

  indicatorNames(codes: string[]): Promise<{ code: string; name_nl: string; name_en: string; min_count: number }[]> {
    return this.db.query(`SELECT code, name_nl, name_en, min_count FROM indicator WHERE code = ANY($1)`, [codes]);
  }
}
