import { parentPort } from 'node:worker_threads';
import type { Channel } from '../channels';
import { Drafter, type RenderedDraft, type TemplateSet } from '../engine/drafter';
import { TemplateSyntaxError } from '../engine/template-engine';
import type { StoryView } from '../view-model/story-view';
import { loadDefaultTemplates } from '../engine/default-templates';
import type { CompiledTemplate, TemplateEngine } from '../engine/template-engine';
import { storySlug } from '../../stories/slug';
import { emptyVariantMemory, type VariantMemory } from '../engine/variants';
import { type OverrideRow, templateSetOf } from './override-set';

/**
 * The worker thread that renders templates written by officers (unit and global overrides):
 * OverrideRenderer gives it one job at a time and terminates it when a job overruns its time
 * limit, which stops even a render that never yields. It holds its own engine (helpers and
 * shipped partials) and compiles each override version once.
 */
/** A new story's title and slug follow its release headline (issue 18): what the worker needs to make the slug. */
export interface Retitling {
  publicBaseUrl: string;
  storyId: string;
  sensitive: boolean;
}

export type OverrideJob =
  | { id: number; task: 'draftAll'; view: StoryView; overrides: OverrideRow[]; unitIds: string[]; variants?: VariantMemory; retitling?: Retitling }
  | { id: number; task: 'preview'; key: string; body: string; channel: Channel; views: StoryView[] };

/** Drafts, with the variant choices made and the headline's slug when retitling. */
export interface DraftBatch {
  drafts: RenderedDraft[];
  chosen?: Record<string, number>;
  slug?: string;
}

export type OverrideReply =
  | ({ id: number } & DraftBatch)
  | { id: number; error: { name: string; message: string; line: number | null } };

interface Loaded {
  engine: TemplateEngine;
  defaults: TemplateSet;
  compiled: Map<string, CompiledTemplate>;
}

function run(loaded: Loaded, drafter: Drafter, job: OverrideJob): DraftBatch {
  if (job.task === 'draftAll') {
    const templates = templateSetOf(loaded.engine, loaded.defaults, job.overrides, job.unitIds, loaded.compiled);
    const variants = job.variants ?? emptyVariantMemory();
    let slug: string | undefined;
    const r = job.retitling;
    const urlFor = r ? (headline: string) => `${r.publicBaseUrl}/rilis/${(slug = storySlug(headline, r.storyId, r.sensitive))}` : undefined;
    const drafts = drafter.draftAll(job.view, templates, { variants, urlFor });
    return { drafts, chosen: variants.chosen, slug };
  }
  const template = loaded.engine.compile(job.key, job.body, 0);
  return { drafts: job.views.map((view) => drafter.draft(view, job.channel, template)) };
}

if (parentPort) {
  const port = parentPort;
  const loaded: Loaded = { ...loadDefaultTemplates(), compiled: new Map() };
  const drafter = new Drafter(loaded.engine);
  port.on('message', (job: OverrideJob) => {
    try {
      port.postMessage({ id: job.id, ...run(loaded, drafter, job) } satisfies OverrideReply);
    } catch (error) {
      const e = error as Error;
      const line = error instanceof TemplateSyntaxError ? error.line : null;
      port.postMessage({ id: job.id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? error), line } } satisfies OverrideReply);
    }
  });
  port.postMessage({ ready: true });
}
