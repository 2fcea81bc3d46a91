import type { INestApplication } from '@nestjs/common';
import { PartnersRepository } from '../../src/modules/partners/partners.repository';
import { createTestApp, dataSourceOf } from '../support/test-app';

/**
 * How an imported sheet names a partner (PartnersRepository.idsByKeys): by id, tax id or exact name. Each key gets
 * only its own matches — a name that differs from another key only in case does not pick up that key's partner.
 */
describe('partner keys of an imported sheet', () => {
  let app: INestApplication;
  const stamp = Date.now().toString(36).toUpperCase();
  const db = () => dataSourceOf(app);

  async function partner(name: string, taxId: string): Promise<string> {
    const [p] = await db().query(
      `INSERT INTO partners (name, name_en, type, status, tax_id, tax_id_kind, approved_at) VALUES ($1, $2, 'smb', 'active', $3, 'other', now()) RETURNING id`,
      [name, `${name} Ltd.`, taxId],
    );
    return p.id as string;
  }

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('names differing only in case, an id in capitals and a tax id each match their own partner', async () => {
    const upper = await partner(`Collide${stamp}`, `KU${stamp}`);
    const lower = await partner(`collide${stamp}`.toLowerCase(), `KL${stamp}`);
    const keys = [`Collide${stamp}`, `collide${stamp}`.toLowerCase(), upper.toUpperCase(), `kl${stamp}`.toLowerCase(), `Nobody${stamp}`];
    const ids = await app.get(PartnersRepository).idsByKeys(db().manager, keys);
    expect(ids.get(keys[0])).toEqual([upper]);
    expect(ids.get(keys[1])).toEqual([lower]);
    expect(ids.get(keys[2])).toEqual([upper]);
    expect(ids.get(keys[3])).toEqual([lower]);
    expect(ids.get(keys[4])).toEqual([]);
  });
});
