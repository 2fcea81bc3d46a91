import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VendorRatingsQuerySchema, VendorRatingSummarySchema } from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { VendorRoles } from '../../common/auth/auth.decorators';
import { businessToday } from '../../common/time';
import { VendorRatingsService } from './vendor-ratings.service';

class VendorRatingsQueryDto extends createZodDto(VendorRatingsQuerySchema) {}
class VendorRatingSummaryDto extends createZodDto(VendorRatingSummarySchema) {}

/** The partners' rating of the vendor, in aggregate (vendor staff, leadership included; partners never). */
@ApiTags('renewals')
@Controller('vendor-ratings')
export class VendorRatingsController {
  constructor(private readonly ratings: VendorRatingsService) {}

  /** `?from&to` (business dates, inclusive); without them the last twelve months up to today. */
  @Get()
  @VendorRoles()
  @ZodResponse({ type: VendorRatingSummaryDto })
  summary(@Query() q: VendorRatingsQueryDto) {
    return this.ratings.summary(q, businessToday());
  }
}
