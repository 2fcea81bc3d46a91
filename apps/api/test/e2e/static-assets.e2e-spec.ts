import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { binaryBody, createTestApp } from '../support/test-app';

/** The built apps: compressed when the browser accepts it, hashed assets cached for good, the shell never. */
describe('static apps', () => {
  let app: INestApplication;
  let dir: string;
  const bundle = `console.log(${JSON.stringify('Partnerline '.repeat(4000))});\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'partnerline-static-'));
    for (const name of ['admin', 'portal']) {
      mkdirSync(join(dir, name, 'assets'), { recursive: true });
      writeFileSync(
        join(dir, name, 'index.html'),
        `<!doctype html><title>${name}</title><script type="module" src="/${name}/assets/index-Ab12Cd34.js"></script>`,
      );
      writeFileSync(join(dir, name, 'assets', 'index-Ab12Cd34.js'), bundle);
    }
    app = await createTestApp({ STATIC_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) => {
    const r = request(app.getHttpServer()).get(url).buffer(true).parse(binaryBody);
    return encoding === undefined ? r : r.set('Accept-Encoding', encoding);
  };

  it('sends hashed assets with brotli or gzip as accepted, cached as immutable for a year', async () => {
    const br = await get('/admin/assets/index-Ab12Cd34.js', 'br, gzip').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    const gzip = await get('/portal/assets/index-Ab12Cd34.js', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await get('/admin/assets/index-Ab12Cd34.js', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(bundle));
  });

  it('the app shell (and every client-side route) is revalidated on each load', async () => {
    for (const url of ['/admin/index.html', '/admin/', '/portal/deals/123']) {
      const res = await get(url, 'gzip').expect(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('API responses are not touched by the static compression', async () => {
    const res = await get('/api/health', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
