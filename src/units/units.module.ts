import { Global, Module } from '@nestjs/common';
import { ScopeService } from './scope.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** Global because every feature checks scope through ScopeService. */
@Global()
@Module({
  controllers: [UnitsController],
  providers: [UnitsService, ScopeService],
  exports: [UnitsService, ScopeService],
})
export class UnitsModule {}
