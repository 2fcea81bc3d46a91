import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalDomain, canonicalTaxId, customerNameCore, type ErrorCode, type Locale, normaliseCustomerName, translateMessage } from '@partnerline/domain';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../common/database/transaction';
import type { AuthenticatedUser } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { DirectAccountsRepository } from './direct-accounts.repository';

export interface ImportReport {
  imported: number;
  rejected: { line: number; reason: string }[];
}

const COLUMNS = ['kind', 'name', 'tax_id', 'domain', 'industry_code', 'region_code', 'owner'];

/** Direct-sales accounts and open opportunities, imported by CSV with a row-by-row report of rejected lines. */
@Injectable()
export class DirectAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: DirectAccountsRepository,
    private readonly catalog: CatalogRepository,
    private readonly audit: AuditService,
  ) {}

  /** Imports the rows that pass; each refused line gets a reason in the caller's language. */
  async import(csv: string, actor: AuthenticatedUser, locale: Locale = 'en'): Promise<ImportReport> {
    const refuse = (line: number, code: ErrorCode, params: Record<string, unknown> = {}) => ({ line, reason: translateMessage(locale, code, params) });
    let records: Record<string, string>[];
    try {
      records = parse(csv, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
    } catch (err) {
      return { imported: 0, rejected: [refuse(0, 'REGISTRATION_IMPORT_UNREADABLE', { line: (err as { lines?: number }).lines ?? 1 })] };
    }
    const industries = new Map<string, string>((await this.catalog.industries()).map((r) => [r.code, r.id]));
    const regions = new Map<string, string>((await this.catalog.regions()).map((r) => [r.code, r.id]));
    const report: ImportReport = { imported: 0, rejected: [] };
    const valid: Record<string, string>[] = [];
    records.forEach((r, i) => {
      const line = i + 2; // header is line 1
      const missing = COLUMNS.slice(0, 2).filter((c) => !r[c]);
      if (missing.length) return report.rejected.push(refuse(line, 'REGISTRATION_IMPORT_MISSING', { columns: missing.join(', ') }));
      if (!['named_account', 'open_opportunity'].includes(r.kind)) return report.rejected.push(refuse(line, 'REGISTRATION_IMPORT_KIND', { kind: r.kind }));
      if (r.industry_code && !industries.has(r.industry_code)) return report.rejected.push(refuse(line, 'REGISTRATION_IMPORT_INDUSTRY', { code: r.industry_code }));
      if (r.region_code && !regions.has(r.region_code)) return report.rejected.push(refuse(line, 'REGISTRATION_IMPORT_REGION', { code: r.region_code }));
      if (!r.tax_id && !r.domain && r.name.length < 2) return report.rejected.push(refuse(line, 'REGISTRATION_IMPORT_NO_KEY'));
      valid.push(r);
    });
    await inTransaction(this.db, async (m) => {
      for (const r of valid) {
        await this.repo.insert(m, {
          kind: r.kind,
          name: r.name,
          nameNorm: normaliseCustomerName(r.name!),
          nameCore: customerNameCore(r.name!),
          taxId: canonicalTaxId(r.tax_id),
          domain: canonicalDomain(r.domain),
          industryId: r.industry_code ? (industries.get(r.industry_code) ?? null) : null,
          regionId: r.region_code ? (regions.get(r.region_code) ?? null) : null,
          owner: r.owner || null,
          createdBy: actor.id,
        });
        report.imported++;
      }
      await this.audit.record(m, { entity: 'direct_accounts', entityId: 'import', action: 'direct_accounts.imported', after: report });
    });
    return report;
  }
}
