import { costLimitRule, type CostLimitOptions } from '@escape.tech/graphql-armor-cost-limit';
import { TypeInfo, ValidationContext, visit, type ASTVisitor, type DocumentNode, type ValidationRule } from 'graphql';
import { withPageSizes } from './page-sizes.js';

/** Armor's cost options, and the largest page a list argument (`first`, `last`) may ask for. */
export type CostOptions = CostLimitOptions & { readonly largestPage: number };

/**
 * GraphQL Armor's cost limit over the document with its page sizes written out
 * (`withPageSizes`): a page size given by a variable costs the largest page, an omitted one its
 * default. Used as a validation rule at the nodes and the gateway; it rejects as Armor does
 * (thrown, or through `onReject` when `propagateOnRejection` is off).
 */
export function costRule(options: CostOptions): ValidationRule {
  const { largestPage, ...armor } = options;
  const armorRule = costLimitRule(armor);
  return (context): ASTVisitor => {
    let sized: { document: DocumentNode; visitor: ASTVisitor } | undefined;
    return {
      // Each operation when it is reached, as Armor's other rules do, so their order decides
      // which refusal a client sees first.
      OperationDefinition(operation) {
        const schema = context.getSchema();
        if (!sized) {
          const document = withPageSizes(schema, context.getDocument(), largestPage);
          sized = { document, visitor: armorRule(new ValidationContext(schema, document, new TypeInfo(schema), (error) => context.reportError(error))) };
        }
        const written = sized.document.definitions[context.getDocument().definitions.indexOf(operation)];
        if (written) visit(written, sized.visitor);
        return false;
      },
    };
  };
}
