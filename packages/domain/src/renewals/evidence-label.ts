import { z } from 'zod';
import { DepositStatusSchema } from '../rebates/performance.responses.js';
import { CompetitionDeclarationSchema, CompetitionFindingSchema, IncidentSeveritySchema } from './renewal.schemas.js';
import { type EvidenceLink, IncidentCategorySchema } from './review.schemas.js';

const QualificationReviewResultSchema = z.enum(['pass', 'fail']);

/**
 * What an evidence link's `label` holds, as the API writes it (renewal-facts.service). Most labels are data — a
 * statement or invoice number, an agreement number — and show as they are; some records are labelled by codes the
 * apps put in words:
 * - self_assessment: the competition declaration; competition_finding: the finding; qualification_review: the result;
 *   deposit: the deposit's status;
 * - incident: "severity:category" (`major:complaint`);
 * - certificate: "holder · jobRole:productLine" (`孙悦 · sales:DATA`); `requirement` is the key as reasons carry it.
 * A label without its kind's shape (an unknown code, free text) is plain text.
 */
export type EvidenceLabel =
  | { type: 'text'; text: string }
  | { type: 'declaration'; declaration: z.infer<typeof CompetitionDeclarationSchema> }
  | { type: 'finding'; finding: z.infer<typeof CompetitionFindingSchema> }
  | { type: 'reviewResult'; result: z.infer<typeof QualificationReviewResultSchema> }
  | { type: 'deposit'; status: z.infer<typeof DepositStatusSchema> }
  | { type: 'incident'; severity: z.infer<typeof IncidentSeveritySchema>; category: z.infer<typeof IncidentCategorySchema> }
  | { type: 'certificate'; holder: string | null; requirement: string };

const CERTIFICATE = /^(?:(.*) · )?(\w+:[\w-]+)$/s;

export function parseEvidenceLabel(e: Pick<EvidenceLink, 'kind' | 'label'>): EvidenceLabel {
  const text: EvidenceLabel = { type: 'text', text: e.label };
  const code = <T>(schema: z.ZodType<T>, word: (v: T) => EvidenceLabel): EvidenceLabel => {
    const v = schema.safeParse(e.label);
    return v.success ? word(v.data) : text;
  };
  switch (e.kind) {
    case 'self_assessment':
      return code(CompetitionDeclarationSchema, (declaration) => ({ type: 'declaration', declaration }));
    case 'competition_finding':
      return code(CompetitionFindingSchema, (finding) => ({ type: 'finding', finding }));
    case 'qualification_review':
      return code(QualificationReviewResultSchema, (result) => ({ type: 'reviewResult', result }));
    case 'deposit':
      return code(DepositStatusSchema, (status) => ({ type: 'deposit', status }));
    case 'incident': {
      const [severity, category, ...rest] = e.label.split(':');
      const s = IncidentSeveritySchema.safeParse(severity);
      const c = IncidentCategorySchema.safeParse(category);
      return s.success && c.success && rest.length === 0 ? { type: 'incident', severity: s.data, category: c.data } : text;
    }
    case 'certificate': {
      const m = CERTIFICATE.exec(e.label);
      return m ? { type: 'certificate', holder: m[1] ?? null, requirement: m[2]! } : text;
    }
    default:
      return text;
  }
}
