import { describe, expect, it } from 'vitest';
import { type EvidenceLabel, parseEvidenceLabel } from './evidence-label.js';
import type { EvidenceLink } from './review.schemas.js';

describe('parseEvidenceLabel', () => {
  it.each<[EvidenceLink['kind'], string, EvidenceLabel]>([
    // Data labels show as they are.
    ['statement', 'RS-2026-Q3-0012', { type: 'text', text: 'RS-2026-Q3-0012' }],
    ['invoice', 'INV-TH-2026-0901', { type: 'text', text: 'INV-TH-2026-0901' }],
    ['agreement', 'EX-2025-1130-AB12', { type: 'text', text: 'EX-2025-1130-AB12' }],
    // Codes.
    ['self_assessment', 'sells_competing_products', { type: 'declaration', declaration: 'sells_competing_products' }],
    ['self_assessment', 'not_submitted', { type: 'declaration', declaration: 'not_submitted' }],
    ['competition_finding', 'concern', { type: 'finding', finding: 'concern' }],
    ['qualification_review', 'fail', { type: 'reviewResult', result: 'fail' }],
    ['deposit', 'paid', { type: 'deposit', status: 'paid' }],
    ['incident', 'major:complaint', { type: 'incident', severity: 'major', category: 'complaint' }],
    ['incident', 'minor:service', { type: 'incident', severity: 'minor', category: 'service' }],
    ['certificate', '孙悦 · sales:DATA', { type: 'certificate', holder: '孙悦', requirement: 'sales:DATA' }],
    ['certificate', 'Li Na · presales:NET-SEC', { type: 'certificate', holder: 'Li Na', requirement: 'presales:NET-SEC' }],
    ['certificate', 'service:DATA', { type: 'certificate', holder: null, requirement: 'service:DATA' }],
    // A code the rule does not know, or a label without its kind's shape, stays text.
    ['deposit', 'lost', { type: 'text', text: 'lost' }],
    ['qualification_review', 'pass ', { type: 'text', text: 'pass ' }],
    ['competition_finding', 'compliant:x', { type: 'text', text: 'compliant:x' }],
    ['incident', 'major', { type: 'text', text: 'major' }],
    ['incident', 'severe:service', { type: 'text', text: 'severe:service' }],
    ['incident', 'minor:service:extra', { type: 'text', text: 'minor:service:extra' }],
    ['certificate', '孙悦', { type: 'text', text: '孙悦' }],
    ['certificate', '孙悦 · sales', { type: 'text', text: '孙悦 · sales' }],
  ])('%s %j', (kind, label, expected) => {
    expect(parseEvidenceLabel({ kind, label })).toEqual(expected);
  });
});
