import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { publishableQuote } from '../intake/privacy/publishable-text';
import { describeFinding } from '../privacy-gate/publish-gate';
import { PublishGate } from '../privacy-gate/publish-gate.service';
import { ScopeService } from '../units/scope.service';
import type { MediaResponse } from './dto/media.dto';
import { type EncodedImage, ImageProcessor } from './image-processor';
import { MediaCatalog } from './media-catalog.service';
import { MediaProblems } from './media-problems';
import { MediaService } from './media.service';
import { CARD, type QuoteCardInput, quoteCardSvg } from './quote-card.svg';
import { QUOTE_CARD_RENDITIONS } from './renditions';

interface StoryQuote {
  sensitive: boolean;
  unitId: string;
  unitName: string;
  unitPath: string[];
  quote: string | null;
  attribution: string | null;
}

/**
 * Quote cards: a citizen's own words, with the attribution their consent allows, on a square
 * image for Instagram and Facebook. Only quotes stored with consent are ever read: a
 * complaint's quote column is empty without quote consent, and feedback text is only used
 * when consent_quote is true.
 */
@Injectable()
export class QuoteCardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly images: ImageProcessor,
    private readonly media: MediaService,
    private readonly catalog: MediaCatalog,
    private readonly audit: AuditService,
    private readonly gate: PublishGate,
  ) {}

  /** 1080x1080 JPEG from SVG (fonts: DejaVu Sans, Noto Color Emoji for emoji). */
  async renderQuoteCard(input: QuoteCardInput): Promise<EncodedImage> {
    return this.images.renderSvg(quoteCardSvg(input).svg, CARD.background);
  }

  /** Renders the story's consented quote as a card, stores it and links it to the story. */
  async createForStory(user: AuthUser, storyId: string): Promise<MediaResponse> {
    const stored = await this.storyQuote(user, storyId);
    // the words as they may be published: without any sentence that needed a mask (issue 16)
    const story = { ...stored, quote: stored.sensitive ? null : publishableQuote(stored.quote) };
    if (!story.quote) {
      throw ProblemException.unprocessable('no_consented_quote', 'Cerita ini tidak memiliki kutipan warga yang boleh diterbitkan.');
    }
    // an image cannot be checked once rendered: the gate reads the words and the alt text first
    const findings = await this.gate.checkQuoteCard(this.db.manager, storyId, `${story.quote} ${altText(story)}`);
    if (findings.length > 0) {
      throw new ProblemException({
        status: 422, code: 'privacy_gate', title: 'Unprocessable Content',
        detail: 'Kutipan memuat data pribadi: kartu kutipan tidak dibuat.',
        errors: findings.map((f) => ({ field: 'quote', code: f.class, message: describeFinding(f) })),
      });
    }
    const { card, renditions } = await this.render({ quote: story.quote, attribution: story.attribution, unitName: story.unitName }).catch((error: unknown) => {
      throw MediaProblems.fromImage(error);
    });
    const row = { unitId: story.unitId, kind: 'quote_card' as const, sourceFormat: 'svg', alt: altText(story), watermarkMediaId: null, createdBy: user.id };
    const id = await this.media.save({ row, original: card, renditions }, async (manager, mediaId) => {
      // The story row lock orders concurrent attachments, so positions never collide.
      await manager.query(`SELECT 1 FROM story WHERE id = $1 FOR UPDATE`, [storyId]);
      await manager.query(
        `INSERT INTO story_media (story_id, media_id, position)
         SELECT $1, $2, COALESCE(MAX(position) + 1, 0) FROM story_media WHERE story_id = $1`,
        [storyId, mediaId],
      );
      await this.audit.record(
        { actorId: user.id, action: 'media.quote_card', subjectType: 'media', subjectId: mediaId, unitId: story.unitId, details: { storyId } },
        manager,
      );
    });
    return this.catalog.view(user, id);
  }

  private async render(input: QuoteCardInput) {
    const card = await this.renderQuoteCard(input);
    return { card, renditions: await this.images.renderAll(card.data, QUOTE_CARD_RENDITIONS, null) };
  }

  private async storyQuote(user: AuthUser, storyId: string): Promise<StoryQuote> {
    const rows: StoryQuote[] = await this.db.query(
      `SELECT s.sensitive, s.unit_id AS "unitId", u.name AS "unitName", u.path AS "unitPath",
              COALESCE(c.quote, CASE WHEN f.consent_quote THEN f.text END) AS quote,
              COALESCE(c.public_attribution, f.public_attribution) AS attribution
         FROM story s
         JOIN unit u ON u.id = s.unit_id
         LEFT JOIN complaint c ON s.kind = 'complaint' AND c.id = s.source_id AND c.consent_quote
         LEFT JOIN feedback f ON s.kind = 'feedback' AND f.id = s.source_id
        WHERE s.id = $1`,
      [storyId],
    );
    const story = rows[0];
    if (!story || !this.scope.covers(user, story.unitPath)) throw ProblemException.notFound(`Story ${storyId}`);
    return story;
  }
}

/** Alt text: the quote itself (cut at a word, within the 500-character column). */
function altText(story: StoryQuote): string {
  const words = `Kutipan ${story.attribution ?? 'seorang warga'}: “${story.quote}” (${story.unitName})`.split(/\s+/);
  let alt = '';
  for (const word of words) {
    if ((alt ? `${alt} ${word}` : word).length > 499) return `${alt}…`;
    alt = alt ? `${alt} ${word}` : word;
  }
  return alt;
}
