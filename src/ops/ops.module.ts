import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { Metrics } from './metrics';
import { OpsController } from './ops.controller';
import { WorkMetrics } from './work-metrics';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [OpsController],
  providers: [Metrics, HttpMetricsMiddleware, WorkMetrics],
  exports: [Metrics],
})
export class OpsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
