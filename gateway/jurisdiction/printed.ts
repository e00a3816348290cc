import { print, type ASTNode } from 'graphql';

/** Each node's text, printed once: documents and fields the runtime hands over again are the same objects. */
const PRINTED = new WeakMap<ASTNode, string>();

/** `print(node)`, remembered for the node. */
export function printedOnce(node: ASTNode): string {
  let text = PRINTED.get(node);
  if (text === undefined) {
    text = print(node);
    PRINTED.set(node, text);
  }
  return text;
}
