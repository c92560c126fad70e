import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ApprovalModule } from './approval/approval.module';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import type { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { ConnectionsModule } from './connections/connections.module';
import { ConsoleModule } from './console/console.module';
import { BodyKindGuard } from './common/http/body-kind';
import { createValidationPipe } from './common/http/validation';
import { ProblemFilter } from './common/problem/problem.filter';
import { ConfigModule } from './config/config.module';
import type { GaungConfig } from './config/gaung-config';
import { DatabaseModule } from './db/database.module';
import { DraftingModule } from './drafting/drafting.module';
import { FeedsModule } from './feeds/feeds.module';
import { IntakeModule } from './intake/intake.module';
import { JobsModule } from './jobs/jobs.module';
import { PressRoomModule } from './feeds/press-room/press-room.module';
import { MediaModule } from './media/media.module';
import { OpsModule } from './ops/ops.module';
import { PublishingModule } from './publishing/publishing.module';
import { ReportsModule } from './reports/reports.module';
import { StoriesModule } from './stories/stories.module';
import { TrackingModule } from './tracking/tracking.module';
import { loggerParams } from './ops/logging';
import { SeedModule } from './seed/seed.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** What tests may replace: only side effects, never rules. */
export interface AppOverrides {
  clock?: Clock;
}

@Module({})
export class AppModule {
  /** `databaseUrl` is DATABASE_URL or the embedded server's address. */
  static forRoot(config: GaungConfig, databaseUrl: string, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl, config.dbPoolSize),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'login', ttl: 60_000, limit: config.loginRatePerMinute }] }),
        CommonModule.forRoot(overrides.clock),
        AuditModule,
        UnitsModule,
        AuthModule,
        UsersModule,
        OpsModule,
        SeedModule,
        ScheduleModule.forRoot(),
        JobsModule,
        DraftingModule,
        StoriesModule,
        IntakeModule,
        MediaModule,
        ApprovalModule,
        PublishingModule,
        ConnectionsModule,
        TrackingModule,
        ReportsModule,
        FeedsModule,
        PressRoomModule,
        ConsoleModule,
      ],
      providers: [
        // Order matters: authenticate first (401/403), then check the body type (415).
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: BodyKindGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
