import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { CertificateError } from '../errors.js';

/** Elements that may repeat; any other element appearing twice is refused. */
const REPEATED = new Set(['IncludedSPSClause', 'IncludedSPSTradeLineItem', 'AppliedSPSProcess']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Elements are matched by local name: a sender may bind the UN/CEFACT namespaces to any prefix.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  // Every element becomes an object, so even a text-only element carries its line.
  alwaysCreateTextNode: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});
const META = XMLParser.getMetaDataSymbol();

/**
 * A position in a parsed XML document: the node, its element path and the line it starts on,
 * so every refusal names the file, the element and the line.
 */
export class XmlCursor {
  private constructor(
    readonly file: string,
    readonly node: unknown,
    readonly path: string,
    readonly line: number | null,
    private readonly lineOf: (index: number | undefined) => number | null,
  ) {}

  /** Parses a document (well-formedness first, with line and column) and returns its root element. */
  static parse(text: string, file: string, root: string): XmlCursor {
    // ePhyto messages have no DTD; refusing one rules out entity-expansion attacks from any caller.
    const doctype = /<!DOCTYPE/i.exec(text);
    if (doctype) {
      const line = text.slice(0, doctype.index).split('\n').length;
      throw new CertificateError('UNREADABLE_CERTIFICATE', { file, path: '(document)', line }, 'a DOCTYPE is not allowed in a certificate');
    }
    try {
      SyntaxValidator.validate(text);
    } catch (error) {
      const e = error as { message?: string; line?: number; col?: number };
      throw new CertificateError('UNREADABLE_CERTIFICATE', { file, path: '(document)', line: e.line ?? null }, `not well-formed XML: ${e.message ?? 'invalid'}${e.col ? ` (column ${e.col})` : ''}`);
    }
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const lineOf = (index: number | undefined) => {
      if (index === undefined) return null;
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] as number) <= index) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    };
    const parsed = parser.parse(text) as Record<string, unknown>;
    const top = new XmlCursor(file, parsed, '', 1, lineOf);
    return top.child(root);
  }

  fail(reason: string, path = this.path): never {
    throw new CertificateError('INVALID_CERTIFICATE', { file: this.file, path, line: this.line }, reason);
  }

  /** The one child element `name`, or null when absent. */
  optional(name: string): XmlCursor | null {
    const value = (this.node as Record<string, unknown>)[name];
    if (value === undefined) return null;
    const path = `${this.path}/${name}`;
    if (Array.isArray(value)) return this.fail(`element ${name} appears ${value.length} times; it may appear once`, path);
    return this.at(value, path);
  }

  /** The one child element `name`; refused when missing. */
  child(name: string): XmlCursor {
    return this.optional(name) ?? this.fail(`missing element ${name}`, `${this.path}/${name}`);
  }

  /** Every child element `name` (a repeating element), in document order. */
  list(name: string): XmlCursor[] {
    const value = (this.node as Record<string, unknown>)[name];
    if (value === undefined) return [];
    const items = Array.isArray(value) ? value : [value];
    return items.map((item, i) => this.at(item, `${this.path}/${name}[${i + 1}]`));
  }

  /** This element's text (trimmed); refused when the element has child elements instead. */
  text(): string {
    if (typeof this.node === 'string') return this.node;
    const own = (this.node as Record<string, unknown>)['#text'];
    if (typeof own === 'string') return own;
    if (Object.keys(this.node as object).every((k) => k.startsWith('@_'))) return '';
    return this.fail('expected text, found child elements');
  }

  /** The text of the required child `name`. */
  textOf(name: string): string {
    return this.child(name).text();
  }

  attribute(name: string): string | null {
    if (typeof this.node !== 'object' || this.node === null) return null;
    const value = (this.node as Record<string, unknown>)[`@_${name}`];
    return typeof value === 'string' ? value : null;
  }

  private at(value: unknown, path: string): XmlCursor {
    const meta = typeof value === 'object' && value !== null ? (value as Record<symbol, { startIndex?: number } | undefined>)[META as symbol] : undefined;
    return new XmlCursor(this.file, value, path, meta ? this.lineOf(meta.startIndex) : this.line, this.lineOf);
  }
}
