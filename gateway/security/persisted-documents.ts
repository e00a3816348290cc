import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { GatewayConfigError } from '../errors.js';

const documentsSchema = z.record(z.string().min(1), z.string().min(1));

/**
 * Reads a persisted (trusted) documents file: a JSON object from document id — typically the
 * sha256 of the document, as GraphQL Code Generator and Apollo's persisted queries write it —
 * to the GraphQL text. Clients send `{ "extensions": { "persistedQuery": { "sha256Hash": id } } }`
 * or `{ "documentId": id }`.
 */
export function loadPersistedDocuments(path: string): ReadonlyMap<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GatewayConfigError(`persisted documents ${path}: ${(error as Error).message}`);
  }
  const parsed = documentsSchema.safeParse(raw);
  if (!parsed.success) throw new GatewayConfigError(`persisted documents ${path}: expected an object of id → GraphQL document`);
  return new Map(Object.entries(parsed.data));
}
