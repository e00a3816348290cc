import { randomBytes } from 'node:crypto';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLError } from 'graphql';
import type { OperatorRecord, OperatorStatus, Replica } from '../ledger/index.js';
import { authenticate, KeyRotations, type Caller } from './access/index.js';
import { CertificateDesk, type CertificateFetch, type CertificateStore } from './certificates/index.js';
import { toGraphQLError } from './errors.js';
import { MemoryPrivateStore, type PrivateStore } from './private-store.js';

/** Published when the replica applies a status entry (grant, suspend, reinstate, revoke). */
export interface StatusChange {
  readonly aeoId: string;
  readonly country: string;
  readonly status: OperatorStatus;
  readonly type: string;
  readonly at: string;
  readonly reason: string | null;
  readonly entryHash: string;
  readonly operator: OperatorRecord;
}

export interface CountryNodeOptions {
  readonly country: string;
  /** This authority's replica, with its signing key. */
  readonly replica: Replica;
  readonly privateStore?: PrivateStore;
  readonly now: () => Date;
  /** Source of salt bytes for private digests (passed in for deterministic replays). */
  readonly randomBytes?: (size: number) => Buffer;
  /** Certificate content this node holds, and how it fetches content addressed to it. */
  readonly certificates?: { readonly store?: CertificateStore; readonly fetch?: CertificateFetch };
}

/** What every resolver receives: the node and the authenticated caller (null = anonymous). */
export interface NodeContext {
  readonly node: CountryNode;
  readonly caller: Caller | null;
  /** A presented token that failed; servers reject the request with it before executing. */
  readonly authError: GraphQLError | null;
}

const STATUS_TYPES = new Set(['AEO_GRANTED', 'AEO_SUSPENDED', 'AEO_REINSTATED', 'AEO_REVOKED']);

/**
 * One authority's node: its replica of the ledger, its private store and the feed of status
 * changes its subscribers listen to. GraphQL servers (Apollo, mercurius) are thin adapters on it.
 */
export class CountryNode {
  readonly country: string;
  readonly replica: Replica;
  readonly privateStore: PrivateStore;
  readonly now: () => Date;
  readonly randomBytes: (size: number) => Buffer;
  readonly pubSub = createPubSub<{ statusChanged: [StatusChange] }>();
  readonly certificates: CertificateDesk;
  /** Authorities' key rotations as the replica applies them: a subscription ends when its token's key is rotated away. */
  readonly keys: KeyRotations;
  readonly #unsubscribe: () => void;

  constructor(options: CountryNodeOptions) {
    this.country = options.country;
    this.replica = options.replica;
    this.privateStore = options.privateStore ?? new MemoryPrivateStore();
    this.now = options.now;
    this.randomBytes = options.randomBytes ?? randomBytes;
    this.certificates = new CertificateDesk({ country: this.country, replica: this.replica, ...options.certificates });
    this.keys = new KeyRotations(this.replica);
    this.#unsubscribe = this.replica.subscribe((event) => {
      if (event.kind !== 'applied' || !STATUS_TYPES.has(event.entry.type)) return;
      const aeoId = (event.entry.payload as { aeoId: string }).aeoId;
      const operator = this.replica.state.operators.get(aeoId);
      const last = operator?.history.at(-1);
      if (!operator || !last) return;
      this.pubSub.publish('statusChanged', {
        aeoId, country: operator.country, status: operator.status, type: last.type, at: last.at, reason: last.reason, entryHash: last.entryHash, operator,
      });
    });
  }

  /** Builds the per-request context from an Authorization header; never throws. */
  async contextFor(authorization: string | undefined): Promise<NodeContext> {
    try {
      return { node: this, caller: await authenticate(authorization, this.replica.state, this.now()), authError: null };
    } catch (error) {
      return { node: this, caller: null, authError: toGraphQLError(error) };
    }
  }

  operator(aeoId: string): OperatorRecord | undefined {
    return this.replica.state.operators.get(aeoId);
  }

  close(): void {
    this.#unsubscribe();
    this.keys.close();
    this.certificates.close();
  }
}
