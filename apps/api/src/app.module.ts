import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AuditModule } from './modules/audit/audit.module';
import { DealRegistrationsModule } from './modules/deal-registrations/deal-registrations.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { HealthController } from './modules/health/health.controller';
import { HealthRepository } from './modules/health/health.repository';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OperationsModule } from './modules/operations/operations.module';
import { PartnersModule } from './modules/partners/partners.module';
import { PartnerOverviewModule } from './modules/partners/partner-overview.module';
import { PoliciesModule } from './modules/policies/policies.module';
import { RebatesModule } from './modules/rebates/rebates.module';
import { SellOutModule } from './modules/sell-out/sell-out.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { RenewalsModule } from './modules/renewals/renewals.module';
import { TrainingModule } from './modules/training/training.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        // The embedded database is one backend session: one connection, so statements never interleave.
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.embeddedDatabase ? 1 : config.DATABASE_POOL_SIZE)),
        AuditModule,
        PoliciesModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        CatalogModule,
        PartnersModule,
        AgreementsModule,
        DealRegistrationsModule,
        TrainingModule,
        OperationsModule,
        ReportingModule,
        PartnerOverviewModule,
        RebatesModule,
        SellOutModule,
        PaymentsModule,
        RenewalsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        HealthRepository,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
      ],
      exports: [APP_CONFIG],
    };
  }
}
