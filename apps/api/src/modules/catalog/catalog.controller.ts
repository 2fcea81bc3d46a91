import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  IndustrySchema,
  pageOf,
  ProductLineSchema,
  ProductSchema,
  RegionSchema,
  SegmentQuerySchema,
  SegmentSchema,
  UpdateSegmentSchema,
} from '@partnerline/domain';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyRole, Public, Roles } from '../../common/auth/auth.decorators';
import { IdParamDto } from '../../common/http/params';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';

class IndustryDto extends createZodDto(IndustrySchema) {}
class RegionDto extends createZodDto(RegionSchema) {}
class ProductDto extends createZodDto(ProductSchema) {}
class ProductLineDto extends createZodDto(ProductLineSchema) {}
class SegmentDto extends createZodDto(SegmentSchema) {}
class SegmentPageDto extends createZodDto(pageOf(SegmentSchema)) {}
class SegmentQueryDto extends createZodDto(SegmentQuerySchema) {}
class UpdateSegmentDto extends createZodDto(UpdateSegmentSchema) {}

/** The catalog is reference data every signed-in user needs (forms, pickers); only segments are editable. */
@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly catalog: CatalogService,
  ) {}

  /** Public: the application form (no login) needs the industry and region pickers. */
  @Get('industries')
  @Public()
  @ZodResponse({ type: [IndustryDto] })
  industries() {
    return this.repo.industries();
  }

  @Get('regions')
  @Public()
  @ZodResponse({ type: [RegionDto] })
  regions() {
    return this.repo.regions();
  }

  @Get('products')
  @AnyRole()
  @ZodResponse({ type: [ProductDto] })
  products() {
    return this.repo.products();
  }

  @Get('product-lines')
  @AnyRole()
  @ZodResponse({ type: [ProductLineDto] })
  productLines() {
    return this.repo.productLines();
  }

  @Get('segments')
  @AnyRole()
  @ZodResponse({ type: SegmentPageDto })
  async segments(@Query() query: SegmentQueryDto) {
    return { ...(await this.repo.segments(query)), page: query.page, pageSize: query.pageSize };
  }

  @Patch('segments/:id')
  @Roles('vendor_admin', 'channel_manager')
  @ZodResponse({ type: SegmentDto })
  updateSegment(@Param() { id }: IdParamDto, @Body() body: UpdateSegmentDto) {
    return this.catalog.updateSegment(id, body);
  }
}
