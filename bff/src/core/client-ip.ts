import type Koa from 'koa';

/**
 * Who is in front of the BFF, from `TRUST_PROXY` (config.trustProxy):
 * - unset: nobody. The client is the socket's address; X-Forwarded-For is
 *   ignored, since any client can write one.
 * - `{ hops: n }`: n reverse proxies, each appending the address it saw.
 *   Koa's proxy mode with `maxIpsCount = n`: of X-Forwarded-For, only the last
 *   n entries were written by our proxies, and the first of them is the client.
 * - `{ addresses }`: the proxies' own addresses. Walking X-Forwarded-For from
 *   the right, starting at the socket's address, each hop that is one of our
 *   proxies vouches for the next one to its left; the first address that is
 *   not one of them is the client. Whatever stands left of it is the client's
 *   own say and is not believed.
 */
export type TrustProxy = { hops: number } | { addresses: string[] };

/** The Koa options that match the setting: proxy mode for a hop count only. */
export function koaProxyOptions(trust: TrustProxy | undefined): { proxy: boolean; maxIpsCount: number } {
  return trust && 'hops' in trust && trust.hops > 0 ? { proxy: true, maxIpsCount: trust.hops } : { proxy: false, maxIpsCount: 0 };
}

/** The address the request came from, as `TRUST_PROXY` says to read it. */
export function clientIp(ctx: Pick<Koa.Context, 'get' | 'socket'>, trust: TrustProxy | undefined): string {
  const socket = normalize(ctx.socket.remoteAddress ?? '');
  if (!trust) return socket;
  const forwarded = forwardedFor(ctx.get('X-Forwarded-For'));
  if ('hops' in trust) {
    if (trust.hops <= 0) return socket;
    // As Koa computes ctx.ip with { proxy: true, maxIpsCount: hops }.
    return forwarded.slice(-trust.hops)[0] ?? socket;
  }
  const proxies = new Set(trust.addresses.map(normalize));
  let address = socket;
  while (proxies.has(address) && forwarded.length > 0) address = forwarded.pop()!;
  return address;
}

function forwardedFor(header: string): string[] {
  return header
    .split(',')
    .map((part) => normalize(part.trim()))
    .filter(Boolean);
}

/**
 * One spelling per address, so a listed proxy matches however it arrives:
 * IPv4-mapped IPv6 (`::ffff:10.0.0.2`) as plain IPv4, a port dropped
 * (`10.0.0.2:5100`, `[::1]:5100`), IPv6 in lower case.
 */
export function normalize(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  return mapped ? mapped[1] : a;
}
