import { visit, type DocumentNode } from 'graphql';

/** Response keys the gateway adds to what it asks the home node; removed before the client sees the result. */
export interface InternalKeys {
  /** The operator's aeoId. */
  readonly id: string;
  /** The operator's owning authority. */
  readonly owner: string;
  /** The MRA terms, read at the root of a query. */
  readonly terms: string;
}

/** The keys used when the client's document uses none of them. */
export const DEFAULT_KEYS: InternalKeys = { id: '__mra_aeoId', owner: '__mra_country', terms: '__mra_mras' };

/**
 * Internal keys that no response key of `document` uses. A client may name an alias anything,
 * `__mra_aeoId` included; the gateway's own keys must never overwrite (or be mistaken for) one.
 */
export function internalKeysFor(document: DocumentNode): InternalKeys {
  const used = new Set<string>();
  visit(document, { Field: (field) => void used.add(field.alias?.value ?? field.name.value) });
  for (let n = 0; ; n++) {
    const suffix = n === 0 ? '' : `_${n}`;
    const keys = { id: DEFAULT_KEYS.id + suffix, owner: DEFAULT_KEYS.owner + suffix, terms: DEFAULT_KEYS.terms + suffix };
    if (!used.has(keys.id) && !used.has(keys.owner) && !used.has(keys.terms)) return keys;
  }
}

/**
 * Sets a response key as an own property. Plain assignment would not do for a client alias named
 * `__proto__`: it would set the object's prototype and the value would vanish from the answer.
 */
export function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
