/**
 * Finds a bare `&` (one that starts no entity or character reference) in XML text, chunk by chunk.
 * saxes reads everything after an `&` up to the next `;` as an entity name, so a bare `&` in a
 * description ("S&P") is reported far from where it is, often only as an unclosed tag at the end
 * of the file. Comments, CDATA sections, processing instructions and the DOCTYPE may hold `&`, so
 * their extent is tracked; everything else is left to the parser.
 */

type Context = 'markup' | 'comment' | 'cdata' | 'pi' | 'doctype';

const REFERENCE = /&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_:][A-Za-z0-9_.:-]*);/y;
/** Longest reference looked at: a name longer than this is taken as a bare `&`. */
const MAX_REFERENCE = 64;
const CLOSERS: Record<Exclude<Context, 'markup'>, string> = {
  comment: '-->',
  cdata: ']]>',
  pi: '?>',
  doctype: '>',
};

export class AmpersandScanner {
  private context: Context = 'markup';
  /** The end of the last chunk, for a closer split between two chunks. */
  private carry = '';

  /**
   * The index in `chunk` of the first bare `&`, or -1. An `&` too near the chunk's end to judge is
   * taken on trust (the parser still sees it).
   */
  scan(chunk: string): number {
    let at = 0;
    // Where the next '<!' and '<?' are, found again only once passed (a chunk may hold many '&').
    let open = -2;
    let pi = -2;
    while (at < chunk.length) {
      if (this.context !== 'markup') {
        const closer = CLOSERS[this.context];
        const joined = this.carry + chunk;
        const end = joined.indexOf(closer, Math.max(0, at + this.carry.length - closer.length + 1));
        if (end < 0) {
          this.carry = chunk.slice(-closer.length);
          return -1;
        }
        at = end - this.carry.length + closer.length;
        this.carry = '';
        this.context = 'markup';
        continue;
      }
      const amp = chunk.indexOf('&', at);
      if (open !== -1 && open < at) open = chunk.indexOf('<!', at);
      if (pi !== -1 && pi < at) pi = chunk.indexOf('<?', at);
      const next = open < 0 ? pi : pi < 0 ? open : Math.min(open, pi);
      if (amp >= 0 && (next < 0 || amp < next)) {
        REFERENCE.lastIndex = amp;
        if (!REFERENCE.test(chunk)) {
          const rest = chunk.length - amp;
          if (rest > MAX_REFERENCE || /[^A-Za-z0-9_.:#-]/.test(chunk.slice(amp + 1, amp + 1 + rest)))
            return amp;
        }
        at = amp + 1;
        continue;
      }
      if (next < 0) return -1;
      if (chunk.startsWith('<!--', next)) {
        this.context = 'comment';
        at = next + 4;
      } else if (chunk.startsWith('<![CDATA[', next)) {
        this.context = 'cdata';
        at = next + 9;
      } else if (chunk.startsWith('<?', next)) {
        this.context = 'pi';
        at = next + 2;
      } else if (chunk.startsWith('<!DOCTYPE', next)) {
        // An internal subset holds entity values with `&`; it ends at `]>`.
        const subset = chunk.indexOf('[', next);
        const close = chunk.indexOf('>', next);
        this.context = 'doctype';
        at = next + 9;
        if (subset >= 0 && (close < 0 || subset < close)) {
          const end = chunk.indexOf(']>', subset);
          if (end < 0) {
            this.carry = '';
            return -1;
          }
          at = end + 2;
          this.context = 'markup';
        }
      } else at = next + 2;
      this.carry = '';
    }
    return -1;
  }
}
