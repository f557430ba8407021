import { startTestApp, type TestApp } from '../../test/test-app';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff5a9d4a0000000049454e44ae426082', 'hex');

describe('photo uploads', () => {
  let t: TestApp;
  let resident: string;
  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.login('resident-1');
  });
  afterAll(() => t.close());

  const upload = (data: Buffer, type: string, token = resident, name = 'photo.png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    return fetch(`${t.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as any,
    }));
  };

  it('keeps a real PNG and serves it back through its signed link', async () => {
    const saved = await upload(PNG, 'image/png');
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const image = await fetch(t.baseUrl + saved.body.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a file that lies about its type', async () => {
    const lie = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', resident, 'x.png');
    expect(lie.status).toBe(415);
    expect(lie.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const mislabelled = await upload(PNG, 'image/jpeg');
    expect(mislabelled.status).toBe(415);
  });

  it('refuses a photo over 2 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 10)]);
    expect((await upload(big, 'image/png')).status).toBe(413);
  });

  it('refuses an upload without login, and a body that is not multipart', async () => {
    expect((await upload(PNG, 'image/png', 'no-token')).status).toBe(401);
    const json = await t.request('POST', '/api/files', { token: resident, body: { file: 'x' } });
    expect(json.status).toBe(415);
  });

  it('refuses a photo link with a forged signature or a lapsed expiry', async () => {
    const saved = await upload(PNG, 'image/png');
    const url = new URL(saved.body.url, t.baseUrl);
    url.searchParams.set('sig', 'A'.repeat(43));
    expect((await fetch(url)).status).toBe(403);
    url.searchParams.set('expires', '1000');
    expect((await fetch(url)).status).toBe(403);
  });

  it('attaches own photos to a complaint and shows them by signed link', async () => {
    const saved = await upload(PNG, 'image/png');
    const filed = await t.request('POST', '/api/complaints', {
      token: resident,
      body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [saved.body.id] },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.photoUrls[0]).toMatch(new RegExp(`^/api/files/${saved.body.id}\\?expires=\\d+&sig=`));
    const other = await t.login('resident-2');
    const stolen = await t.request('POST', '/api/complaints', {
      token: other,
      body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [saved.body.id] },
    });
    expect(stolen.status).toBe(400);
  });
});
