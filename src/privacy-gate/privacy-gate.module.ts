import { Module } from '@nestjs/common';
import { PublishGate } from './publish-gate.service';
import { PublishGateRepository } from './publish-gate.repository';

/** The publish gate: imported by approval, publishing and media (quote cards). */
@Module({
  providers: [PublishGate, PublishGateRepository],
  exports: [PublishGate],
})
export class PrivacyGateModule {}
