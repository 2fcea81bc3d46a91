import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRunner } from './job-runner';
import { JobRunsRepository } from './job-runs.repository';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

/** Durable jobs (pg-boss + job_runs) and the Operations API. */
@Module({
  imports: [DiscoveryModule],
  controllers: [OperationsController],
  providers: [JobRunner, JobRunsRepository, OperationsService],
  exports: [JobRunner],
})
export class OperationsModule {}
