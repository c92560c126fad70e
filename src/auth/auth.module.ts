import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, TokenService, PasswordHasher, AuthGuard],
  exports: [TokenService, PasswordHasher, AuthGuard, AuthService],
})
export class AuthModule {}
