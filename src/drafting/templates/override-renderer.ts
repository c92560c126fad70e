import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { projectRoot } from '../../common/project-root';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import type { Channel } from '../channels';
import type { RenderedDraft } from '../engine/drafter';
import type { VariantMemory } from '../engine/variants';
import { TemplateSyntaxError } from '../engine/template-engine';
import type { StoryView } from '../view-model/story-view';
import type { DraftBatch, OverrideJob, OverrideReply, Retitling } from './override-render.worker';

export type { Retitling } from './override-render.worker';
import type { OverrideRow } from './template-store';

/** A render of an override that ran past the time limit and was stopped. */
export class TemplateRenderTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`rendering took longer than ${limitMs} ms and was stopped`);
    this.name = 'TemplateRenderTimeout';
  }
}

/** The worker died under a render (out of its memory limit): the template makes too much text. */
export class TemplateRenderCrashed extends Error {
  constructor(reason: string) {
    super(`rendering was stopped: ${reason}`);
    this.name = 'TemplateRenderCrashed';
  }
}

/** Too many override renders wait already (someone is sending heavy templates in a loop). */
export class TemplateRendererBusy extends Error {
  constructor() {
    super('too many template renders are waiting');
    this.name = 'TemplateRendererBusy';
  }
}

type JobBody = OverrideJob extends infer J ? (J extends OverrideJob ? Omit<J, 'id'> : never) : never;

interface Pending {
  job: OverrideJob;
  resolve(batch: DraftBatch): void;
  reject(error: Error): void;
}

const MAX_WAITING = 32;
const START_TIMEOUT_MS = 15_000;
/** A worker idle this long is ended: its heap (~15 MiB) goes back to the system. */
const IDLE_MS = 30_000;
/** A template that makes hundreds of megabytes of text is stopped by V8 at this heap size. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };

/**
 * Renders templates written by officers (overrides: preview, save check and drafting) in a worker
 * thread, one job at a time, and terminates the worker when a job overruns
 * TEMPLATE_RENDER_TIMEOUT_MS: a render never blocks the instance's event loop, and a stopped one
 * really stops (V8 ends the thread even inside a loop that never yields). Drafting with the
 * shipped templates does not come here: it stays on the fast in-process path (DraftWriter).
 */
@Injectable()
export class OverrideRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('OverrideRenderer');
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private readonly waiting: Pending[] = [];
  private running: { pending: Pending; timer: NodeJS.Timeout | null } | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(GAUNG_CONFIG) private readonly config: GaungConfig) {}

  /**
   * Every channel's draft of a story with its unit chain's overrides laid over the defaults, with
   * the variant choices made (issue 18) and, when asked to retitle, the slug of its headline.
   */
  async draftAll(
    view: StoryView, overrides: OverrideRow[], unitIds: string[], variants?: VariantMemory, retitling?: Retitling,
  ): Promise<{ drafts: RenderedDraft[]; chosen: Record<string, number>; slug?: string }> {
    const batch = await this.submit({ task: 'draftAll', view, overrides, unitIds, variants, retitling });
    return { drafts: batch.drafts, chosen: batch.chosen ?? {}, slug: batch.slug };
  }

  /** One channel's draft of each view with a template body not saved yet. */
  async preview(key: string, body: string, channel: Channel, views: StoryView[]): Promise<RenderedDraft[]> {
    return (await this.submit({ task: 'preview', key, body, channel, views })).drafts;
  }

  onModuleDestroy(): Promise<void> {
    for (const pending of this.waiting.splice(0)) pending.reject(new TemplateRenderCrashed('the instance is shutting down'));
    return this.stopWorker();
  }

  private submit(body: JobBody): Promise<DraftBatch> {
    if (this.waiting.length >= MAX_WAITING) return Promise.reject(new TemplateRendererBusy());
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { ...body, id: this.nextId++ } as OverrideJob, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running || this.waiting.length === 0) return;
    const pending = this.waiting.shift()!;
    // taken before the await below, so that a second pump() meanwhile leaves the queue alone
    const running: { pending: Pending; timer: NodeJS.Timeout | null } = { pending, timer: null };
    this.running = running;
    this.clearIdle();
    let worker: Worker;
    try {
      worker = await this.ensureWorker();
    } catch (error) {
      this.running = null;
      pending.reject(error as Error);
      return void this.pump();
    }
    running.timer = setTimeout(() => this.abort(new TemplateRenderTimeout(this.config.templateRenderTimeoutMs)), this.config.templateRenderTimeoutMs);
    worker.postMessage(pending.job);
  }

  private settle(reply: OverrideReply): void {
    if (!this.running || this.running.pending.job.id !== reply.id) return;
    const { pending, timer } = this.running;
    if (timer) clearTimeout(timer);
    this.running = null;
    if ('drafts' in reply) pending.resolve(reply);
    else if (reply.error.name === 'TemplateSyntaxError') pending.reject(new TemplateSyntaxError('override', reply.error.message, reply.error.line));
    else pending.reject(new Error(reply.error.message));
    this.afterJob();
  }

  /** Ends the running job with `error` and the worker with it (the only way to stop a render that never yields). */
  private abort(error: Error): void {
    const running = this.running;
    this.running = null;
    if (running) {
      if (running.timer) clearTimeout(running.timer);
      running.pending.reject(error);
    }
    void this.stopWorker().then(() => this.afterJob());
  }

  private afterJob(): void {
    if (this.waiting.length > 0) return void this.pump();
    if (!this.running && this.worker) {
      this.idleTimer = setTimeout(() => void this.stopWorker(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private ensureWorker(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(workerScript(), { resourceLimits: WORKER_LIMITS, stdout: false, stderr: false });
      worker.unref(); // never what keeps the process (or a test run) alive
      const failStart = setTimeout(() => {
        reject(new TemplateRenderCrashed('the template worker did not start'));
        void worker.terminate();
      }, START_TIMEOUT_MS);
      worker.on('message', (message: OverrideReply | { ready: true }) => {
        if ('ready' in message) {
          clearTimeout(failStart);
          this.worker = worker;
          this.starting = null;
          resolve(worker);
        } else {
          this.settle(message);
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        clearTimeout(failStart);
        this.logger.warn(`template worker failed: ${error.code ?? error.name}`);
        if (this.starting && this.worker !== worker) {
          this.starting = null;
          reject(new TemplateRenderCrashed(error.code ?? error.message));
        }
        if (this.worker === worker) {
          this.worker = null;
          this.abort(new TemplateRenderCrashed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it made more text than allowed' : (error.code ?? error.message)));
        }
      });
      worker.on('exit', () => {
        if (this.worker === worker) {
          this.worker = null;
          if (this.running) this.abort(new TemplateRenderCrashed('the template worker exited'));
        }
      });
    });
    return this.starting;
  }

  private async stopWorker(): Promise<void> {
    this.clearIdle();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

/**
 * The compiled worker: beside this file in dist/, or dist/'s copy when this file runs as
 * TypeScript under Jest (a worker thread cannot load TypeScript; `npm test` builds first).
 */
function workerScript(): string {
  const beside = path.join(__dirname, 'override-render.worker.js');
  if (fs.existsSync(beside)) return beside;
  return path.join(projectRoot(), 'dist', 'src', 'drafting', 'templates', 'override-render.worker.js');
}
