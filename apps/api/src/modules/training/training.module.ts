import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { CatalogModule } from '../catalog/catalog.module';
import { PartnersModule } from '../partners/partners.module';
import { UsersModule } from '../users/users.module';
import { CertificationsRepository } from './certifications.repository';
import { CertificationsService } from './certifications.service';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';
import { QualificationRepository } from './qualification.repository';
import { QualificationService } from './qualification.service';
import { SupportRepository } from './support.repository';
import { SupportService } from './support.service';
import { CertificationsController, QualificationController, SupportController, TrainingController } from './training.controller';
import { TrainingSweeper } from './training-sweeper';

/** Courses, certifications, qualification reviews and support requests; other modules' tables are read through their repositories. */
@Module({
  imports: [PartnersModule, AgreementsModule, UsersModule, CatalogModule],
  controllers: [TrainingController, CertificationsController, QualificationController, SupportController],
  providers: [
    CoursesRepository,
    CertificationsRepository,
    QualificationRepository,
    SupportRepository,
    CoursesService,
    CertificationsService,
    QualificationService,
    SupportService,
    TrainingSweeper,
  ],
  exports: [CertificationsRepository, QualificationRepository, SupportRepository],
})
export class TrainingModule {}
