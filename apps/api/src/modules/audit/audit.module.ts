import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditReadRepository } from './audit-read.repository';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditRepository, AuditReadRepository], exports: [AuditService, AuditReadRepository] })
export class AuditModule {}
