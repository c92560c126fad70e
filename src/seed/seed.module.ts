import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { FirstStartService } from './first-start.service';

@Module({
  imports: [UsersModule],
  providers: [FirstStartService],
  exports: [FirstStartService],
})
export class SeedModule {}
