import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { SecretBox } from '../../common/crypto/secret-box';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem/problem.exception';
import type { Role } from '../../users/user.entity';
import type { CreateIntegrationDto } from './integration.dto';

export interface IntegrationView {
  id: string;
  name: string;
  username: string;
  unitCode: string;
  active: boolean;
  createdAt: Date;
}

/** A usable integration: active, its user active and still covering the integration's unit. */
export interface ResolvedIntegration {
  id: string;
  name: string;
  unitId: string;
  secret: string;
  /** The integration's user, with the integration's unit as scope. */
  user: AuthUser;
}

const VIEW = `SELECT i.id, i.name, u.username, un.code AS "unitCode", i.active, i.created_at AS "createdAt"
                FROM intake_integration i JOIN app_user u ON u.id = i.user_id JOIN unit un ON un.id = i.unit_id`;

@Injectable()
export class IntakeIntegrations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Creates an integration acting as `username`; the secret is in this answer and nowhere else. */
  async create(actor: AuthUser, dto: CreateIntegrationDto): Promise<IntegrationView & { secret: string }> {
    const [user] = await this.db.query(`SELECT id, role, unit_id FROM app_user WHERE lower(username) = lower($1) AND active`, [dto.username]);
    if (!user) throw ProblemException.validation([{ field: 'username', message: 'no active user with this username' }]);
    // A shared secret acting with global scope would be a far bigger risk than the complaint desk it serves.
    if (user.role === 'admin') throw ProblemException.validation([{ field: 'username', message: 'an integration cannot act as an admin' }]);
    const id = randomUUID();
    const secret = `gws_${randomBytes(32).toString('base64url')}`;
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO intake_integration (id, name, unit_id, user_id, secret_sealed, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.name, user.unit_id, user.id, this.box.seal(secret, id), actor.id, this.clock.now()],
      );
      await this.audit.record({
        actorId: actor.id, action: 'integration.create', subjectType: 'intake_integration', subjectId: id, unitId: user.unit_id,
        details: { actsAs: user.id },
      }, manager);
    });
    return { ...(await this.view(id)), secret };
  }

  async list(): Promise<{ items: IntegrationView[] }> {
    return { items: await this.db.query(`${VIEW} ORDER BY i.created_at DESC, i.id LIMIT 500`) };
  }

  /** Stops the integration for good: later requests signed with its secret are refused. */
  async deactivate(actor: AuthUser, id: string): Promise<void> {
    const existing = await this.db.query(`SELECT unit_id, active FROM intake_integration WHERE id = $1`, [id]);
    if (!existing[0]) throw ProblemException.notFound('Integration');
    if (!existing[0].active) return;
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE intake_integration SET active = false, deactivated_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      await this.audit.record({
        actorId: actor.id, action: 'integration.deactivate', subjectType: 'intake_integration', subjectId: id, unitId: existing[0].unit_id,
        from: 'active', to: 'inactive',
      }, manager);
    });
  }

  /** The integration for a webhook call, or null when unknown or not usable (inactive, user gone). */
  async resolve(id: string): Promise<ResolvedIntegration | null> {
    const rows: {
      id: string; name: string; unit_id: string; secret_sealed: string; user_id: string; username: string;
      display_name: string; rank: string | null; role: Role; usable: boolean;
    }[] = await this.db.query(
      `SELECT i.id, i.name, i.unit_id, i.secret_sealed, u.id AS user_id, u.username, u.display_name, u.rank, u.role,
              (i.active AND u.active AND u.role <> 'admin' AND iu.path @> ARRAY[u.unit_id]) AS usable
         FROM intake_integration i JOIN app_user u ON u.id = i.user_id JOIN unit iu ON iu.id = i.unit_id
        WHERE i.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row?.usable) return null;
    return {
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      secret: this.box.open(row.secret_sealed, row.id),
      user: {
        id: row.user_id, username: row.username, displayName: row.display_name, rank: row.rank, role: row.role,
        // The integration's unit, not the user's: if the user moves up, the integration's reach stays the same.
        unitId: row.unit_id, tokenId: `integration:${row.id}`, via: 'bearer',
      },
    };
  }

  private async view(id: string): Promise<IntegrationView> {
    return (await this.db.query(`${VIEW} WHERE i.id = $1`, [id]))[0];
  }
}
