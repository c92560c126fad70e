import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { queryRows } from '../db/sql';
import type { Channel } from '../drafting/channels';
import { StoriesService } from '../stories/stories.service';
import type { ScheduleDto } from './dto/publication.dto';
import { StoryPublisher } from './story-publisher';

/** Which publication states each officer action applies to. */
const CONFIRMABLE = ['awaiting_manual', 'unconfirmed'];
const RETRYABLE = ['failed', 'unconfirmed'];
const CANCELLABLE = ['scheduled', 'retrying', 'awaiting_manual', 'awaiting_reconnect', 'unconfirmed'];

@Injectable()
export class PublicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly publisher: StoryPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** One publication per channel, due at `at` (default now) and never before the embargo. */
  async schedule(user: AuthUser, storyId: string, dto: ScheduleDto) {
    await this.stories.find(user, storyId);
    return this.db.transaction(async (manager) => {
      const [story] = await manager.query(`SELECT status, unit_id, approved_channels, embargo_until FROM story WHERE id = $1 FOR UPDATE`, [storyId]);
      if (story.status !== 'approved' && story.status !== 'published') {
        throw ProblemException.conflict('not_approved', `Only an approved story is scheduled; this one is ${story.status}.`, { state: story.status });
      }
      const approved: string[] = story.approved_channels ?? [];
      const channels = dto.channels ?? approved;
      const outside = channels.filter((c) => !approved.includes(c));
      if (outside.length) throw ProblemException.unprocessable('channel_not_approved', `Not approved for: ${outside.join(', ')}.`, { channels: outside });
      const now = this.clock.now();
      const wanted = dto.at ?? now;
      const due = story.embargo_until && story.embargo_until > wanted ? story.embargo_until : wanted;
      const modes: { channel: string; mode: string }[] = await manager.query(`SELECT channel, mode FROM channel_account WHERE unit_id = $1`, [story.unit_id]);
      const modeOf = (channel: string) => (channel === 'website' ? 'internal' : (modes.find((m) => m.channel === channel)?.mode ?? 'manual'));
      const created = await queryRows<{ id: string; channel: string }>(manager,
        `INSERT INTO publication (story_id, channel, mode, due_at, created_by)
         SELECT $1, c, m, $4, $5 FROM unnest($2::text[], $3::text[]) AS t(c, m)
         ON CONFLICT (story_id, channel) WHERE status NOT IN ('cancelled', 'failed') DO NOTHING
         RETURNING id, channel`,
        [storyId, channels, channels.map(modeOf), due, user.id],
      );
      await this.audit.record({ actorId: user.id, action: 'publication.schedule', subjectType: 'story', subjectId: storyId, unitId: story.unit_id, details: { channels: created.map((c) => c.channel), dueAt: due.toISOString() } }, manager);
      return { scheduled: created.map((c) => c.channel), alreadyScheduled: channels.filter((c) => !created.some((x) => x.channel === c)), dueAt: due };
    });
  }

  /** An officer records where a manual (or unconfirmed) post went out. */
  confirm(user: AuthUser, storyId: string, channel: Channel, url: string) {
    return this.act(user, storyId, channel, CONFIRMABLE, 'confirm', async (manager, publication) => {
      const now = this.clock.now();
      await manager.query(`UPDATE publication SET status = 'published', url = $2, external_id = COALESCE(external_id, $2), published_at = $3, lease_until = NULL, updated_at = $3 WHERE id = $1`, [publication.id, url, now]);
      await this.publisher.afterSuccess(manager, storyId, channel, now, user.id);
      return 'published';
    });
  }

  /** Sends again: after a definite failure, or after the officer checked an unconfirmed post is not there. */
  retry(user: AuthUser, storyId: string, channel: Channel) {
    return this.act(user, storyId, channel, RETRYABLE, 'retry', async (manager, publication) => {
      await manager.query(`UPDATE publication SET status = 'scheduled', due_at = $2, attempts = 0, lease_until = NULL, updated_at = $2 WHERE id = $1`, [publication.id, this.clock.now()]);
      return 'scheduled';
    });
  }

  cancel(user: AuthUser, storyId: string, channel: Channel) {
    return this.act(user, storyId, channel, CANCELLABLE, 'cancel', async (manager, publication) => {
      await manager.query(`UPDATE publication SET status = 'cancelled', lease_until = NULL, updated_at = $2 WHERE id = $1`, [publication.id, this.clock.now()]);
      return 'cancelled';
    });
  }

  listForStory(storyId: string) {
    return this.db.query(
      `SELECT id, channel, mode, status, due_at AS "dueAt", attempts, external_id AS "externalId", url, published_at AS "publishedAt", last_error AS "lastError"
         FROM publication WHERE story_id = $1 ORDER BY created_at, channel`,
      [storyId],
    );
  }

  private async act(
    user: AuthUser, storyId: string, channel: Channel, from: string[], action: string,
    work: (manager: EntityManager, publication: { id: string; status: string }) => Promise<string>,
  ) {
    const story = await this.stories.find(user, storyId);
    return this.db.transaction(async (manager) => {
      const [publication] = await manager.query(
        `SELECT id, status FROM publication WHERE story_id = $1 AND channel = $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`, [storyId, channel]);
      if (!publication) throw ProblemException.notFound(`A ${channel} publication of this story`);
      if (!from.includes(publication.status)) {
        throw ProblemException.conflict('illegal_transition', `Cannot ${action} a publication that is ${publication.status}.`, { state: publication.status });
      }
      const to = await work(manager, publication);
      await this.audit.record({ actorId: user.id, action: `publication.${action}`, subjectType: 'story', subjectId: storyId, unitId: story.unitId, from: publication.status, to, details: { channel, publicationId: publication.id } }, manager);
      return { channel, status: to };
    });
  }
}
