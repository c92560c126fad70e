import { Global, Module } from '@nestjs/common';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';
import { StoryCreator } from './story-creator.service';

/** Stories: one per source item; drafting and approval build on this module. */
@Global()
@Module({ controllers: [StoriesController], providers: [StoryCreator, StoriesService], exports: [StoryCreator, StoriesService] })
export class StoriesModule {}
