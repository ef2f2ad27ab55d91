/** One request verify sends to the monolith and to a function. */
export interface RequestSpec {
  /** The route it exercises (`GET /api/users/:id`). */
  route: string;
  /** Upper-case method. */
  method: string;
  /** Concrete path with parameters filled in (`/api/users/1`). */
  path: string;
  /** Query parameters, in order. */
  query: Array<[string, string]>;
  /** Request headers (lower-case names). */
  headers: Record<string, string>;
  /** Body text (JSON is serialized by the caller). */
  body?: string;
}

/** A response reduced to what verify compares. */
export interface ObservedResponse {
  /** HTTP status. */
  status: number;
  /** Content-Type header, as sent. */
  contentType: string;
  /** Set-Cookie headers, one per cookie. */
  setCookies: string[];
  /** Body bytes. */
  body: Buffer;
}
