import { Injectable } from '@nestjs/common';
import { EngagementReport } from '../engagement/engagement-report.service';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommentsService } from '../approval/comments.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { CHANNEL_RULES, type Channel } from '../drafting/channels';
import type { LintFinding } from '../drafting/lint/lint-finding';
import { RENDITION } from '../publishing/publication-request.builder';
import { channelLength } from '../drafting/lint/text-measure';
import type { StoryStatus } from '../stories/dto/story-query.dto';
import { StoriesService } from '../stories/stories.service';
import type { ApprovalPolicy } from '../units/unit.entity';
import { CHANNEL_LABELS } from './console-helpers';
import { instantToLocal } from './local-time';
import { allowedActions } from './story-actions';


/** The audit trail in the officer's words (unknown actions show their code). */
const AUDIT_LABELS: Record<string, string> = {
  'story.create': 'Cerita dibuat', 'story.submit': 'Diajukan untuk ditinjau', 'story.approve': 'Disetujui', 'story.urgent': 'Disetujui mendesak',
  'story.confirm': 'Publikasi mendesak dikonfirmasi', 'story.reject': 'Ditolak', 'story.withdraw': 'Ditarik', 'story.publish': 'Terbit',
  'story.comment': 'Komentar', 'story.lint_override': 'Lint dikecualikan', 'draft.edit': 'Draf disunting', 'draft.regenerate': 'Draf dibuat ulang',
  'publication.schedule': 'Publikasi dijadwalkan', 'publication.confirm': 'Posting dikonfirmasi', 'publication.retry': 'Publikasi dicoba ulang',
  'publication.cancel': 'Publikasi dibatalkan',
};

/** The fields of StoriesService.get's answer this page reads. */
interface StoryDetail extends Record<string, unknown> {
  id: string;
  title: string;
  status: StoryStatus;
  unitName: string;
  authorId: string | null;
  lastEditedBy: string | null;
  awaitingConfirmation: boolean;
  approvedChannels: string[] | null;
  drafts: DraftRow[];
  publications: Record<string, unknown>[];
}

interface DraftRow {
  channel: Channel;
  title: string | null;
  body: string;
  revision: number;
  lint: LintFinding[];
  edited: boolean;
  updatedAt: Date;
}

/**
 * The story page's view model: the story as the API answers it (StoriesService.get), its
 * comments (CommentsService) and audit trail (AuditService), and the actions this user may take
 * now (story-actions.ts, on the approval rules).
 */
@Injectable()
export class StoryPageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stories: StoriesService,
    private readonly comments: CommentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly engagement: EngagementReport,
  ) {}

  async build(user: AuthUser, storyId: string) {
    const story = (await this.stories.get(user, storyId)) as unknown as StoryDetail;
    const [unit] = await this.db.query(
      `SELECT u.path, u.approval_policy AS policy, u.timezone, u.handles, s.review_round AS round
         FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`,
      [storyId],
    );
    const [approvers, media, comments, trail] = await Promise.all([
      this.db.query(`SELECT approver_id FROM story_approval WHERE story_id = $1 AND round = $2 AND kind = 'approve' ORDER BY step`, [storyId, unit.round]),
      this.db.query(`SELECT m.id, m.alt FROM story_media sm JOIN media m ON m.id = sm.media_id WHERE sm.story_id = $1 ORDER BY sm.position LIMIT 1`, [storyId]),
      this.comments.list(user, storyId),
      this.audit.list({ subjectType: 'story', subjectId: storyId, limit: 200 }),
    ]);
    const actions = allowedActions(user, {
      status: story.status,
      awaitingConfirmation: story.awaitingConfirmation,
      approversThisRound: approvers.map((a: { approver_id: string }) => a.approver_id),
      unitPath: unit.path,
      policy: unit.policy as ApprovalPolicy,
      authorId: story.authorId,
      lastEditedBy: story.lastEditedBy,
    });
    const photo = media[0] as { id: string; alt: string | null } | undefined;
    const handles = (unit.handles ?? {}) as Record<string, string>;
    const approved = story.approvedChannels ?? null;
    const drafts = story.drafts.map((d) => this.draftView(d, photo, handles, story.unitName, approved));
    return {
      story,
      timezone: unit.timezone as string,
      drafts,
      photo,
      actions,
      anyAction: Object.entries(actions).some(([key, value]) => value === true && key !== 'edit'),
      comments,
      trail: trail.reverse().map((e: { action: string }) => ({ ...e, label: AUDIT_LABELS[e.action] ?? e.action })),
      scheduleDefault: instantToLocal(this.clock.now(), unit.timezone),
      // the channels the schedule form offers: those approved (all drafts before approval)
      engagement: await this.engagement.forStory(storyId),
      scheduleChannels: drafts.filter((d) => !approved || approved.includes(d.channel)).map((d) => ({ channel: d.channel, label: d.label })),
    };
  }

  private draftView(d: DraftRow, photo: { id: string; alt: string | null } | undefined, handles: Record<string, string>, unitName: string, approved: string[] | null) {
    const rule = CHANNEL_RULES[d.channel];
    // The preview shows the rendition the channel is sent (the publishing map), so what is approved is what goes out.
    const rendition = RENDITION[d.channel];
    return {
      ...d,
      label: CHANNEL_LABELS[d.channel],
      max: rule.maxLength,
      maxTitle: rule.maxTitle ?? null,
      // x: twitter-text's weighted count; the others count graphemes (text-measure.ts)
      counting: rule.weighted ? 'x' : 'graphemes',
      count: channelLength(d.channel, d.body),
      titleCount: d.title === null ? 0 : channelLength('website', d.title),
      over: channelLength(d.channel, d.body) > rule.maxLength,
      image: photo && rendition ? { url: `/api/v1/media/${photo.id}/${rendition}.jpg`, alt: photo.alt ?? '' } : null,
      needsImage: rule.needsImage,
      handle: handles[d.channel] ?? unitName,
      leftOut: approved !== null && !approved.includes(d.channel),
      findings: (d.lint ?? []).map((f) => ({
        ...f,
        excerpt: f.start !== undefined && f.end !== undefined ? (f.field === 'title' ? d.title ?? '' : d.body).slice(Math.max(0, f.start), Math.min(f.end, f.start + 120)) : null,
      })),
      hasErrors: (d.lint ?? []).some((f) => f.severity === 'error'),
    };
  }
}
