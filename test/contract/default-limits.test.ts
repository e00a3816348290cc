import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getIntrospectionQuery, Kind, parse, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../gateway/index.js';
import { SAMPLE_QUERY } from '../../subgraphs/cli/demo/demo-data.js';
import { buildNodeSchema } from '../../subgraphs/node/index.js';
import { fullSelection, measure } from '../support/full-selection.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every Markdown file of the project (not dependencies or build output). */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', 'runs', '.git'].includes(name)) return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Each operation of each ```graphql block in the docs, and the demo's queries, as separate documents. */
function documentedOperations(): { where: string; document: DocumentNode }[] {
  const found: { where: string; document: DocumentNode }[] = [];
  const add = (where: string, source: string) => {
    const document = parse(source, { maxTokens: DEFAULT_LIMITS.maxTokens });
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) found.push({ where, document: { kind: Kind.DOCUMENT, definitions: [definition] } });
    }
  };
  for (const file of markdownFiles(ROOT)) {
    for (const [, block] of readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)) add(relative(ROOT, file), block ?? '');
  }
  add('demo: SAMPLE_QUERY', SAMPLE_QUERY);
  for (const [, query] of readFileSync(join(ROOT, 'subgraphs', 'cli', 'demo', 'run-demo.ts'), 'utf8').matchAll(/(?:parse\(|query: )'([^']+)'/g)) add('demo: run-demo.ts', query ?? '');
  return found;
}

describe('limits sized from the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildNodeSchema();
  });

  it('the largest page of operators a client can ask (first: 100, every field, nested ones too) passes the default limits', () => {
    const operator = schema.getType('Operator');
    if (!operator) throw new Error('no Operator type');
    const query = `{ operators(first: 100) { totalCount edges { cursor node { ${fullSelection(schema, operator)} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const { cost, depth } = measure(schema, query);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
  });

  it('GraphiQL\'s introspection query (the deepest legitimate one) passes the default depth limit', () => {
    const { depth } = measure(schema, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }));
    expect(depth).toBeGreaterThan(6);
    expect(depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
  });

  it('every query the READMEs and the demo show passes the default limits', () => {
    const operations = documentedOperations();
    expect(operations.length).toBeGreaterThan(5);
    for (const { where, document } of operations) {
      const { cost, depth } = measure(schema, print(document));
      expect(cost, where).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
      expect(depth, where).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
    }
  });
});
