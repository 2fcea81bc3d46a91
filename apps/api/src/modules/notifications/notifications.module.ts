import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { NotificationMailer } from './notification-mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Global()
@Module({
  controllers: [NotificationsController],
  providers: [MailService, NotificationsRepository, NotificationsService, NotificationMailer],
  exports: [NotificationsService, MailService, NotificationMailer],
})
export class NotificationsModule {}
