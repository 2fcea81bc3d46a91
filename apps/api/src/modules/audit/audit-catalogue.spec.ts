import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, RegistrationStatusSchema } from '@partnerline/domain';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(spec|test)\.ts$/.test(name) ? [path] : [];
  });
}

const code =
  sources(join(__dirname, '..'))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n') + readFileSync(join(__dirname, '../../seed/seed.ts'), 'utf8');

/** The audit page names every action in words: a new action string in the API needs its words in the catalogue. */
describe('audit catalogue', () => {
  it('has words for every literal action the API writes', () => {
    const literal = [...code.matchAll(/action: (?:[^,\n]*\? )?'([a-z_.]+)'(?: : '([a-z_.]+)')?/g)]
      .flatMap((m) => [m[1], m[2]])
      .filter(Boolean);
    const seeded = [...code.matchAll(/'system', '[a-z]+', '([a-z_.]+)'/g)].map((m) => m[1]);
    const all = [...new Set([...literal, ...seeded])];
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
  });

  it('has words for every action built from a template', () => {
    const prefixes = [...new Set([...code.matchAll(/action: (?:[^,\n]*\? )?`([a-z_.]+)\$\{/g)].map((m) => m[1]))];
    expect(prefixes.length).toBeGreaterThan(4);
    expect(prefixes.filter((p) => !Object.keys(AUDIT_ACTIONS).some((a) => a.startsWith(p)))).toEqual([]);
    for (const s of RegistrationStatusSchema.options) expect(AUDIT_ACTIONS[`registration.${s}`]).toBeDefined();
  });

  it('has words for every kind of record audited', () => {
    const entities = [...new Set([...code.matchAll(/entity: '([a-z_]+)'/g)].map((m) => m[1]))];
    expect(entities.filter((e) => !(e in AUDIT_ENTITIES))).toEqual([]);
  });
});
