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
  /** JSON body paths the comparison of this request's answers leaves out (besides `verify.ignore`). */
  ignoreBodyPaths?: string[];
}

/** A response reduced to what verify compares. */
export interface ObservedResponse {
  /** HTTP status. */
  status: number;
  /** Content-Type header, as sent. */
  contentType: string;
  /** Set-Cookie headers, one per cookie. */
  setCookies: string[];
  /** The other headers, lower-case names, repeated values joined with `, `. */
  headers: Record<string, string>;
  /** Body bytes. */
  body: Buffer;
}
