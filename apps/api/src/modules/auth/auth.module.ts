import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../../common/auth/auth.guard';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';
import { ThrottleRepository } from './throttle.repository';
import { ThrottleService } from './throttle.service';

@Global()
@Module({
  controllers: [AuthController, PasswordResetController],
  providers: [AuthService, AuthRepository, PasswordResetRepository, PasswordResetService, ThrottleRepository, ThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRepository, ThrottleService],
})
export class AuthModule {}
