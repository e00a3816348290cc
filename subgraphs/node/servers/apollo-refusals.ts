import type { NextFunction, Request, Response } from 'express';
import { notAcceptableBody, resultMediaType } from './accept.js';
import { csrfRefusal, csrfRefusalBody } from './csrf.js';
import { BODY_NOT_JSON, requestShapeError } from './request-shape.js';

/**
 * What the Apollo node refuses before Apollo runs, in the express chain at /graphql: each answer is
 * a coded GraphQL error in the media type negotiated for the request, as Apollo, the mercurius node
 * and the gateway write theirs (application/json when the client accepts neither JSON type).
 */
function refuse(req: Request, res: Response, status: number, body: unknown): void {
  res.status(status).type(resultMediaType(req.headers.accept) ?? 'application/json').send(JSON.stringify(body));
}

const badRequest = (message: string) => ({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });

/** A request a browser could forge cross-site (a GET, a form POST) without a CSRF header: 403 CSRF_PREVENTED. */
export function refuseForgeable(req: Request, res: Response, next: NextFunction): void {
  const refusal = csrfRefusal(req.headers['content-type'], (name) => req.headers[name] !== undefined);
  if (refusal) refuse(req, res, 403, csrfRefusalBody(refusal));
  else next();
}

/**
 * A request whose Accept header accepts neither media type: 406 BAD_REQUEST before it runs. Apollo
 * negotiates the same way (negotiator) but refuses only once the operation has run (a mutation too).
 */
export function refuseUnacceptable(req: Request, res: Response, next: NextFunction): void {
  if (resultMediaType(req.headers.accept) === undefined) refuse(req, res, 406, notAcceptableBody());
  else next();
}

/**
 * A POST body of the wrong shape (JSON that is not an object, `query: 7`, …) is refused in the same
 * words as on the mercurius node and the gateway (`requestShapeError`): 400 BAD_REQUEST. (express.json
 * is not strict, so `7` is read as the JSON it is rather than refused as not JSON.)
 */
export function refuseMisshapen(req: Request, res: Response, next: NextFunction): void {
  // Only a body express.json read (a JSON content type); Apollo answers any other itself.
  const problem = req.method === 'POST' && req.body !== undefined ? requestShapeError(req.body) : undefined;
  if (problem) refuse(req, res, 400, badRequest(problem));
  else next();
}

/** A body express cannot read (not JSON, too large) is a GraphQL error, not express's HTML page. */
export function refuseUnreadable(error: { status?: number; type?: string }, req: Request, res: Response, next: NextFunction): void {
  if (typeof error.status !== 'number' || error.status >= 500) return next(error);
  refuse(req, res, error.status, badRequest(error.type === 'entity.parse.failed' ? BODY_NOT_JSON : 'the request body cannot be read'));
}
