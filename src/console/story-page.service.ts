import { Injectable } from '@nestjs/common';
import { EngagementReport } from '../engagement/engagement-report.service';
import { describeFinding, type GateClass } from '../privacy-gate/publish-gate';
import { CommentsService } from '../approval/comments.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { CHANNEL_RULES, type Channel } from '../drafting/channels';
import type { LintFinding } from '../drafting/lint/lint-finding';
import { channelLength } from '../drafting/lint/text-measure';
import { PublicationPostsRepository } from '../publishing/publication-posts.repository';
import { RENDITION } from '../publishing/publication-request.builder';
import { CANCELLABLE, CONFIRMABLE, RESCHEDULABLE, RETRYABLE } from '../publishing/publications.service';
import type { StoryStatus } from '../stories/dto/story-query.dto';
import { StoriesService } from '../stories/stories.service';
import { ApprovalStatus } from './approval-status';
import { auditLabel } from './audit-labels';
import { CHANNEL_LABELS } from './console-helpers';
import { instantToLocal } from './local-time';
import { allowedActions } from './story-actions';
import { type StoryPhotoRow, StoryPageRepository } from './story-page.repository';

/** The fields of StoriesService.get's answer this page reads. */
interface StoryDetail extends Record<string, unknown> {
  id: string;
  kind: string;
  sourceId: string;
  title: string;
  status: StoryStatus;
  unitName: string;
  authorId: string | null;
  lastEditedBy: string | null;
  awaitingConfirmation: boolean;
  approvedChannels: string[] | null;
  sensitive: boolean;
  /** What the publish gate holds (issue 16): where and which class, never the value. */
  privacyHold: { surface: string; field: string; class: GateClass }[] | null;
  drafts: DraftRow[];
  publications: PublicationRow[];
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

interface PublicationRow {
  channel: Channel;
  mode: string;
  status: string;
  dueAt: Date;
  publishedAt: Date | null;
  url: string | null;
  lastError: string | null;
}

/** Publications that are still live for a channel (a new one cannot be scheduled beside them). */
const LIVE = ['scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed'];
const SOURCE_PATHS: Record<string, string> = { complaint: '/pengaduan', feedback: '/umpan-balik', achievement: '/prestasi' };

/**
 * The story page's view model: the story as the API answers it (StoriesService.get), who must
 * approve it (ApprovalStatus, on the approval rules), its comments and audit trail, photos,
 * publications with the actions that apply to each, and the actions this user may take now.
 */
@Injectable()
export class StoryPageService {
  constructor(
    private readonly stories: StoriesService,
    private readonly comments: CommentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly engagement: EngagementReport,
    private readonly approval: ApprovalStatus,
    private readonly repository: StoryPageRepository,
    private readonly posts: PublicationPostsRepository,
  ) {}

  async build(user: AuthUser, storyId: string) {
    const story = (await this.stories.get(user, storyId)) as unknown as StoryDetail;
    const unit = await this.repository.unitOf(storyId);
    const [approvers, photos, quotable, accounts, comments, trail, review, manualPosts] = await Promise.all([
      this.repository.approversThisRound(storyId, unit.round),
      this.repository.photos(storyId),
      this.repository.hasConsentedQuote(storyId),
      this.repository.accounts(storyId),
      this.comments.list(user, storyId),
      this.audit.list({ subjectType: 'story', subjectId: storyId, limit: 200 }),
      this.approval.load([storyId]),
      story.status === 'withdrawn' ? this.posts.externalPosts(storyId) : this.posts.listForStory(storyId),
    ]);
    const actions = allowedActions(user, {
      status: story.status,
      kind: story.kind,
      awaitingConfirmation: story.awaitingConfirmation,
      approversThisRound: approvers.map((a) => a.approver_id),
      unitPath: unit.path,
      policy: unit.policy,
      authorId: story.authorId,
      lastEditedBy: story.lastEditedBy,
      sensitive: review[0]?.sensitive === true,
    });
    const photo = photos[0];
    const handles = (unit.handles ?? {}) as Record<string, string>;
    const approved = story.approvedChannels ?? null;
    const drafts = story.drafts.map((d, i) => this.draftView(d, photo, handles, story.unitName, approved, i === 0));
    const waiting = await this.approval.describe(review[0]);
    const live = new Set(story.publications.filter((p) => LIVE.includes(p.status)).map((p) => p.channel));
    const now = this.clock.now();
    return {
      story,
      timezone: unit.timezone,
      waiting,
      drafts,
      photos: photos.map((p) => this.photoView(p)),
      photo: photo ? this.photoView(photo) : null,
      quotable,
      actions,
      anyAction: Object.entries(actions).some(([key, value]) => value === true && key !== 'edit'),
      isAuthor: story.authorId === user.id,
      sourceHref: SOURCE_PATHS[story.kind] ? `${SOURCE_PATHS[story.kind]}/${story.sourceId}` : null,
      correctHref: actions.correct ? `${SOURCE_PATHS[story.kind]}/${story.sourceId}/koreksi` : null,
      comments,
      trail: trail.reverse().map((e: { action: string; from: string | null; to: string | null; details: Record<string, unknown> | null }) => ({
        ...e, label: auditLabel(e.action, e.details), changed: e.from !== null && e.to !== null && e.from !== e.to,
      })),
      scheduleDefault: instantToLocal(now, unit.timezone),
      // the channels the schedule form offers: approved ones that have no live publication yet
      scheduleChannels: drafts
        .filter((d) => (!approved || approved.includes(d.channel)) && !live.has(d.channel))
        .map((d) => ({ channel: d.channel, label: d.label })),
      publications: story.publications.map((p) => this.publicationView(p, accounts, manualPosts, unit.timezone, actions.schedule)),
      externalPosts: story.status === 'withdrawn' ? manualPosts : [],
      canTickRemovals: user.role === 'humas' || user.role === 'admin',
      // what the publish gate holds, where and of which class (never the value), and who may release it (four eyes)
      privacyHold: (story.privacyHold ?? []).map(describeFinding),
      canReleasePrivacy: (user.role === 'humas' || user.role === 'admin') && user.id !== story.authorId && user.id !== story.lastEditedBy,
      engagement: await this.engagement.forStory(storyId),
    };
  }

