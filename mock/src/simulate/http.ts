/**
 * The simulator's only way into the BFF: its public HTTP API, as the
 * mini-program, staff and pharmacies would call it. Logs each openid in once
 * through the WeChat stand-in (`dev:<openid>`) and keeps the token.
 */
export interface ApiResponse {
  status: number;
  ok: boolean;
  // The BFF's JSON, checked by the caller against what it expects.
  body: any;
}

export interface ApiClient {
  baseUrl: string;
  call(openid: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** How many requests went out (for the report). */
  requests(): number;
  /** The openid of a user id this client has logged in as (candidates come back by user id). */
  openidOf(userId: string): string | undefined;
}

export function createApiClient(baseUrl: string): ApiClient {
  const tokens = new Map<string, string>();
  const openids = new Map<string, string>();
  let sent = 0;

  async function send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<ApiResponse> {
    sent += 1;
    // A string body is a CSV file (the imports); anything else goes as JSON.
    const csv = typeof body === 'string';
    const response = await fetch(baseUrl + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': csv ? 'text/csv' : 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, ok: response.ok, body: parsed };
  }

  async function login(openid: string): Promise<string> {
    const response = await send('POST', '/api/auth/login', { code: `dev:${openid}` }, {});
    if (!response.ok) throw new Error(`login as ${openid} failed: ${response.status} ${JSON.stringify(response.body)}`);
    tokens.set(openid, response.body.token);
    openids.set(response.body.user.id, openid);
    return response.body.token;
  }

  return {
    baseUrl,
    requests: () => sent,
    openidOf: (userId) => openids.get(userId),
    async call(openid, method, path, body, headers = {}) {
      if (!openid) return send(method, path, body, headers);
      const token = tokens.get(openid) ?? (await login(openid));
      const response = await send(method, path, body, { ...headers, authorization: `Bearer ${token}` });
      // Tokens live two real hours: a long run logs in again.
      if (response.status !== 401) return response;
      return send(method, path, body, { ...headers, authorization: `Bearer ${await login(openid)}` });
    },
  };
}
