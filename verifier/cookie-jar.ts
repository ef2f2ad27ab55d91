import type { RequestSpec } from './request-spec';

/**
 * The cookies one side of verify has been given, as a browser keeps them for one site: each
 * Set-Cookie stores its name and value (or removes it, when it expires the cookie), and every
 * later request of that side carries them all. The monolith's side and the functions' side keep
 * one jar each; all functions share theirs, as one browser talks to every function of an API.
 * Paths, domains and the Secure flag are not matched: verify talks to one origin.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response. */
  store(setCookies: readonly string[], now = Date.now()): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((p) => p.trim());
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      if (expires(attributes, now)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }

  /** `spec` with the jar's cookies in its Cookie header, after any the request names itself. */
  apply(spec: RequestSpec): RequestSpec {
    if (this.cookies.size === 0) return spec;
    const own = spec.headers.cookie;
    const names = new Set((own ?? '').split(';').map((c) => c.split('=')[0]!.trim()));
    const kept = [...this.cookies].filter(([name]) => !names.has(name)).map(([name, value]) => `${name}=${value}`);
    if (kept.length === 0) return spec;
    return { ...spec, headers: { ...spec.headers, cookie: [own, ...kept].filter(Boolean).join('; ') } };
  }
}

/** Whether a cookie's attributes end it now (`Max-Age=0`, an `Expires` in the past): logout's cleared session cookie. */
function expires(attributes: readonly string[], now: number): boolean {
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=').map((p) => p.trim());
    if (key.toLowerCase() === 'max-age' && Number(value) <= 0) return true;
    if (key.toLowerCase() === 'expires' && Date.parse(value) <= now) return true;
  }
  return false;
}
