import { Module } from '@nestjs/common';
import { PartnersController } from './partners.controller';
import { PartnersRepository } from './partners.repository';

@Module({ controllers: [PartnersController], providers: [PartnersRepository], exports: [PartnersRepository] })
export class PartnersModule {}
