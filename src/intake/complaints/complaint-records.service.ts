import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import type { AuthUser } from '../../common/auth/auth-user';
import { ProblemException } from '../../common/problem/problem.exception';
import { queryRows } from '../../db/sql';
import { withdrawStory } from '../../stories/withdraw-story';
import { ScopeService } from '../../units/scope.service';
import { CitizenContacts } from '../privacy/citizen-contacts';

/** Roles that handle complaints: they alone see the complainant's contact data (in scope). */
export const CONTACT_ROLES = new Set(['admin', 'humas', 'operator']);

@Injectable()
export class ComplaintRecords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly contacts: CitizenContacts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthUser, id: string) {
    const complaint = await this.find(user, id);
    const { path: _path, unit_id: _unit, ...view } = complaint;
    const complainant = CONTACT_ROLES.has(user.role) ? await this.contacts.find(this.db.manager, 'complaint', id) : undefined;
    if (complainant && !complainant.erasedAt) {
      // every read of a complainant's contact data is audited: who read whose (the complaint), when, which fields
      const fields = (['name', 'phone', 'email', 'nik'] as const).filter((field) => complainant[field] !== null);
      await this.audit.record({ actorId: user.id, action: 'citizen_contact.read', subjectType: 'complaint', subjectId: id, unitId: complaint.unit_id, details: { fields } });
    }
    return { ...view, complainant };
  }

  /** Reopens a complaint and withdraws its story: it must not stay public as "resolved". */
  async reopen(user: AuthUser, id: string, reason: string) {
    const complaint = await this.find(user, id);
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      const updated = await queryRows(manager,
        `UPDATE complaint SET status = 'reopened', reopened_at = $2, reopen_reason = $3 WHERE id = $1 AND status = 'resolved' RETURNING id`,
        [id, now, reason],
      );
      if (updated.length === 0) throw ProblemException.conflict('already_reopened', 'This complaint is already reopened.', { state: 'reopened' });
      await this.audit.record({ actorId: user.id, action: 'complaint.reopen', subjectType: 'complaint', subjectId: id, unitId: complaint.unit_id, from: 'resolved', to: 'reopened', reason }, manager);
      const storyId: string | null = complaint.storyId;
      const from = storyId ? await withdrawStory(manager, storyId, `Aduan dibuka kembali: ${reason}`, now) : null;
      if (storyId && from) {
        await this.audit.record({ actorId: user.id, action: 'story.withdraw', subjectType: 'story', subjectId: storyId, unitId: complaint.unit_id, from, to: 'withdrawn', reason: 'complaint reopened' }, manager);
      }
    });
    return this.get(user, id);
  }

  private async find(user: AuthUser, id: string) {
    const rows = await this.db.query(
      `SELECT c.id, c.unit_id, u.code AS "unitCode", u.path, c.external_ref AS "externalRef", c.category, c.channel,
              c.received_at AS "receivedAt", c.resolved_at AS "resolvedAt", c.location, c.summary, c.resolution, c.stages, c.quote,
              json_build_object('level', c.consent_level, 'quote', c.consent_quote, 'givenAt', c.consent_given_at, 'method', c.consent_method) AS consent,
              c.public_attribution AS "publicAttribution", c.redactions, c.media_ids AS "mediaIds", c.status,
              c.reopened_at AS "reopenedAt", c.reopen_reason AS "reopenReason", c.created_at AS "createdAt", s.id AS "storyId"
         FROM complaint c JOIN unit u ON u.id = c.unit_id
         LEFT JOIN story s ON s.kind = 'complaint' AND s.source_id = c.id
        WHERE c.id = $1`,
      [id],
    );
    if (!rows[0] || !this.scope.covers(user, rows[0].path)) throw ProblemException.notFound('Complaint');
    return rows[0];
  }
}
