// A refusal in the portal's own words: the code, the HTTP status and the text a real portal sends.

export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

export const methodNotFound = () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404);

export const queryLimitExceeded = () => new RestError('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503);

/** What the portal's CRM module answers when `id` is missing or not a positive number. */
export const crmIdRequired = () => new RestError('', 'ID is not defined or invalid.', 400);

/** What the portal answers for an id that does not exist. */
export const notFound = () => new RestError('', 'Not found', 400);

export function requiredParameter(name: string, method: string): RestError {
  return new RestError('', `The required parameter "${name}" for the method "${method}" is not set`, 400);
}
