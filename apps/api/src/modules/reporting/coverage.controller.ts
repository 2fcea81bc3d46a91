import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CoverageCellDetailSchema,
  CoverageCellQuerySchema,
  type CoverageMatrix,
  CoverageMatrixSchema,
  CoveragePlanRequestSchema,
  CoveragePlanSchema,
  CoverageQuerySchema,
  type GapList,
  GapListSchema,
  GapsQuerySchema,
  type Scope,
  VENDOR_SCOPE,
} from '@partnerline/domain';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { CoverageService } from './coverage.service';

class CoverageQueryDto extends createZodDto(CoverageQuerySchema) {}
class CoverageCellQueryDto extends createZodDto(CoverageCellQuerySchema) {}
class GapsQueryDto extends createZodDto(GapsQuerySchema) {}
class CoveragePlanRequestDto extends createZodDto(CoveragePlanRequestSchema) {}
class CoverageMatrixDto extends createZodDto(CoverageMatrixSchema) {}
class CoverageCellDetailDto extends createZodDto(CoverageCellDetailSchema) {}
class GapListDto extends createZodDto(GapListSchema) {}
class CoveragePlanDto extends createZodDto(CoveragePlanSchema) {}

/** Leadership and vendor admins see everything; a channel manager only the partners assigned to them (ADR 0019). */
export function dashboardScope(user: AuthenticatedUser): Scope {
  return user.role === 'channel_manager' ? { kind: 'manager', managerId: user.id } : VENDOR_SCOPE;
}

type Table = { columns: string[]; rows: (string | number | null)[][] };

/** Sends a table as CSV (UTF-8 with a BOM, so spreadsheets read the Chinese names) or as an XLSX workbook. */
async function sendTable(res: Response, name: string, format: 'csv' | 'xlsx', t: Table): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.send(`\uFEFF${stringify([t.columns, ...t.rows.map((r) => r.map((v) => v ?? ''))])}`);
    return;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(t.columns);
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? ''));
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  res.send(Buffer.from(await wb.xlsx.writeBuffer()));
}

function matrixTable(m: CoverageMatrix): Table {
  const columns = [
    'industry_code', 'industry_zh', 'industry_en', 'region_code', 'region_zh', 'region_en', 'region_level', 'strategy', 'market_potential',
    'partners_strategic', 'partners_smb', 'partners_total', 'exclusive_holder', 'open_pipeline', 'won_revenue', 'certified_headcount',
    'quota', 'achievement', 'attainment_percent', 'gaps', 'heat', 'as_of', 'period',
  ];
  const regions = new Map([...m.columns, ...(m.parent ? [m.parent] : [])].map((r) => [r.id, r]));
  const rows: Table['rows'] = [];
  for (const row of m.rows) {
    for (const c of [...row.cells, ...(row.total ? [row.total] : [])]) {
      const r = regions.get(c.regionId)!;
      rows.push([
        row.industry.code, row.industry.nameZh, row.industry.nameEn, r.code, r.nameZh, r.nameEn, r.level, c.strategy, c.marketPotential,
        c.partners.strategic, c.partners.smb, c.partners.total, c.exclusiveHolder?.name ?? null, c.openPipeline, c.wonRevenue, c.certifiedHeadcount,
        c.quota, c.achievement, c.attainmentPercent, c.gaps.join(' '), c.heat, m.asOf, m.period.key,
      ]);
    }
  }
  return { columns, rows };
}

function gapsTable(g: GapList): Table {
  const columns = [
    'rank', 'kind', 'industry_code', 'industry_zh', 'industry_en', 'region_code', 'region_zh', 'region_en', 'region_level', 'strategy',
    'market_potential', 'size', 'score', 'action', 'holder', 'attainment_percent', 'pace_percent', 'certifications_lapsing', 'certified_headcount',
  ];
  const rows = g.items.map((i) => [
    i.rank, i.kind, i.industry.code, i.industry.nameZh, i.industry.nameEn, i.region.code, i.region.nameZh, i.region.nameEn, i.region.level,
    i.strategy, i.marketPotential, i.size, i.score, i.action, i.holder?.name ?? null, i.attainmentPercent, i.pacePercent, i.certificationsLapsing,
    i.certifiedHeadcount,
  ]);
  return { columns, rows };
}

/** The leadership view (issue #16): vendor roles only; partners get 403. */
@ApiTags('dashboards')
@Controller('dashboards')
@Roles('vendor_admin', 'leadership', 'channel_manager')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get('coverage')
  @ZodResponse({ type: CoverageMatrixDto })
  async matrix(@Query() q: CoverageQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    const m = await this.coverage.matrix(dashboardScope(user), q);
    if (q.format) {
      await sendTable(res, 'coverage', q.format, matrixTable(m));
      return undefined as never;
    }
    return m;
  }

  @Get('coverage/cell')
  @ZodResponse({ type: CoverageCellDetailDto })
  cell(@Query() q: CoverageCellQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.coverage.cell(dashboardScope(user), q);
  }

  @Get('gaps')
  @ZodResponse({ type: GapListDto })
  async gaps(@Query() q: GapsQueryDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) res: Response) {
    const g = await this.coverage.gaps(dashboardScope(user), q);
    if (q.format) {
      await sendTable(res, 'gaps', q.format, gapsTable(g));
      return undefined as never;
    }
    return g;
  }

  /** Planning mode: the matrix and gaps as the drafts would make them. Nothing is written. */
  @Post('coverage/plan')
  @HttpCode(200)
  @ZodResponse({ type: CoveragePlanDto })
  plan(@Body() body: CoveragePlanRequestDto, @CurrentUser() user: AuthenticatedUser) {
    return this.coverage.plan(dashboardScope(user), body);
  }
}
