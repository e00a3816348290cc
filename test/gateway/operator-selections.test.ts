import { parse, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicOperatorDocument } from '../../gateway/jurisdiction/operator-selections.js';
import { buildNodeSchema } from '../../subgraphs/node/index.js';

type Schema = Awaited<ReturnType<typeof buildNodeSchema>>;
const normal = (query: string) => print(parse(query));

describe('gateway: the first fetch asks the home replica for public fields, ids and terms only', () => {
  let schema: Schema;
  beforeAll(async () => {
    schema = await buildNodeSchema();
  });

  it('cuts every Operator selection to its public fields plus id and owner, and reads the MRA terms in the same query', () => {
    const { document, touched } = publicOperatorDocument(schema, parse(`query($s: Boolean!) {
      a: operator(aeoId: "CR-AEO-000042") { status name: legalName taxId @include(if: $s) ...F }
    } fragment F on Operator { riskScore contact { ...C } } fragment C on Contact { email }`));
    expect(touched).toBe(true);
    expect(print(document)).toBe(normal(`{
      a: operator(aeoId: "CR-AEO-000042") { status ...F __mra_aeoId: aeoId __mra_country: country }
      __mra_mras: mras { status parties terms { partner role fields } }
    } fragment F on Operator { __mra_aeoId: aeoId __mra_country: country }`));
  });

  it('reaches operators inside connections and _entities too', () => {
    const { document } = publicOperatorDocument(schema, parse(`query($r: [_Any!]!) {
      operators(first: 2) { edges { cursor node { aeoId legalName } } }
      _entities(representations: $r) { ... on Operator { riskScore } }
    }`));
    expect(print(document)).toBe(normal(`query($r: [_Any!]!) {
      operators(first: 2) { edges { cursor node { aeoId __mra_aeoId: aeoId __mra_country: country } } }
      _entities(representations: $r) { ... on Operator { __mra_aeoId: aeoId __mra_country: country } }
      __mra_mras: mras { status parties terms { partner role fields } }
    }`));
  });

  it('leaves a document that asks only public fields of operators as it is: every caller may see them', () => {
    const original = parse('{ operator(aeoId: "CR-AEO-000001") { aeoId country status __typename } operators { edges { node { status } } } }');
    expect(publicOperatorDocument(schema, original)).toMatchObject({ document: original, touched: false });
  });

  it('leaves a document without operators as it is', () => {
    const original = parse('{ mras { id status } ledgerHead(country: "CR") { sequence } }');
    expect(publicOperatorDocument(schema, original)).toMatchObject({ document: original, touched: false });
  });

  it('picks internal keys no response key of the client uses (a client may alias a field __mra_aeoId)', () => {
    const { document, keys } = publicOperatorDocument(schema, parse('{ operator(aeoId: "CR-AEO-000042") { __mra_aeoId: legalName __mra_mras: country } }'));
    expect(keys).toEqual({ id: '__mra_aeoId_1', owner: '__mra_country_1', terms: '__mra_mras_1' });
    expect(print(document)).toContain('__mra_aeoId_1: aeoId');
  });
});
