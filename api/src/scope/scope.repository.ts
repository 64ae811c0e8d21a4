import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The few look-ups the scope check needs before a write or a read by id. */
@Injectable()
export class ScopeRepository {
  private units: { at: number; map: Map<string, string> } | null = null;

  constructor(private readonly db: DataSource) {}

  /** Unit code → municipality code, cached for a minute (units move rarely; the register is public). */
  async unitMunicipalities(): Promise<Map<string, string>> {
    if (this.units && Date.now() - this.units.at < 60_000) return this.units.map;
    const rows: { code: string; area: string }[] = await this.db.query(`SELECT code, area_code AS area FROM unit`);
    const map = new Map<string, string>();
    for (const r of rows) {
      const m = /^(GM|WK|BU)(\d{4})/.exec(r.area);
      if (m) map.set(r.code, `GM${m[2]}`);
    }
    this.units = { at: Date.now(), map };
    return map;
  }

  async meetingArea(id: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: { area: string }[] = await this.db.query(`SELECT area_code AS area FROM meeting WHERE id = $1`, [id]);
    return rows[0]?.area ?? null;
  }

  /** The signal's subjects and its municipality (for unit signals the subject is a unit code). */
  async signalSubjects(id: string): Promise<string[] | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: { subjects: string[]; municipality: string | null }[] = await this.db.query(
      `SELECT subjects, municipality_code AS municipality FROM signal WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return r.municipality ? [...r.subjects, r.municipality] : r.subjects;
  }
}
