import { startTestApp, type TestApp } from '../../test/test-app';

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('covers every mounted route, with the roles each allows', async () => {
    const response = await t.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, { 'x-roles': unknown }>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const mounted = t.routes.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`);
    expect(operations.sort()).toEqual(mounted.sort());
    expect(operations).toEqual(expect.arrayContaining(['GET /healthz', 'GET /readyz', 'POST /api/auth/login', 'GET /api/me', 'GET /api/org']));
    expect(doc.paths['/api/me'].get['x-roles']).toBe('any-user');
  });

  it('describes the login body from the shared schema', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const schema = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['code']);
    expect(schema.additionalProperties).toBe(false);
    expect(doc.paths['/api/auth/login'].post.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
  });
});
