import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { LoginAttemptEntity, SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { IndustryEntity, ProductEntity, ProductLineEntity, RegionEntity, SegmentEntity } from '../modules/catalog/catalog.entities';
import { PartnerEntity } from '../modules/partners/partner.entity';
import { PolicyEntity } from '../modules/policies/policy.entity';

export const ENTITIES = [
  AuditLogEntity,
  SessionEntity,
  LoginAttemptEntity,
  UserEntity,
  IndustryEntity,
  RegionEntity,
  SegmentEntity,
  ProductLineEntity,
  ProductEntity,
  PartnerEntity,
  PolicyEntity,
];
