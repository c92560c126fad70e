import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { ProblemException } from '../../common/problem/problem.exception';
import { ScopeService } from '../../units/scope.service';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import type { Channel, StoryKind } from '../channels';
import type { TemplateShape } from '../engine/template-limits';
import { TemplateSyntaxError } from '../engine/template-engine';
import { readTemplateFiles } from '../engine/template-files';
import { SAMPLE_SOURCES } from '../samples';
import { StorySourceLoader } from '../story-source.loader';
import type { StorySource } from '../view-model/story-source';
import { buildStoryView } from '../view-model/build-story-view';
import { OverrideRenderer, TemplateRenderCrashed, TemplateRendererBusy, TemplateRenderTimeout } from './override-renderer';
import { TemplateStore } from './template-store';

@Injectable()
export class TemplatesService {
  private readonly defaultSources = readTemplateFiles().templates;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TemplateStore,
    private readonly loader: StorySourceLoader,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly renderer: OverrideRenderer,
  ) {}

  /** The shipped default and every override visible to the caller, newest version first. */
  async get(user: AuthUser, kind: StoryKind, channel: Channel) {
    const key = `${kind}/${channel}`;
    const params: unknown[] = [key];
    const scope = user.role === 'admin' ? 'TRUE' : `(t.unit_id IS NULL OR ${this.scope.sqlCondition(user, 'u', params)})`;
    const overrides = await this.db.query(
      `SELECT t.id, u.code AS "unitCode", t.version, t.active, t.body, t.created_at AS "createdAt", a.username AS author
         FROM template_override t LEFT JOIN unit u ON u.id = t.unit_id LEFT JOIN app_user a ON a.id = t.author_id
        WHERE t.key = $1 AND ${scope} ORDER BY u.code NULLS FIRST, t.version DESC LIMIT 200`,
      params,
    );
    return { key, default: this.defaultSources.get(key), overrides };
  }

  /** A new version of an override; refused (422, with the line) when it does not render the samples. */
  async put(user: AuthUser, kind: StoryKind, channel: Channel, body: string, unitCode?: string) {
    const key = `${kind}/${channel}`;
    if (!unitCode && user.role !== 'admin') throw ProblemException.forbidden('global_template_admin_only', 'Only an admin changes the global template; give unitCode.');
    const unit = unitCode ? await this.scope.requireUnitField(user, unitCode, 'unitCode') : null;
    await this.check(key, body, SAMPLE_SOURCES[kind], channel);
    const version = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`template:${key}:${unit?.id ?? 'global'}`]);
      const [{ next }] = await manager.query(
        `SELECT COALESCE(max(version), 0) + 1 AS next FROM template_override WHERE key = $1 AND unit_id IS NOT DISTINCT FROM $2`,
        [key, unit?.id ?? null],
      );
      await manager.query(`UPDATE template_override SET active = false WHERE key = $1 AND unit_id IS NOT DISTINCT FROM $2 AND active`, [key, unit?.id ?? null]);
      await manager.query(
        `INSERT INTO template_override (key, unit_id, body, version, author_id) VALUES ($1, $2, $3, $4, $5)`,
        [key, unit?.id ?? null, body, next, user.id],
      );
      await this.audit.record({ actorId: user.id, action: 'template.update', subjectType: 'template', subjectId: key, unitId: unit?.id ?? null, details: { version: next } }, manager);
      return next as number;
    });
    return { key, unitCode: unitCode ?? null, version };
  }

  /** Renders a template body against a story in scope, or against the samples, with lint. */
  async preview(user: AuthUser, kind: StoryKind, channel: Channel, body: string, storyId?: string) {
    const key = `${kind}/${channel}`;
    let sources: StorySource[] = SAMPLE_SOURCES[kind];
    if (storyId) {
      const [story] = await this.db.query(`SELECT s.kind, u.path FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`, [storyId]);
      if (!story || !this.scope.covers(user, story.path)) throw ProblemException.notFound('Story');
      if (story.kind !== kind) throw ProblemException.validation([{ field: 'storyId', message: `the story is a ${story.kind}, not a ${kind}` }]);
      sources = [await this.loader.load(this.db.manager, storyId)];
    }
    return { key, drafts: await this.check(key, body, sources, channel) };
  }

  /**
   * Scans the body's size and nesting on this thread (cheap, refused with its line), then has
   * OverrideRenderer's worker parse, check, compile and render it under a time limit.
   */
  private async check(key: string, body: string, sources: StorySource[], channel: Channel) {
    let shape: TemplateShape;
    try {
      shape = this.store.engine.prescan(key, body);
    } catch (error) {
      throw this.refusal(error);
    }
    const views = sources.map((source) => buildStoryView(source, this.config.publicBaseUrl));
    try {
      const drafts = await this.renderer.preview(key, body, channel, views);
      return drafts.map((draft, i) => ({ sample: sources[i].story.id, title: draft.title, body: draft.body, lint: draft.lint }));
    } catch (error) {
      throw this.renderRefusal(error, shape);
    }
  }

  private renderRefusal(error: unknown, shape: TemplateShape): ProblemException {
    const heaviest = shape.heaviestLine;
    if (error instanceof TemplateRenderTimeout) {
      return ProblemException.unprocessable('template_too_slow', `The template takes too long to render (over ${error.limitMs} ms, stopped); simplify the blocks starting on line ${heaviest}.`, { line: heaviest });
    }
    if (error instanceof TemplateRenderCrashed) {
      return ProblemException.unprocessable('template_too_heavy', `The template makes too much text: ${error.message}; simplify the blocks starting on line ${heaviest}.`, { line: heaviest });
    }
    if (error instanceof TemplateRendererBusy) {
      return new ProblemException({ status: 503, code: 'template_renderer_busy', title: 'Service unavailable', detail: 'Too many template renders are waiting; try again in a moment.', headers: { 'Retry-After': '5' } });
    }
    return this.refusal(error);
  }

  private refusal(error: unknown): ProblemException {
    const e = error as Error;
    const line = error instanceof TemplateSyntaxError ? error.line : (/line (\d+)/i.exec(e.message)?.[1] ?? null);
    // Handlebars' strict mode says '"x" not defined in [object Object]': the context is noise to the author.
    const message = String(e.message).split('\n')[0].replace(/\s*in \[object Object\]/g, '').replace(/\[object Object\]/g, 'the story');
    return ProblemException.unprocessable('template_invalid', `The template does not render: ${message}`, { line: line === null ? null : Number(line) });
  }
}
