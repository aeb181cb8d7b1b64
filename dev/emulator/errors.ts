/**
 * Errors that carry a GitHub-shaped HTTP answer. The store throws them for domain rule
 * violations (so direct store calls in tests fail the same way the API would) and the HTTP
 * layer turns them into responses.
 */

export const DOCS = 'https://docs.github.com/rest';

export interface ValidationErrorItem {
  resource: string;
  field: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  value?: unknown;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export function notFound(message = 'Not Found'): ApiError {
  return new ApiError(404, { message, documentation_url: DOCS, status: '404' });
}

export function validationFailed(errors: ValidationErrorItem[]): ApiError {
  return new ApiError(422, {
    message: 'Validation Failed',
    errors,
    documentation_url: DOCS,
    status: '422',
  });
}

/** GitHub's answer when the JSON body does not match the operation's schema at all. */
export function invalidRequest(detail: string): ApiError {
  return new ApiError(422, {
    message: `Invalid request.\n\n${detail}`,
    documentation_url: DOCS,
    status: '422',
  });
}

export function notImplemented(what: string): ApiError {
  return new ApiError(501, { message: `support-kit emulator: ${what}` });
}

export function requiresAuthentication(): ApiError {
  return new ApiError(401, {
    message: 'Requires authentication',
    documentation_url: DOCS,
    status: '401',
  });
}

/** An installation token (the workflow token, an App's) asking for what only a user may see. */
export function notAccessibleByIntegration(docs: string): ApiError {
  return new ApiError(403, {
    message: 'Resource not accessible by integration',
    documentation_url: docs,
    status: '403',
  });
}

export function badCredentials(): ApiError {
  return new ApiError(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
}

/** The contents API on a file over 1 MB in its default (JSON) media type, in GitHub's words. */
export function blobTooLarge(): ApiError {
  return new ApiError(403, {
    message:
      'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
    errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
    documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
    status: '403',
  });
}
