/** Certificates at a node: content store, fetching from the issuer's node, arrivals feed. */
export { CertificateDesk, type CertificateDeskOptions } from './desk.js';
export { peerFetch, type CertificateFetch, type PeerFetchOptions } from './peer-fetch.js';
export { FileCertificateStore, MemoryCertificateStore, type CertificateStore } from './store.js';
