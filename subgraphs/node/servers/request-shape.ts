/** Why a POST body that is not JSON is refused (HTTP 400, BAD_REQUEST), on the nodes and the gateway alike. */
export const BODY_NOT_JSON = 'the request body is not valid JSON';

/** Why a POST body that is JSON but not an object (nor, where batches are taken, a list of them) is refused, likewise. */
export const BODY_NOT_OBJECT = 'the request body must be a JSON object (with a `query`)';

/**
 * What is wrong with the shape of a GraphQL-over-HTTP POST body, or undefined when it is well
 * formed (each request of a batch too). Its parameters have fixed types: `query` and
 * `operationName` strings, `variables` and `extensions` objects (`null` is as good as absent).
 * A body of the wrong shape is the client's mistake: HTTP 400, BAD_REQUEST, with this message.
 */
export function requestShapeError(body: unknown, batch = true): string | undefined {
  if (batch && Array.isArray(body)) {
    for (const request of body) {
      const problem = requestShapeError(request, false);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return BODY_NOT_OBJECT;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (query !== undefined && query !== null && typeof query !== 'string') return '`query` must be a string';
  if (!isObjectOrAbsent(variables)) return '`variables` must be an object';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return '`operationName` must be a string';
  if (!isObjectOrAbsent(extensions)) return '`extensions` must be an object';
  return undefined;
}

function isObjectOrAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));
}
