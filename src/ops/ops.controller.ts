import { Controller, Get, Header, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/auth.decorators';
import { ProblemException } from '../common/problem/problem.exception';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller()
export class OpsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly metrics: Metrics,
  ) {}

  /** Liveness and readiness: 200 when the database answers within 2 s, 503 otherwise. */
  @Public()
  @Get('health')
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
    } catch (error) {
      const checks = error instanceof HttpException ? error.getResponse() : undefined;
      throw new ProblemException({
        status: 503,
        code: 'unhealthy',
        title: 'Service unavailable',
        detail: 'A dependency of the service is not healthy.',
        headers: { 'Retry-After': '5' },
        extensions: { checks },
      });
    }
  }

  /** Prometheus text exposition. */
  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
