import { Module } from '@nestjs/common';
import { ConflictsController } from './conflicts.controller';
import { ConflictsService } from './conflicts.service';
import { DealRegistrationsController } from './deal-registrations.controller';
import { DealRegistrationsService } from './deal-registrations.service';
import { DirectAccountsService } from './direct-accounts.service';
import { RegistrationSweeper } from './registration-sweeper';

@Module({
  controllers: [DealRegistrationsController, ConflictsController],
  providers: [DealRegistrationsService, ConflictsService, DirectAccountsService, RegistrationSweeper],
})
export class DealRegistrationsModule {}
