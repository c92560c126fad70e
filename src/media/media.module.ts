import { Global, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { PrivacyGateModule } from '../privacy-gate/privacy-gate.module';
import { IMAGE_LIMITS, ImageProcessor } from './image-processor';
import { MediaBlurService } from './media-blur.service';
import { MediaCatalog } from './media-catalog.service';
import { MediaLinks } from './media-links.service';
import { MediaStore } from './media-store';
import { MediaWriter } from './media-writer';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { PublicMediaController } from './public-media.controller';
import { QuoteCardService } from './quote-card.service';
import { UnitLogos } from './unit-logos.service';
import { uploadLimits, UploadProblemsInterceptor } from './upload-problems.interceptor';

/**
 * Photo uploads, sanitising, renditions, blur, quote cards: the only module that imports sharp
 * (through ImageProcessor). Global so that intake can check the photos it attaches (MediaLinks).
 */
@Global()
@Module({
  imports: [
    PrivacyGateModule,
    // No storage engine: multer keeps the one file in memory, bounded by MEDIA_MAX_BYTES.
    MulterModule.registerAsync({ useFactory: (config: GaungConfig) => ({ limits: uploadLimits(config.mediaMaxBytes) }), inject: [GAUNG_CONFIG] }),
  ],
  controllers: [MediaController, PublicMediaController],
  providers: [
    { provide: IMAGE_LIMITS, useFactory: (config: GaungConfig) => ({ maxPixels: config.mediaMaxPixels }), inject: [GAUNG_CONFIG] },
    ImageProcessor, MediaStore, MediaWriter, MediaCatalog, MediaService, MediaBlurService, QuoteCardService, UnitLogos, MediaLinks,
    UploadProblemsInterceptor,
  ],
  exports: [MediaLinks, QuoteCardService, MediaStore],
})
export class MediaModule {}
