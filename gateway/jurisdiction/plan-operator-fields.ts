import type { FieldNode, GraphQLError } from 'graphql';
import { notShared, PRIVATE_FIELDS, PUBLIC_FIELDS, type Caller } from '../../subgraphs/node/index.js';
import { setKey } from './internal-keys.js';
import type { OperatorSite } from './operator-sites.js';

/** A field of one operator that the gateway will fetch from `target`'s node. */
export interface FieldFetch {
  readonly site: OperatorSite;
  readonly key: string;
  readonly nodes: readonly FieldNode[];
}

export interface OperatorFieldPlan {
  /** Target node (country) → the fields to fetch there. */
  readonly byTarget: ReadonlyMap<string, readonly FieldFetch[]>;
  /** FORBIDDEN errors for fields the MRA terms deny; their values are already set to null. */
  readonly denied: readonly GraphQLError[];
}

/**
 * Decides, before anything is fetched, where each requested Operator field comes from: denied
 * by the MRA terms → null with FORBIDDEN at its path (never requested from any node); shared
 * (ledger) fields → the home node's replica; private fields → the owning authority's node.
 */
export function planOperatorFields(
  sites: readonly OperatorSite[],
  visibleFor: (owner: string) => ReadonlySet<string> | 'all',
  home: string,
  caller: Caller | null,
): OperatorFieldPlan {
  const byTarget = new Map<string, FieldFetch[]>();
  const denied: GraphQLError[] = [];
  for (const site of sites) {
    const visible = visibleFor(site.owner);
    for (const [key, nodes] of site.fields) {
      const name = nodes[0]?.name.value;
      if (name === undefined || PUBLIC_FIELDS.has(name)) continue;
      if (visible !== 'all' && !visible.has(name)) {
        setKey(site.object, key, null);
        denied.push(notShared(`Operator.${name}`, site.owner, caller, name, { path: [...site.path, key], nodes }));
        continue;
      }
      const target = PRIVATE_FIELDS.has(name) ? site.owner : home;
      const list = byTarget.get(target) ?? [];
      list.push({ site, key, nodes });
      byTarget.set(target, list);
    }
  }
  return { byTarget, denied };
}
