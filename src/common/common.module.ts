import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { Clock } from './clock';
import { SecretBox } from './crypto/secret-box';

/** Shared infrastructure without business rules; `clock` lets tests fix the time. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: Clock, useValue: clock },
        // seals integration secrets and channel credentials with SECRET_KEY
        { provide: SecretBox, useFactory: (config: GaungConfig) => new SecretBox(config.secretKey), inject: [GAUNG_CONFIG] },
      ],
      exports: [Clock, SecretBox],
    };
  }
}
