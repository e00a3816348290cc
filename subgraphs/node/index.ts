/** The country node: a Federation 2 subgraph served from the authority's own replica. */
export {
  asksForSchema, assertMayExecute, authenticate, authenticateWith, mayView, notShared, mintToken, PRIVATE_FIELDS, PUBLIC_FIELDS, relationOf, untilExpiry, visibleFields, visibleFieldsUnder, KEY_ROTATED, KeyRotations, type KeyStanding, type Caller, type MraTermsView, type Relation, type AuthorityKey, type KeyLookup,
} from './access/index.js';
export { CertificateDesk, FileCertificateStore, MemoryCertificateStore, peerFetch, type CertificateFetch, type CertificateStore } from './certificates/index.js';
export { CountryNode, type CountryNodeOptions, type NodeContext, type StatusChange } from './country-node.js';
export { isRequestError, maskError, nodeError, requestErrorCode, toGraphQLError, unauthenticated, withoutHttp, withoutSuggestions, type NodeErrorCode } from './errors.js';
export { FilePrivateStore, MemoryPrivateStore, privateDigest, type PrivateRecord, type PrivateStore } from './private-store.js';
export { buildNodeSchema } from './schema/index.js';
export { acceptableMediaTypes, notAcceptableMessage, RESULT_MEDIA_TYPES, resultMediaType, type ResultMediaType } from './servers/index.js';
export { ARMOR_REFUSAL, armorOptions, authorizationFrom, BODY_NOT_JSON, BODY_NOT_OBJECT, listen, CSRF_HEADERS, csrfRefusal, csrfRefusalBody, costRule, NODE_LIMITS, requestShapeError, serveWithApollo, serveWithMercurius, type ArmorLimits, type CostOptions, type RunningServer, type ServeOptions } from './servers/index.js';
export {
  catchUpFromPeers, PeerClient, PeerError, PeerFollower, recoverFromPeers, type CatchUpResult, type PeerFollowerOptions, type PeerPage, type PeerProof, type RecoveryReport,
} from './sync/index.js';
export { nextOrWoken, WOKEN } from './next-or-woken.js';
