import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The SQL of a meeting's agenda that both sides need: signals (a transition to on-agenda with a meeting puts the
 * signal on its agenda; monitoring asks when it was decided) and meetings (adding a signal to the agenda). Its own
 * folder so that signals and meetings both depend on it without depending on each other in a circle.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly db: DataSource) {}

  meetingExists(id: string, manager: EntityManager = this.db.manager): Promise<{ id: string; title: string; date: string } | null> {
    return manager
      .query(`SELECT id, title, to_char(date, 'YYYY-MM-DD') AS date FROM meeting WHERE id = $1`, [id])
      .then((r: { id: string; title: string; date: string }[]) => r[0] ?? null);
  }

  async addAgendaItem(meetingId: string, signalId: string, notes: string | null, manager: EntityManager): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO agenda_item (meeting_id, signal_id, position, notes)
       VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = $1), $3)
       RETURNING id`,
      [meetingId, signalId, notes],
    );
    return rows[0].id;
  }

  agendaItemOn(meetingId: string, signalId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    return manager
      .query(`SELECT 1 FROM agenda_item WHERE meeting_id = $1 AND signal_id = $2`, [meetingId, signalId])
      .then((r: unknown[]) => r.length > 0);
  }

  /** When the signal's decision was taken: the latest decided agenda item, else the 'decided' event. */
  decisionDate(signalId: string, manager: EntityManager = this.db.manager): Promise<string | null> {
    return manager
      .query(
        `SELECT COALESCE(
           (SELECT to_char(m.date, 'YYYY-MM-DD') FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
             WHERE ai.signal_id = $1 AND ai.decision IS NOT NULL ORDER BY ai.decided_at DESC LIMIT 1),
           (SELECT to_char(e.at, 'YYYY-MM-DD') FROM signal_event e WHERE e.signal_id = $1 AND e.to_status = 'decided' ORDER BY e.at DESC LIMIT 1)
         ) AS d`,
        [signalId],
      )
      .then((r: { d: string | null }[]) => r[0]?.d ?? null);
  }
}
