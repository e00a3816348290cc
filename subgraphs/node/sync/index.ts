/** Peer sync: a node reading partners' nodes directly (catch-up, recovery), verified entry by entry. */
export { PeerClient, PeerError, type PeerPage, type PeerProof } from './peer-client.js';
export { catchUpFromPeers, PeerFollower, type CatchUpResult, type PeerFollowerOptions } from './peer-follower.js';
export { recoverFromPeers, type RecoveryReport } from './recover.js';
