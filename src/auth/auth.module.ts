import { Module } from '@nestjs/common';
import { ApiTokenRepository } from './api-token.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, TokenService, PasswordHasher, AuthGuard, LoginThrottleRepository, ApiTokenRepository],
  exports: [TokenService, PasswordHasher, AuthGuard, AuthService],
})
export class AuthModule {}
