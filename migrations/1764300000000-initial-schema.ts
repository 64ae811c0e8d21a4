import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole data model of docs/design.md section 3. Observations are keyed by
 * (indicator, subject, granularity, period start): re-loading replaces, never duplicates.
 * Tables that a Citus deployment would distribute carry municipality_code.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE area (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('country','municipality','district','neighbourhood')),
        parent_code text REFERENCES area(code),
        municipality_code text,
        boundary jsonb,
        valid_from int,
        valid_to int
      )`);
    await q.query(`CREATE INDEX area_parent_idx ON area(parent_code)`);
    await q.query(`CREATE INDEX area_municipality_level_idx ON area(municipality_code, level)`);

    await q.query(`
      CREATE TABLE unit (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        area_code text NOT NULL REFERENCES area(code)
      )`);
    await q.query(`CREATE INDEX unit_area_idx ON unit(area_code)`);

    await q.query(`
      CREATE TABLE indicator (
        code text PRIMARY KEY,
        name_nl text NOT NULL,
        name_en text NOT NULL,
        description text,
        quadrant text NOT NULL CHECK (quadrant IN ('I','II','III','IV')),
        theme text,
        measure text NOT NULL CHECK (measure IN ('count','proportion','rate','mean')),
        polarity text NOT NULL CHECK (polarity IN ('higher-is-worse','higher-is-better')),
        subject_kind text NOT NULL CHECK (subject_kind IN ('area','unit')),
        per double precision,
        min_count int NOT NULL DEFAULT 5,
        statline_column text,
        leads_to jsonb NOT NULL DEFAULT '[]',
        source text,
        licence text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','analyst','manager','council')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('ingest')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE import_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        source text NOT NULL,
        format text NOT NULL,
        checksum text NOT NULL,
        target text NOT NULL DEFAULT '',
        rows_accepted int NOT NULL DEFAULT 0,
        rows_rejected int NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('completed','failed')),
        errors jsonb NOT NULL DEFAULT '[]',
        error_count int NOT NULL DEFAULT 0,
        ignored_columns jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX import_batch_checksum_idx ON import_batch(checksum, target) WHERE status = 'completed'`);

    await q.query(`
      CREATE TABLE observation (
        indicator_code text NOT NULL REFERENCES indicator(code),
        subject_code text NOT NULL,
        granularity text NOT NULL CHECK (granularity IN ('year','quarter','month')),
        period_start date NOT NULL,
        value double precision,
        numerator double precision,
        denominator double precision,
        n double precision,
        status text NOT NULL DEFAULT 'final' CHECK (status IN ('final','provisional')),
        batch_id uuid NOT NULL,
        batch_history uuid[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (indicator_code, subject_code, granularity, period_start)
      )`);
    await q.query(`CREATE INDEX observation_subject_idx ON observation(subject_code, indicator_code)`);

    await q.query(`
      CREATE TABLE signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        rule text NOT NULL,
        quadrant text NOT NULL,
        indicators text[] NOT NULL,
        subjects text[] NOT NULL,
        municipality_code text,
        period text NOT NULL,
        severity text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        title jsonb NOT NULL,
        explanation jsonb NOT NULL,
        question jsonb NOT NULL,
        strength jsonb NOT NULL,
        evidence jsonb NOT NULL,
        effect jsonb,
        pattern_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX signal_status_idx ON signal(status)`);
    await q.query(`CREATE INDEX signal_municipality_idx ON signal(municipality_code)`);

    await q.query(`
      CREATE TABLE signal_event (
        id bigserial PRIMARY KEY,
        signal_id uuid NOT NULL REFERENCES signal(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        comment text
      )`);
    await q.query(`CREATE INDEX signal_event_signal_idx ON signal_event(signal_id)`);

    await q.query(`
      CREATE TABLE signal_settings (
        id int PRIMARY KEY CHECK (id = 1),
        settings jsonb NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE signal_run (
        id bigserial PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        trigger text NOT NULL,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        resolved int NOT NULL DEFAULT 0,
        skipped jsonb NOT NULL DEFAULT '[]'
      )`);

    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        title text NOT NULL,
        area_code text NOT NULL REFERENCES area(code),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        signal_id uuid NOT NULL REFERENCES signal(id),
        position int NOT NULL,
        notes text,
        decision text,
        decided_at timestamptz,
        decided_by text,
        UNIQUE (meeting_id, signal_id)
      )`);
    await q.query(`
      CREATE TABLE annotation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        indicators text[] NOT NULL,
        area_code text REFERENCES area(code),
        text_nl text NOT NULL,
        text_en text NOT NULL,
        agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event(at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event', 'annotation', 'agenda_item', 'meeting', 'signal_run', 'signal_settings', 'signal_event', 'signal',
      'observation', 'import_batch', 'api_key', 'app_user', 'indicator', 'unit', 'area',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
