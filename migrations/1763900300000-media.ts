import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sanitised photos and their renditions, the photos of each story, and the unit logo's
 * reference. Files are content-addressed (DATA_DIR/media/<aa>/<sha256>.<ext>): rows hold the
 * hash and the format, the path follows from them, and identical files are stored once.
 */
export class Media1763900300000 implements MigrationInterface {
  name = 'Media1763900300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE media (
        id            uuid PRIMARY KEY,
        unit_id       uuid NOT NULL REFERENCES unit (id),
        kind          text NOT NULL CHECK (kind IN ('photo', 'quote_card')),
        -- what arrived (detected from the bytes, never from the file name); 'svg' only for generated cards
        source_format text NOT NULL CHECK (source_format IN ('jpeg', 'png', 'webp', 'heif', 'svg')),
        -- the stored original: re-encoded, upright, without any metadata
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        format        text NOT NULL CHECK (format IN ('jpeg', 'png')),
        width         integer NOT NULL CHECK (width > 0),
        height        integer NOT NULL CHECK (height > 0),
        bytes         integer NOT NULL CHECK (bytes > 0),
        alt           text CHECK (length(alt) <= 500),
        -- every area blurred so far, in the original's pixels (blurring cannot be undone)
        blur_rects    jsonb NOT NULL DEFAULT '[]',
        -- the unit logo composited on the social renditions when they were last rendered
        watermark_media_id uuid REFERENCES media (id),
        created_by    uuid REFERENCES app_user (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX media_unit_idx ON media (unit_id, created_at DESC)`);
    await db.query(`CREATE INDEX media_sha256_idx ON media (sha256)`);

    await db.query(`
      CREATE TABLE media_rendition (
        media_id  uuid NOT NULL REFERENCES media (id) ON DELETE CASCADE,
        name      text NOT NULL CHECK (name IN ('square', 'portrait', 'story', 'landscape', 'og', 'web', 'thumb')),
        format    text NOT NULL CHECK (format IN ('jpeg', 'webp')),
        width     integer NOT NULL CHECK (width > 0),
        height    integer NOT NULL CHECK (height > 0),
        bytes     integer NOT NULL CHECK (bytes > 0),
        sha256    text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (media_id, name, format)
      )`);
    // A file may be deleted only when no row refers to its hash any more.
    await db.query(`CREATE INDEX media_rendition_sha256_idx ON media_rendition (sha256)`);

    await db.query(`
      CREATE TABLE story_media (
        story_id   uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
        media_id   uuid NOT NULL REFERENCES media (id),
        position   smallint NOT NULL CHECK (position >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (story_id, media_id),
        UNIQUE (story_id, position)
      )`);
    // The public route asks "is this photo in a published story?" by media id.
    await db.query(`CREATE INDEX story_media_media_idx ON story_media (media_id)`);

    await db.query(`ALTER TABLE unit ADD CONSTRAINT unit_logo_media_fk FOREIGN KEY (logo_media_id) REFERENCES media (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE unit DROP CONSTRAINT unit_logo_media_fk`);
    await db.query(`UPDATE unit SET logo_media_id = NULL`);
    await db.query(`DROP TABLE story_media`);
    await db.query(`DROP TABLE media_rendition`);
    await db.query(`DROP TABLE media`);
  }
}
