/** Who sends a request of the table: an MX officer, an expired MX officer's token, a bad token, or nobody. */
export type Sender = 'officer' | 'expired' | 'bad' | 'anonymous';

/** One kind of bad request, and what every server answers it with (subgraphs/node/README.md). */
export interface ContractRow {
  readonly kind: string;
  /** A query, or the request's parameters; sent as JSON. */
  readonly body: string | Record<string, unknown>;
  /** The request body as sent, when it is not `body` as JSON. */
  readonly raw?: string;
  readonly sender: Sender;
  readonly status: number;
  /** The first error's extensions.code; null: no error at all. */
  readonly code: string | null;
  readonly message?: RegExp;
  /** The first error's path; undefined: the error has none (a request error). */
  readonly path?: readonly (string | number)[];
  /** What `data` is: absent (request refused before execution) or the value. */
  readonly data: 'absent' | Record<string, unknown> | null;
  /** The request's Accept header; undefined: application/graphql-response+json. */
  readonly accept?: string;
  /** The answer's media type; undefined: application/graphql-response+json. */
  readonly type?: string;
}

/** Every kind of bad request the issue names, sent as application/graphql-response+json (unless the row says otherwise). */
export const ERROR_CONTRACT: readonly ContractRow[] = [
  { kind: 'syntax', body: '{ operator(aeoId: ', sender: 'officer', status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /^Syntax Error: /, data: 'absent' },
  { kind: 'validation', body: '{ operator { aeoId } }', sender: 'officer', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /argument "aeoId" of type "String!" is required/, data: 'absent' },
  { kind: 'unknown field', body: '{ operator(aeoId: "CR-AEO-000042") { taxI } }', sender: 'officer', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /^Cannot query field "taxI" on type "Operator"\.$/, data: 'absent' },
  { kind: 'bad variable type', body: { query: 'query($n: Int) { operators(first: $n) { totalCount } }', variables: { n: 'two' } }, sender: 'officer', status: 400, code: 'BAD_USER_INPUT', message: /^Variable "\$n" got invalid value "two"; Int cannot represent non-integer value/, data: 'absent' },
  { kind: 'missing variable', body: { query: 'query($id: String!) { operator(aeoId: $id) { aeoId } }' }, sender: 'officer', status: 400, code: 'BAD_USER_INPUT', message: /^Variable "\$id" of required type "String!" was not provided\.$/, data: 'absent' },
  { kind: 'bad cursor', body: '{ operators(after: "zzz") { totalCount } }', sender: 'officer', status: 200, code: 'BAD_USER_INPUT', message: /^after: "zzz" is not a cursor from this API$/, path: ['operators'], data: null },
  { kind: 'unknown id', body: '{ operator(aeoId: "CR-AEO-999999") { aeoId } }', sender: 'officer', status: 200, code: null, data: { operator: null } },
  { kind: 'too deep', body: `{ __type(name: "Operator") { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } }`, sender: 'officer', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /^Query depth limit of 15 exceeded, found [\d.]+\.$/, data: 'absent' },
  { kind: 'too costly', body: `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: operators(first: 100) { edges { node { legalName history { status entryHash at } proof { rootHash checkpoint { signature } } } } }`).join(' ')} }`, sender: 'officer', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /^Query Cost limit of 30000 exceeded, found [\d.]+\.$/, data: 'absent' },
  { kind: 'bad token', body: '{ mras { id } }', sender: 'bad', status: 401, code: 'UNAUTHENTICATED', message: /not a JWT/, data: 'absent' },
  { kind: 'expired token', body: '{ mras { id } }', sender: 'expired', status: 401, code: 'UNAUTHENTICATED', message: /exp/, data: 'absent' },
  { kind: 'no token where one is needed', body: 'mutation { suspendAeo(aeoId: "CR-AEO-000043", reason: "audit") { status } }', sender: 'anonymous', status: 401, code: 'UNAUTHENTICATED', message: /^mutations need a bearer token$/, path: ['suspendAeo'], data: null },
  { kind: 'body not JSON', body: {}, raw: '{"query": ', sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /^the request body is not valid JSON$/, data: 'absent' },
  { kind: 'body JSON but not an object', body: {}, raw: '7', sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /^the request body must be a JSON object \(with a `query`\)$/, data: 'absent' },
  { kind: 'query not a string', body: { query: 7 }, sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /quer/i, data: 'absent' },
  { kind: 'variables not an object', body: { query: '{ __typename }', variables: '{"n": 1}' }, sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /variables/, data: 'absent' },
  { kind: 'operationName not a string', body: { query: 'query A { __typename }', operationName: 7 }, sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /operationName/, data: 'absent' },
  { kind: 'extensions not an object', body: { query: '{ __typename }', extensions: 5 }, sender: 'officer', status: 400, code: 'BAD_REQUEST', message: /extensions/, data: 'absent' },
  { kind: 'token needed by one field only (data for the rest)', body: '{ __typename certificate(number: "CR-PC-2026-000001") { number } }', sender: 'anonymous', status: 200, code: 'UNAUTHENTICATED', message: /^certificates are available to authenticated authorities only$/, path: ['certificate'], data: { __typename: 'Query', certificate: null } },
  { kind: 'persisted query (documents are sent in full)', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } } }, sender: 'officer', status: 200, code: 'PERSISTED_QUERY_NOT_SUPPORTED', message: /^PersistedQueryNotSupported$/, data: 'absent' },
  { kind: 'graphql-response+json refused (q=0): the other type', body: '{ __typename }', accept: 'application/graphql-response+json;q=0, application/json', type: 'application/json', sender: 'officer', status: 200, code: null, data: { __typename: 'Query' } },
  { kind: 'the higher q wins', body: '{ __typename }', accept: 'application/json;q=0.5, application/graphql-response+json;q=0.9', sender: 'officer', status: 200, code: null, data: { __typename: 'Query' } },
  { kind: 'no media type acceptable (q=0 for both)', body: '{ __typename }', accept: 'application/graphql-response+json;q=0, application/json;q=0', type: 'application/json', sender: 'officer', status: 406, code: 'BAD_REQUEST', message: /^the Accept header accepts none of the media types this server answers in \(application\/json, application\/graphql-response\+json/, data: 'absent' },
  { kind: 'forbidden field', body: '{ operator(aeoId: "CR-AEO-000042") { aeoId auditNotes } }', sender: 'officer', status: 200, code: 'FORBIDDEN', path: ['operator', 'auditNotes'], data: { operator: { aeoId: 'CR-AEO-000042', auditNotes: null } } },
];
