import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { CertificationsService } from './certifications.service';
import { CoursesService } from './courses.service';
import { QualificationService } from './qualification.service';
import { SupportService } from './support.service';
import { CertificationsController, QualificationController, SupportController, TrainingController } from './training.controller';
import { TrainingSweeper } from './training-sweeper';

@Module({
  imports: [PartnersModule],
  controllers: [TrainingController, CertificationsController, QualificationController, SupportController],
  providers: [CoursesService, CertificationsService, QualificationService, SupportService, TrainingSweeper],
})
export class TrainingModule {}
