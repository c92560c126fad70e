import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * What the press room reads. Only public fields: the story's website draft (already masked and
 * reduced to what consent allows at intake), its unit and its photos. Never a source item,
 * never citizen_contact.
 */

export interface PublicUnit {
  id: string;
  code: string;
  name: string;
  city: string;
  timezone: string;
  path: string[];
}

export interface PhotoRendition {
  name: string;
  format: string;
  width: number;
  height: number;
}

export interface ListedRelease {
  slug: string;
  title: string;
  firstParagraph: string;
  category: string | null;
  publishedAt: Date;
  unitCode: string;
  unitName: string;
  timezone: string;
  photoId: string | null;
  photoAlt: string | null;
  /** Whether the photo has a 'thumb' rendition (quote cards and photos both do). */
  hasThumb: boolean;
}

export interface Release {
  slug: string;
  status: string;
  title: string;
  body: string;
  category: string | null;
  kind: string;
  publishedAt: Date | null;
  updatedAt: Date;
  embargoUntil: Date | null;
  /** The publish gate holds it (issue 16): not shown. */
  privacyHeld: boolean;
  unitCode: string;
  unitName: string;
  timezone: string;
  /** The unit's X account, for twitter:site. */
  xHandle: string | null;
  photoId: string | null;
  photoAlt: string | null;
  renditions: PhotoRendition[];
}

export interface ListFilter {
  /** The unit and every unit below it; null: all units. */
  unitIds: string[] | null;
  category: string | null;
  /** A whole kind of story (feedback, achievement). */
  kind: string | null;
  offset: number;
  limit: number;
  now: Date;
}

/** Up to this many units, the filter menu lists them all. */
const MENU_ALL_UNITS_MAX = 300;

/**
 * A story is public when it is published, its embargo (if any) has passed, and the publish gate
 * does not hold it (issue 16).
 */
const PUBLIC = `s.status = 'published' AND (s.embargo_until IS NULL OR s.embargo_until <= $1) AND s.privacy_hold IS NULL`;

@Injectable()
export class PressRoomRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The units of the filter menu and, when a unit is asked for, that unit and every unit below
   * it, in one query. A small organisation lists every unit; a national one (some 4,000 Polsek)
   * lists Polda and Polres only, and a Polsek is reached from its releases' links.
   */
  async units(selectedCode: string | null): Promise<{ menu: PublicUnit[]; selected: PublicUnit | null; subtreeIds: string[] }> {
    const rows: (PublicUnit & { inMenu: boolean })[] = await this.db.query(
      `WITH everything AS (SELECT count(*) AS total FROM unit), chosen AS (SELECT id FROM unit WHERE code = $1)
       SELECT u.id, u.code, u.name, u.city, u.timezone, u.path, (everything.total <= $2 OR array_length(u.path, 1) <= 2) AS "inMenu"
         FROM unit u, everything
        WHERE everything.total <= $2 OR array_length(u.path, 1) <= 2 OR u.path @> ARRAY(SELECT id FROM chosen)
        ORDER BY array_length(u.path, 1), u.name`,
      [selectedCode, MENU_ALL_UNITS_MAX],
    );
    const selected = selectedCode ? (rows.find((u) => u.code === selectedCode) ?? null) : null;
    return {
      menu: rows.filter((u) => u.inMenu || u === selected),
      selected,
      subtreeIds: selected ? rows.filter((u) => u.path.includes(selected.id)).map((u) => u.id) : [],
    };
  }

  /**
   * One page, newest first. `limit` is one more than shown, so the caller knows whether a next
   * page exists without counting. The order is story_feed_idx's (published_at DESC, id) WHERE
   * status = 'published' (migration Feeds): the scan stops after offset + limit rows.
   */
  list(filter: ListFilter): Promise<ListedRelease[]> {
    const params: unknown[] = [filter.now, filter.limit, filter.offset];
    let where = PUBLIC;
    if (filter.unitIds) {
      params.push(filter.unitIds);
      // the ids themselves rather than a subquery on unit: the planner then sees how many stories
      // they have and picks story_unit_idx for a small unit, story_feed_idx for a large subtree
      where += ` AND s.unit_id = ANY($${params.length}::uuid[])`;
    }
    if (filter.category) {
      params.push(filter.category);
      where += ` AND s.category = $${params.length}`;
    }
    if (filter.kind) {
      params.push(filter.kind);
      where += ` AND s.kind = $${params.length}`;
    }
    return this.db.query(
      `SELECT s.slug, COALESCE(d.title, s.title) AS title, split_part(COALESCE(d.body, ''), E'\\n\\n', 1) AS "firstParagraph",
              s.category, s.published_at AS "publishedAt", u.code AS "unitCode", u.name AS "unitName", u.timezone,
              ph.media_id AS "photoId", ph.alt AS "photoAlt", COALESCE(ph.has_thumb, false) AS "hasThumb"
         FROM story s
         JOIN unit u ON u.id = s.unit_id
         LEFT JOIN draft d ON d.story_id = s.id AND d.channel = 'website'
         LEFT JOIN LATERAL (
           SELECT sm.media_id, m.alt,
                  EXISTS (SELECT 1 FROM media_rendition r WHERE r.media_id = sm.media_id AND r.name = 'thumb' AND r.format = 'jpeg') AS has_thumb
             FROM story_media sm JOIN media m ON m.id = sm.media_id
            WHERE sm.story_id = s.id ORDER BY sm.position LIMIT 1) ph ON true
        WHERE ${where}
        ORDER BY s.published_at DESC, s.id
        LIMIT $2 OFFSET $3`,
      params,
    );
  }

  /** One release by slug, whatever its state (the controller decides 200, 404 or 410). */
  async bySlug(slug: string): Promise<Release | null> {
    const rows: Release[] = await this.db.query(
      `SELECT s.slug, s.status, COALESCE(d.title, s.title) AS title, COALESCE(d.body, '') AS body, s.category, s.kind,
              s.published_at AS "publishedAt", s.updated_at AS "updatedAt", s.embargo_until AS "embargoUntil",
              (s.privacy_hold IS NOT NULL) AS "privacyHeld",
              u.code AS "unitCode", u.name AS "unitName", u.timezone, u.handles->>'x' AS "xHandle",
              ph.media_id AS "photoId", ph.alt AS "photoAlt", COALESCE(ph.renditions, '[]'::json) AS renditions
         FROM story s
         JOIN unit u ON u.id = s.unit_id
         LEFT JOIN draft d ON d.story_id = s.id AND d.channel = 'website'
         LEFT JOIN LATERAL (
           SELECT sm.media_id, m.alt,
                  (SELECT json_agg(json_build_object('name', r.name, 'format', r.format, 'width', r.width, 'height', r.height))
                     FROM media_rendition r WHERE r.media_id = sm.media_id) AS renditions
             FROM story_media sm JOIN media m ON m.id = sm.media_id
            WHERE sm.story_id = s.id ORDER BY sm.position LIMIT 1) ph ON true
        WHERE s.slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  }
}
