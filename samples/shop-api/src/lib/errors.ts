export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly code = 'error',
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, id?: string) {
    super(404, id ? `${what} ${id} not found` : `${what} not found`, 'not_found');
  }
}

export class ValidationError extends HttpError {
  constructor(details: string[]) {
    super(422, 'Validation failed', 'validation_failed', details);
  }
}

export const badRequest = (message: string) => new HttpError(400, message, 'bad_request');
export const conflict = (message: string) => new HttpError(409, message, 'conflict');
export const forbidden = (message = 'Forbidden') => new HttpError(403, message, 'forbidden');
export const unauthorized = (message = 'Authentication required') => new HttpError(401, message, 'unauthorized');
