import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { JobRunner } from '../../jobs/job-runner.service';
import { CitizenContacts } from './citizen-contacts';

/**
 * UU 27/2022: citizens' contact data is kept only as long as needed. Every day the contact data
 * of items received more than RETENTION_DAYS ago is erased; stories keep only what consent allowed.
 */
@Injectable()
export class RetentionJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly contacts: CitizenContacts,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Cron('15 2 * * *', { name: 'retention', timeZone: 'Asia/Jakarta' })
  async scheduled(): Promise<void> {
    await this.run();
  }

  /** One run per calendar day across all instances; returns null when another instance has it. */
  async run(): Promise<{ erased: number } | null> {
    const now = this.clock.now();
    const slot = now.toISOString().slice(0, 10);
    const before = new Date(now.getTime() - this.config.retentionDays * 86_400_000);
    const result = await this.jobs.runOnce('retention', slot, () =>
      this.db.transaction(async (manager) => {
        const erased = await this.contacts.eraseReceivedBefore(manager, before, now);
        await this.audit.record({ actorId: null, action: 'privacy.retention', subjectType: 'job', subjectId: `retention:${slot}`, details: { erased, before: before.toISOString() } }, manager);
        return { erased };
      }),
    );
    return result as { erased: number } | null;
  }
}
