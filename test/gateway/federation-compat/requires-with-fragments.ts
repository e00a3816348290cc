import type { CaseSubgraph } from './serve-case.js';

const data: Record<string, { __typename: 'Baz' | 'Qux'; foo: string; bar: string; baz?: string; qux?: string }> = {
  e2: { __typename: 'Qux', foo: 'q1-foo', bar: 'q1-bar', qux: 'q1-qux' },
  e3: { __typename: 'Baz', foo: 'z1-foo', bar: 'z1-bar', baz: 'z1-baz' },
};
const ids = ['e1', 'e2', 'e3'];
const ABSTRACT_TYPES = /* GraphQL */ `
  interface Foo { foo: String! }
  interface Bar implements Foo { foo: String! bar: String! }
  type Baz implements Foo & Bar @shareable { foo: String! bar: String! baz: String! }
  type Qux implements Foo & Bar @shareable { foo: String! bar: String! qux: String! }
`;

/** What `requires` handed over: `data` absent (requirement skipped), null, or the selected fields. */
interface Required { id: string; data?: { foo?: string; bar?: string; baz?: string; qux?: string } | null }

function handedOver(entity: Required): NonNullable<Required['data']> | null {
  if (!('data' in entity)) throw new Error('required field data was not provided');
  return entity.data ?? null;
}

/** The audit's requirement: a fragment on the sub-interface `Bar`, with fragments on its implementations inside. */
export const THROUGH_SUB_INTERFACE = 'data { foo ... on Bar { bar ... on Baz { baz } ... on Qux { qux } } }';
/** The same fields, selected with fragments on the implementations only. */
export const THROUGH_IMPLEMENTATIONS = 'data { foo ... on Baz { bar baz } ... on Qux { bar qux } }';

/**
 * The audit's `requires-with-fragments` shape: `@requires` selecting an abstract field through
 * inline fragments (`requirement`), and through a fragment on the interface itself
 * (`data { ... on Foo { foo } }`). `e1` has no data.
 */
export function requiresWithFragments(requirement: string): readonly CaseSubgraph[] {
  return [
    {
      name: 'owner',
      typeDefs: /* GraphQL */ `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
        type Query { a: Entity }
        type Entity @key(fields: "id") { id: ID! data: Foo }
        ${ABSTRACT_TYPES}
      `,
      resolvers: {
        Query: { a: () => ({ id: 'e2' }) },
        Entity: {
          __resolveReference: ({ id }: { id: string }) => (ids.includes(id) ? { id } : null),
          data: ({ id }: { id: string }) => data[id] ?? null,
        },
      },
    },
    {
      name: 'requirer',
      typeDefs: /* GraphQL */ `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires"])
        type Query { b: Entity bb: Entity pair: [Entity] all: [Entity] }
        type Entity @key(fields: "id") {
          id: ID!
          data: Foo @external
          requirer: String! @requires(fields: "${requirement}")
          requirer2: String! @requires(fields: "data { ... on Foo { foo } }")
        }
        ${ABSTRACT_TYPES}
      `,
      resolvers: {
        Query: { b: () => ({ id: 'e1' }), bb: () => ({ id: 'e2' }), pair: () => [{ id: 'e3' }, { id: 'e2' }], all: () => ids.map((id) => ({ id })) },
        Entity: {
          __resolveReference: (reference: Required) => reference,
          requirer: (entity: Required) => {
            const required = handedOver(entity);
            return required ? [required.foo, required.bar, required.baz ?? required.qux].join('|') : 'no data';
          },
          requirer2: (entity: Required) => `${handedOver(entity)?.foo ?? 'no data'}_requirer2`,
        },
      },
    },
  ];
}
