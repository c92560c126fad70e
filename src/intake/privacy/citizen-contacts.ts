import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type ContactSource = 'complaint' | 'feedback';

export interface CitizenContact {
  name: string | null;
  phone: string | null;
  email: string | null;
  nik: string | null;
  erasedAt: Date | null;
}

/**
 * The one table holding citizens' names and contact details, apart from everything that can be
 * published. Read only for roles that handle complaints; erased by the retention job.
 */
@Injectable()
export class CitizenContacts {
  async store(
    manager: EntityManager,
    source: ContactSource,
    sourceId: string,
    person: { name: string; phone?: string; email?: string; nik?: string },
    receivedAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO citizen_contact (source_type, source_id, name, phone, email, nik, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [source, sourceId, person.name, person.phone ?? null, person.email ?? null, person.nik?.replace(/\D/g, '') ?? null, receivedAt],
    );
  }

  async find(manager: EntityManager, source: ContactSource, sourceId: string): Promise<CitizenContact | null> {
    const rows: CitizenContact[] = await manager.query(
      `SELECT name, phone, email, nik, erased_at AS "erasedAt" FROM citizen_contact WHERE source_type = $1 AND source_id = $2`,
      [source, sourceId],
    );
    return rows[0] ?? null;
  }

  /** Erases everything received before `before`; returns how many people's data was erased. */
  async eraseReceivedBefore(manager: EntityManager, before: Date, now: Date): Promise<number> {
    const [{ erased }] = await manager.query(
      `WITH gone AS (
         UPDATE citizen_contact SET name = NULL, phone = NULL, email = NULL, nik = NULL, erased_at = $2
          WHERE received_at < $1 AND erased_at IS NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM gone`,
      [before, now],
    );
    return erased;
  }
}
