import { Global, Module } from '@nestjs/common';
import { DraftWriter } from './draft-writer.service';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';
import { StorySourceLoader } from './story-source.loader';
import { OverrideRenderer } from './templates/override-renderer';
import { TemplateStore } from './templates/template-store';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';

/** Templates, rendering and lint; global because story creation drafts at once. */
@Global()
@Module({
  controllers: [DraftsController, TemplatesController],
  providers: [DraftWriter, DraftsService, OverrideRenderer, StorySourceLoader, TemplateStore, TemplatesService],
  exports: [DraftWriter, DraftsService, StorySourceLoader, TemplateStore, TemplatesService],
})
export class DraftingModule {}
