import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search areas by name (issue 15): a stored, folded copy of the name — lower case, accents and
 * apostrophes removed, hyphens as spaces — so "den haag", "Súdwest" and "s gravenhage" match
 * without an extension (PGlite has no unaccent). `fold()` is the same folding for the query.
 * The pattern index serves prefix searches ("zuid%"); infix searches scan ~17k short rows.
 */
export const FOLD_FROM = `áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑ-'’`;
export const FOLD_TO = `aaaaaaeeeeiiiiooooouuuuyycnaaaaaaeeeeiiiiooooouuuuycn `;

export class AreaSearch1766700000000 implements MigrationInterface {
  name = 'AreaSearch1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN lower(translate(t, '${FOLD_FROM.replace(/'/g, "''")}', '${FOLD_TO}'))`);
    await q.query(`ALTER TABLE area ADD COLUMN search_name text GENERATED ALWAYS AS (fold(name)) STORED`);
    await q.query(`CREATE INDEX area_search_name_idx ON area (search_name text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS area_search_name_idx`);
    await q.query(`ALTER TABLE area DROP COLUMN IF EXISTS search_name`);
    await q.query(`DROP FUNCTION IF EXISTS fold(text)`);
  }
}
