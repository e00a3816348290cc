// negotiator (MIT, the content negotiation of express and Apollo Server) ships no types; the part this project uses.
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { readonly headers: { readonly accept?: string | undefined } });
    /** The offered media types the Accept header accepts (q > 0), best first. */
    mediaTypes(available: readonly string[]): string[];
  }
  export = Negotiator;
}
