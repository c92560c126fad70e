import { type DynamicModule, Global, Module } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from './gaung-config';

/** Makes the validated configuration injectable everywhere as GAUNG_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: GaungConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: GAUNG_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [GAUNG_CONFIG],
    };
  }
}
