import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** Shared infrastructure without business rules; `clock` lets tests fix the time. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return { module: CommonModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