  private photoView(p: StoryPhotoRow) {
    return { ...p, thumb: `/api/v1/media/${p.id}/thumb.jpg`, web: `/api/v1/media/${p.id}/web.jpg`, isQuoteCard: p.kind === 'quote_card' };
  }

  private publicationView(
    p: PublicationRow, accounts: { channel: string; handle: string | null }[], posts: { channel: string }[], timezone: string, officer: boolean,
  ) {
    const status = p.status;
    return {
      ...p,
      label: CHANNEL_LABELS[p.channel] ?? p.channel,
      handle: p.channel === 'website' ? 'Ruang rilis' : (accounts.find((a) => a.channel === p.channel)?.handle ?? null),
      at: p.publishedAt ?? p.dueAt,
      canReschedule: officer && RESCHEDULABLE.includes(status),
      canCancel: officer && CANCELLABLE.includes(status),
      canRetry: officer && RETRYABLE.includes(status),
      canConfirm: officer && CONFIRMABLE.includes(status),
      canAddPost: officer && status === 'published' && p.mode === 'manual',
      withoutUrl: p.channel === 'whatsapp',
      rescheduleValue: instantToLocal(new Date(p.dueAt), timezone),
      posts: posts.filter((post) => post.channel === p.channel),
    };
  }

  private draftView(d: DraftRow, photo: StoryPhotoRow | undefined, handles: Record<string, string>, unitName: string, approved: string[] | null, first: boolean) {
    const rule = CHANNEL_RULES[d.channel];
    // The preview shows the rendition the channel is sent (the publishing map), so what is approved is what goes out.
    const rendition = RENDITION[d.channel];
    const count = channelLength(d.channel, d.body);
    const lint = d.lint ?? [];
    return {
      ...d,
      label: CHANNEL_LABELS[d.channel],
      first,
      max: rule.maxLength,
      maxTitle: rule.maxTitle ?? null,
      // x: twitter-text's weighted count; the others count graphemes (text-measure.ts)
      counting: rule.weighted ? 'x' : 'graphemes',
      count,
      titleCount: d.title === null ? 0 : channelLength('website', d.title),
      over: count > rule.maxLength,
      image: photo && rendition ? { url: `/api/v1/media/${photo.id}/${rendition}.jpg`, alt: photo.alt ?? '' } : null,
      needsImage: rule.needsImage,
      // the approve form leaves a channel that needs a picture unticked while the story has none
      missingImage: rule.needsImage && !photo,
      handle: handles[d.channel] ?? unitName,
      leftOut: approved !== null && !approved.includes(d.channel),
      findings: lint.map((f) => ({
        ...f,
        excerpt: f.start !== undefined && f.end !== undefined ? (f.field === 'title' ? d.title ?? '' : d.body).slice(Math.max(0, f.start), Math.min(f.end, f.start + 120)) : null,
      })),
      errors: lint.filter((f) => f.severity === 'error').length,
      warnings: lint.filter((f) => f.severity !== 'error').length,
      hasErrors: lint.some((f) => f.severity === 'error'),
    };
  }
}
