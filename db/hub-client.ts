import { UserError } from '../core/errors';

/**
 * The lead's app speaking to a department hub over HTTP(S): signing in as the app (a bearer
 * token, never a cookie), reading and publishing. Every failure becomes a UserError that says
 * what happened in the hub's own words: hub_unreachable when nothing answered, hub_refused when
 * the hub said no (with its message and, where it names one, the field).
 */

export interface HubAnswerError {
  error: { code: string; message: string; field: string | null };
}

const TIMEOUT_MS = 60_000;

export class HubClient {
  constructor(
    readonly url: string,
    private readonly token: string | null,
    private readonly fetcher: typeof fetch = fetch,
    /** The planner's language, so the hub says why it refused in the lead's words. */
    private readonly language: string | null = null,
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await this.fetcher(`${this.url.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { accept: 'application/json', ...(this.language ? { 'accept-language': this.language } : {}), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (err) {
      throw new UserError('hub_unreachable', `The hub at ${this.url} does not answer (${err instanceof Error ? err.message : String(err)}). Check its address and the network.`, ['url']);
    }
    const text = await res.text();
    let value: unknown = null;
    try {
      value = text ? JSON.parse(text) : null;
    } catch {
      throw new UserError('hub_unreachable', `${this.url} answered, but not as a Rosterdesk hub (HTTP ${res.status}). Check the address.`, ['url']);
    }
    if (!res.ok) {
      const e = (value as Partial<HubAnswerError> | null)?.error;
      if (res.status === 401 && e?.code !== 'wrong_login') throw new UserError('hub_refused', 'The hub session has ended. Connect to the hub again.', ['password']);
      throw new UserError('hub_refused', e?.message ?? `The hub refused this (HTTP ${res.status})`, e?.field ? [e.field] : []);
    }
    return value as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  /** Signs in as the lead's app; the answer's token opens the API until it is logged out. */
  static async login(url: string, email: string, password: string, fetcher: typeof fetch = fetch, language: string | null = null): Promise<{ token: string; role: string }> {
    const answer = await new HubClient(url, null, fetcher, language).post<{ token: string; account: { role: string } }>('/login', { email, password, client: 'app' });
    return { token: answer.token, role: answer.account.role };
  }
}
