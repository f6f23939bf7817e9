/**
 * Unit strings per FITS Standard 4.0 §4.3 and IVOA VOUnits 1.0.
 *
 *   parseUnit(text: string, options?: { dialect?: 'fits' | 'vounit' }): UnitParseResult
 *
 * Success: `{ ok: true, unit, unknown, deprecated }`. `unit.expression` is a small syntax tree
 * (symbols, powers, products with division, functions) or null for a dimensionless string;
 * `unit.scale` is the leading numeric factor (`10**-20`); `unit.canonical` is the same unit as a
 * product of powers in the dialect's own syntax with standard spellings (`erg/s/cm2/ANGSTROM` →
 * `erg s-1 cm-2 Angstrom-1`). `unknown` lists each symbol that parsed but is not a unit of the
 * dialect (`electron`, `DN`, a VOUnits `'furlong'`), once; `deprecated` lists each use of a
 * deprecated or non-standard spelling with its standard form and 1-based column.
 * Failure: `{ ok: false, error, column }` — what went wrong and where (1-based), e.g.
 * "unexpected ')' at column 7".
 *
 * FITS dialect (Table 6): products by space, `*` or `.`; division by `/`, left to right with the
 * same precedence as products (so `a/b c` is `a c / b`), more than one allowed; a leading `/`
 * (`/m3`); powers by `**expr`, `^expr` or a bare signed integer (`m2`, `m-2`, `m+2`), where expr is
 * an optionally signed integer, optionally in parentheses, or a decimal or ratio in parentheses
 * (`m(1.5)`, `m^(3/2)`); functions log, ln, exp, sqrt; an optional leading factor `10**k`, `10^k`
 * or `10±k` (k an integer, optionally in parentheses).
 * VOUnits dialect (§2.9–2.11, Appendix C.4): no spaces; products by `.`, one `/` per level whose
 * right side is one unit or a parenthesised group; powers only by `**`; quoted unknown units
 * (`'furlong'`, `k'furlong'`); `%`; trigonometric and hyperbolic functions too; a leading factor
 * `10**k`, `10`, `1` or a decimal like `1.5e-3` written directly before the unit.
 * An empty or blank string is dimensionless in both dialects (an empty BUNIT is allowed; whether
 * to require a unit is the caller's decision).
 *
 * Never throws. Time is linear in the length of the text; recursion is bounded by refusing
 * parentheses nested more than MAX_NESTING deep.
 */
import { FUNCTIONS, lookUpSymbol, SI_PREFIXES, type UnitDialect } from './symbols.js';

export type { UnitDialect } from './symbols.js';

/** How deep parentheses and functions may nest: real units need 3 or 4; more is hostile input. */
export const MAX_NESTING = 20;
/** Digits in one exponent: keeps numerator and denominator exact as JavaScript numbers. */
const MAX_EXPONENT_DIGITS = 9;

export interface ParseUnitOptions {
  /** Grammar and symbol tables to use; default 'fits'. */
  dialect?: UnitDialect;
}

/** An exact exponent: numerator / denominator, reduced, denominator > 0. */
export interface Exponent {
  numerator: number;
  denominator: number;
}

export type UnitNode = UnitSymbolNode | UnitPowerNode | UnitProductNode | UnitFunctionNode;

export interface UnitSymbolNode {
  kind: 'symbol';
  /** As written, e.g. `DEGREES`, `km`, `'furlong'`. */
  written: string;
  /** The standard spelling when `written` is deprecated and replaceable by a symbol, else `written`. */
  symbol: string;
  /** The SI or binary prefix of a known unit (`k` in `km`), else ''. */
  prefix: string;
  status: 'known' | 'deprecated' | 'unknown';
  /** A VOUnits quoted unit: deliberately outside the standard's tables. */
  quoted: boolean;
  column: number;
}

export interface UnitPowerNode {
  kind: 'power';
  base: UnitNode;
  exponent: Exponent;
  column: number;
}

/** Factors multiplied left to right; `divide` marks a factor written after `/`. */
export interface UnitProductNode {
  kind: 'product';
  factors: { node: UnitNode; divide: boolean }[];
}

export interface UnitFunctionNode {
  kind: 'function';
  name: string;
  argument: UnitNode;
  column: number;
}

export interface UnitScale {
  /** As written, e.g. `10**(-20)` or `1.5e-3`. */
  text: string;
  value: number;
  /** k in a FITS `10**k`. */
  powerOfTen?: number;
}

export interface ParsedUnit {
  scale: UnitScale | null;
  expression: UnitNode | null;
  /** Product of powers in the dialect's syntax with standard spellings; '' when dimensionless. */
  canonical: string;
}

export interface DeprecatedSymbol {
  written: string;
  standard: string;
  column: number;
}

export interface UnitParseSuccess {
  ok: true;
  unit: ParsedUnit;
  unknown: string[];
  deprecated: DeprecatedSymbol[];
}

export interface UnitParseFailure {
  ok: false;
  error: string;
  column: number;
}

export type UnitParseResult = UnitParseSuccess | UnitParseFailure;

class UnitSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const SYMBOL_RUN = /[A-Za-z]+/y;
const INTEGER_RUN = /[0-9]+/y;
/** A parenthesised exponent: integer, decimal or ratio (FITS also allows inner spaces). */
const PAREN_EXPONENT_FITS = /\( *([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?: *\/ *([0-9]+))? *\)/y;
const PAREN_EXPONENT_VOUNIT = /\(([+-]?)([0-9]+(?:\.[0-9]+)?)(?:\/([0-9]+))?\)/y;
/** VOUnits scale factor (VOUFLOAT, LIT10, LIT1). */
const VOUNIT_FACTOR = /(?:0\.[0-9]+|[1-9][0-9]*(?:\.[0-9]+)?)(?:[eE][+-]?[0-9]+)?/y;
const QUOTED_UNIT = /'([A-Za-z_][A-Za-z0-9_]*)'/y;

function describe(char: string | undefined): string {
  if (char === undefined) return 'end of text';
  if (char === ' ') return 'a space';
  const code = char.charCodeAt(0);
  if (code < 0x20 || code > 0x7e) return `character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${char}'`;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

function exponentOf(numerator: number, denominator: number): Exponent {
  const divisor = gcd(numerator, denominator) * (denominator < 0 ? -1 : 1);
  return { numerator: numerator / divisor + 0, denominator: denominator / divisor };
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly unknown = new Set<string>();
  readonly deprecated: DeprecatedSymbol[] = [];
  private readonly fits: boolean;

  constructor(
    private readonly text: string,
    private readonly dialect: UnitDialect,
  ) {
    this.fits = dialect === 'fits';
  }

  private column(at = this.pos): number {
    return at + 1;
  }

  private fail(message: string, at = this.pos): never {
    throw new UnitSyntaxError(`${message} at column ${this.column(at)}`, this.column(at));
  }

  private unexpected(at = this.pos): never {
    const char = this.text[at];
    if (char === undefined) this.fail('unexpected end of text', at);
    this.fail(`unexpected ${describe(char)}`, at);
  }

  private peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  private skipSpaces(): number {
    const start = this.pos;
    while (this.text[this.pos] === ' ') this.pos++;
    return this.pos - start;
  }

  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (found) this.pos += found[0].length;
    return found;
  }

  parseInput(): ParsedUnit {
    if (this.fits) this.skipSpaces();
    else if (this.peek() === ' ') this.fail('VOUnits strings have no spaces');
    let scale: UnitScale | null = null;
    if (DIGIT.test(this.peek() ?? '')) {
      scale = this.fits ? this.parseFitsScale() : this.parseVounitScale();
      if (this.fits) this.skipSpaces();
    }
    let expression: UnitNode | null = null;
    if (this.pos < this.text.length) expression = this.parseExpression();
    if (this.fits) this.skipSpaces();
    if (this.pos < this.text.length) {
      if (this.peek() === ')') this.fail("unexpected ')' without a matching '('");
      if (DIGIT.test(this.peek()!)) this.fail('unexpected number: a scale factor must come before the units');
      this.unexpected();
    }
    if (!this.fits && scale && !expression) this.fail('a VOUnits scale factor must be followed by a unit');
    return { scale, expression, canonical: '' };
  }

  /** `10**k`, `10^k`, `10±k` or `10(k)` — and the common `1/x`, read as a deprecated `/x`. */
  private parseFitsScale(): UnitScale | null {
    const start = this.pos;
    const digits = this.match(INTEGER_RUN)![0];
    if (digits === '1') {
      const afterOne = this.pos;
      this.skipSpaces();
      if (this.peek() === '/') {
        // `1/s` is everywhere in real headers; FITS writes `/s` (§4.3.2). Read it, flag it.
        this.deprecated.push({
          written: this.text.slice(start, this.pos + 1),
          standard: '/',
          column: start + 1,
        });
        return null;
      }
      this.pos = afterOne;
    }
    if (digits !== '10')
      this.fail(`numeric factor '${digits}': FITS allows only 10**k, 10^k or 10±k before the units`, start);
    let exponent: number;
    if (this.text.startsWith('**', this.pos) || this.peek() === '^') {
      this.pos += this.peek() === '^' ? 1 : 2;
      exponent = this.parseIntegerExponent();
    } else if (this.peek() === '+' || this.peek() === '-' || this.peek() === '(') {
      exponent = this.parseIntegerExponent();
    } else {
      this.fail("'10' must be followed by an exponent (10**k, 10^k or 10±k)", start);
    }
    return { text: this.text.slice(start, this.pos), value: Number(`1e${exponent}`), powerOfTen: exponent };
  }

  /** An integer exponent for the FITS scale factor: `-20`, `+3`, `(-20)`. */
  private parseIntegerExponent(): number {
    const start = this.pos;
    const parenthesised = this.peek() === '(';
    if (parenthesised) {
      this.pos++;
      this.skipSpaces();
    }
    let sign = 1;
    if (this.peek() === '+' || this.peek() === '-') {
      sign = this.peek() === '-' ? -1 : 1;
      this.pos++;
    }
    const digits = this.match(INTEGER_RUN);
    if (!digits) this.fail(`expected an integer exponent, found ${describe(this.peek())}`);
    if (digits[0].length > MAX_EXPONENT_DIGITS) this.fail('exponent too long', start);
    if (this.peek() === '.') this.fail('the power of ten must be an integer');
    if (parenthesised) {
      this.skipSpaces();
      if (this.peek() !== ')')
        this.fail(`expected ')' to close the exponent, found ${describe(this.peek())}`);
      this.pos++;
    }
    return sign * Number(digits[0]);
  }

  /** VOUnits: `10**k`, `10`, `1`, or a decimal such as `1.5e-3`, directly before the unit. */
  private parseVounitScale(): UnitScale {
    const start = this.pos;
    const factor = this.match(VOUNIT_FACTOR);
    if (!factor) this.fail('a VOUnits scale factor cannot start with 0');
    let value = Number(factor[0]);
    if (factor[0] === '10' && this.text.startsWith('**', this.pos)) {
      this.pos += 2;
      const exponent = this.parseNumericPower();
      value = 10 ** (exponent.numerator / exponent.denominator);
    }
    if (this.peek() === ' ') this.fail('VOUnits strings have no spaces');
    return { text: this.text.slice(start, this.pos), value };
  }

  /** Factors joined by product and division operators, left to right. */
  private parseExpression(): UnitNode {
    const factors: { node: UnitNode; divide: boolean }[] = [];
    let divide = false;
    if (this.peek() === '/') {
      if (!this.fits) this.fail("a VOUnits expression cannot start with '/'");
      this.pos++;
      if (this.fits) this.skipSpaces();
      divide = true;
    }
    factors.push({ node: this.parseTerm(), divide });
    let divided = false;
    for (;;) {
      const operatorAt = this.pos;
      if (this.fits) {
        const spaces = this.skipSpaces();
        const next = this.peek();
        if ((next === '*' && this.peek(1) !== '*') || next === '.' || next === '/') {
          this.pos++;
          this.skipSpaces();
          factors.push({ node: this.parseTerm(), divide: next === '/' });
        } else if (spaces > 0 && next !== undefined && this.startsTerm(next)) {
          factors.push({ node: this.parseTerm(), divide: false });
        } else {
          this.pos = operatorAt;
          break;
        }
      } else {
        const next = this.peek();
        if (next === ' ') this.fail("VOUnits strings have no spaces (write products with '.')");
        if (next === '*' && this.peek(1) !== '*') this.fail("VOUnits writes products with '.', not '*'");
        if (next !== '.' && next !== '/') break;
        if (divided)
          this.fail(
            `VOUnits allows one unit after '/': put the denominator in parentheses, unexpected '${next}'`,
          );
        this.pos++;
        factors.push({ node: this.parseTerm(), divide: next === '/' });
        if (next === '/') divided = true;
      }
    }
    if (factors.length === 1 && !factors[0]!.divide) return factors[0]!.node;
    return { kind: 'product', factors };
  }

  private startsTerm(char: string): boolean {
    return LETTER.test(char) || char === '(' || char === '%' || (!this.fits && char === "'");
  }

  /** A unit, function or parenthesised group, with an optional power. */
  private parseTerm(): UnitNode {
    const start = this.pos;
    const primary = this.parsePrimary();
    const exponent = this.parsePower(start);
    return exponent ? { kind: 'power', base: primary, exponent, column: this.column(start) } : primary;
  }

  private parsePrimary(): UnitNode {
    const start = this.pos;
    const char = this.peek();
    if (char === undefined) this.fail('expected a unit, found end of text');
    if (char === '(') {
      this.enter();
      this.pos++;
      if (this.fits) this.skipSpaces();
      const inner = this.parseExpression();
      if (this.fits) this.skipSpaces();
      if (this.peek() !== ')') {
        if (this.peek() === undefined)
          this.fail(`'(' at column ${start + 1} is never closed: unexpected end`);
        this.unexpected();
      }
      this.pos++;
      this.depth--;
      return inner;
    }
    if (char === "'") return this.parseQuoted('', start);
    if (char === '%') {
      this.pos++;
      return this.symbolNode('%', start);
    }
    if (LETTER.test(char)) {
      const name = this.match(SYMBOL_RUN)![0];
      if (FUNCTIONS[this.dialect].has(name)) {
        const afterName = this.pos;
        if (this.fits) this.skipSpaces();
        if (this.peek() === '(') return this.parseFunction(name, start);
        this.pos = afterName;
      } else if (this.peek() === '(' && FUNCTIONS.vounit.has(name)) {
        this.fail(`'${name}()' is a VOUnits function; FITS units allow only log, ln, exp and sqrt`, start);
      }
      if (!this.fits && this.peek() === "'") return this.parseQuoted(name, start);
      return this.symbolNode(name, start);
    }
    if (DIGIT.test(char)) {
      if (this.fits)
        this.fail(`unexpected number: in FITS a number is an exponent or the leading 10**k factor`);
      this.fail('unexpected number: in VOUnits a number is an exponent or the leading scale factor');
    }
    if (char === ')') this.fail("unexpected ')' where a unit was expected");
    this.unexpected();
  }

  private enter(): void {
    if (this.depth >= MAX_NESTING) this.fail(`parentheses nested more than ${MAX_NESTING} deep`);
    this.depth++;
  }

  private parseFunction(name: string, start: number): UnitNode {
    this.enter();
    this.pos++;
    if (this.fits) this.skipSpaces();
    if (this.peek() === ')') this.fail(`${name}() needs an argument`);
    const argument = this.parseExpression();
    if (this.fits) this.skipSpaces();
    if (this.peek() !== ')') {
      if (this.peek() === undefined)
        this.fail(`${name}( at column ${start + 1} is never closed: unexpected end`);
      this.unexpected();
    }
    this.pos++;
    this.depth--;
    return { kind: 'function', name, argument, column: this.column(start) };
  }

  /** VOUnits §2.11: `'furlong'`, optionally after an SI prefix (`k'furlong'`). */
  private parseQuoted(prefix: string, start: number): UnitNode {
    if (this.fits) this.fail("quoted units are VOUnits syntax, not FITS: unexpected '''");
    if (prefix !== '' && !SI_PREFIXES.has(prefix))
      this.fail(`'${prefix}' before a quoted unit is not an SI prefix`, start);
    const quoted = this.match(QUOTED_UNIT);
    if (!quoted) this.fail("a quoted unit is a name in single quotes, e.g. 'furlong'");
    const written = this.text.slice(start, this.pos);
    this.unknown.add(written);
    return {
      kind: 'symbol',
      written,
      symbol: written,
      prefix,
      status: 'unknown',
      quoted: true,
      column: start + 1,
    };
  }

  private symbolNode(name: string, start: number): UnitSymbolNode {
    const info = lookUpSymbol(name, this.dialect);
    if (info.status === 'unknown') this.unknown.add(name);
    let symbol = name;
    if (info.status === 'deprecated') {
      this.deprecated.push({ written: name, standard: info.standard!, column: start + 1 });
      if (/^[A-Za-z%]+$/.test(info.standard!)) symbol = info.standard!;
    }
    return {
      kind: 'symbol',
      written: name,
      symbol,
      prefix: info.prefix,
      status: info.status,
      quoted: false,
      column: start + 1,
    };
  }

  /** The power written right after a term, if any. */
  private parsePower(termStart: number): Exponent | null {
    const next = this.peek();
    if (this.fits) {
      if (this.text.startsWith('**', this.pos) || next === '^') {
        this.pos += next === '^' ? 1 : 2;
        return this.parseFitsExponent(true);
      }
      if (next === '+' || next === '-' || (next !== undefined && DIGIT.test(next))) {
        if (next !== undefined && !DIGIT.test(next) && !DIGIT.test(this.peek(1) ?? '')) {
          const symbol = this.text.slice(termStart, this.pos);
          const hint = symbol === 'e' ? " (an electron is 'electron', which FITS does not define)" : '';
          this.fail(`'${next}' after '${symbol}' is not followed by an exponent${hint}`);
        }
        return this.parseFitsExponent(false);
      }
      if (next === '(') {
        PAREN_EXPONENT_FITS.lastIndex = this.pos;
        if (PAREN_EXPONENT_FITS.test(this.text)) return this.parseFitsExponent(false);
        this.fail("a '(' right after a unit must hold an exponent; separate factors with a space or '.'");
      }
      return null;
    }
    if (this.text.startsWith('**', this.pos)) {
      this.pos += 2;
      return this.parseNumericPower();
    }
    if (next === '^') this.fail("VOUnits writes powers with '**', not '^'");
    if (next !== undefined && (DIGIT.test(next) || next === '+' || next === '-'))
      this.fail("VOUnits writes powers with '**' (m**2, not m2)");
    if (next === '(') this.fail("unexpected '(' right after a unit");
    return null;
  }

  /** FITS expr: signed integer, or in parentheses an integer, decimal or ratio. */
  private parseFitsExponent(afterOperator: boolean): Exponent {
    const start = this.pos;
    if (this.peek() === '(') {
      const found = this.match(PAREN_EXPONENT_FITS);
      if (!found) this.fail('expected an exponent such as (2), (-1), (1.5) or (3/2)');
      return this.exponentFrom(found[1]!, found[2]!, found[3], start);
    }
    let sign = '';
    if (this.peek() === '+' || this.peek() === '-') sign = this.text[this.pos++]!;
    const digits = this.match(INTEGER_RUN);
    if (!digits) {
      if (afterOperator) this.fail(`expected an exponent, found ${describe(this.peek())}`);
      this.unexpected();
    }
    if (this.peek() === '.' && DIGIT.test(this.peek(1) ?? ''))
      this.fail('a decimal exponent must be in parentheses, e.g. m(1.5)', start);
    if (this.peek() === '/' && DIGIT.test(this.peek(1) ?? '') && afterOperator)
      this.fail('a fractional exponent must be in parentheses, e.g. m^(3/2)', start);
    return this.exponentFrom(sign, digits[0], undefined, start);
  }

  /** VOUnits numeric_power: integer, or (integer), (decimal), (integer/integer). */
  private parseNumericPower(): Exponent {
    const start = this.pos;
    if (this.peek() === '(') {
      const found = this.match(PAREN_EXPONENT_VOUNIT);
      if (!found) this.fail('expected an exponent such as (2), (-1), (1.5) or (3/2)');
      return this.exponentFrom(found[1]!, found[2]!, found[3], start);
    }
    let sign = '';
    if (this.peek() === '+' || this.peek() === '-') sign = this.text[this.pos++]!;
    const digits = this.match(INTEGER_RUN);
    if (!digits) this.fail(`expected an exponent, found ${describe(this.peek())}`);
    if (this.peek() === '.' && DIGIT.test(this.peek(1) ?? ''))
      this.fail('a decimal exponent must be in parentheses, e.g. m**(1.5)', start);
    return this.exponentFrom(sign, digits[0], undefined, start);
  }

  private exponentFrom(
    sign: string,
    value: string,
    denominatorText: string | undefined,
    at: number,
  ): Exponent {
    const digitsOnly = value.replace('.', '');
    if (digitsOnly.length > MAX_EXPONENT_DIGITS || (denominatorText?.length ?? 0) > MAX_EXPONENT_DIGITS)
      this.fail('exponent too long', at);
    if (denominatorText !== undefined && value.includes('.'))
      this.fail('a ratio exponent needs integers', at);
    const point = value.indexOf('.');
    const decimals = point < 0 ? 0 : value.length - point - 1;
    let numerator = Number(digitsOnly || '0');
    let denominator = 10 ** decimals;
    if (denominatorText !== undefined) denominator *= Number(denominatorText);
    if (denominator === 0) this.fail('exponent divides by zero', at);
    if (sign === '-') numerator = -numerator;
    return exponentOf(numerator, denominator);
  }
}

/** Multiplies two exponents exactly (both small, see MAX_EXPONENT_DIGITS). */
function times(a: Exponent, b: Exponent): Exponent {
  const left = gcd(a.numerator, b.denominator);
  const right = gcd(b.numerator, a.denominator);
  return exponentOf(
    (a.numerator / left) * (b.numerator / right),
    (a.denominator / right) * (b.denominator / left),
  );
}

function plus(a: Exponent, b: Exponent): Exponent {
  return exponentOf(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

const ONE: Exponent = { numerator: 1, denominator: 1 };

/** The expression as a product of powers, in order of first appearance. */
function collectPowers(node: UnitNode, power: Exponent, into: Map<string, Exponent>, dialect: UnitDialect) {
  switch (node.kind) {
    case 'symbol':
      add(into, node.symbol, power);
      return;
    case 'power':
      collectPowers(node.base, times(power, node.exponent), into, dialect);
      return;
    case 'product':
      for (const factor of node.factors) {
        const sign = factor.divide ? { numerator: -power.numerator, denominator: power.denominator } : power;
        collectPowers(factor.node, sign, into, dialect);
      }
      return;
    case 'function':
      add(into, `${node.name}(${renderPowers(powersOf(node.argument, dialect), dialect)})`, power);
      return;
  }
}

function add(into: Map<string, Exponent>, key: string, power: Exponent): void {
  const before = into.get(key);
  into.set(key, before ? plus(before, power) : power);
}

function powersOf(node: UnitNode, dialect: UnitDialect): Map<string, Exponent> {
  const powers = new Map<string, Exponent>();
  collectPowers(node, ONE, powers, dialect);
  return powers;
}

function renderPowers(powers: Map<string, Exponent>, dialect: UnitDialect): string {
  const parts: string[] = [];
  for (const [symbol, { numerator, denominator }] of powers) {
    if (numerator === 0) continue;
    const whole = denominator === 1;
    let power = '';
    if (dialect === 'fits') {
      if (!whole) power = `(${numerator}/${denominator})`;
      else if (numerator !== 1) power = String(numerator);
    } else if (!whole) power = `**(${numerator}/${denominator})`;
    else if (numerator !== 1) power = `**${numerator}`;
    parts.push(symbol + power);
  }
  return parts.join(dialect === 'fits' ? ' ' : '.');
}

/** Parses a unit string; see the header comment for the grammar and the result. Never throws. */
export function parseUnit(text: string, options: ParseUnitOptions = {}): UnitParseResult {
  const dialect: UnitDialect = options.dialect === 'vounit' ? 'vounit' : 'fits';
  if (typeof text !== 'string') return { ok: false, error: 'the unit is not a string', column: 1 };
  // Trailing blanks are not significant in a FITS string value.
  const trimmed = text.replace(/ +$/, '');
  const dimensionless = { scale: null, expression: null, canonical: '' };
  if (trimmed.trim() === '') return { ok: true, unit: dimensionless, unknown: [], deprecated: [] };
  const parser = new Parser(trimmed, dialect);
  try {
    const unit = parser.parseInput();
    const product = unit.expression ? renderPowers(powersOf(unit.expression, dialect), dialect) : '';
    const scale = unit.scale ? (dialect === 'fits' ? fitsScale(unit.scale) : unit.scale.text) : '';
    unit.canonical = dialect === 'fits' ? [scale, product].filter(Boolean).join(' ') : scale + product;
    return { ok: true, unit, unknown: [...parser.unknown], deprecated: parser.deprecated };
  } catch (error) {
    if (error instanceof UnitSyntaxError) return { ok: false, error: error.message, column: error.column };
    // A RangeError here would be a bug in the depth bound; report it rather than throw.
    return { ok: false, error: `internal error: ${(error as Error).message}`, column: 1 };
  }
}

function fitsScale(scale: UnitScale): string {
  return `10**${scale.powerOfTen ?? Math.round(Math.log10(scale.value))}`;
}

/**
 * The text with each deprecated spelling replaced by its standard form, when every replacement is a
 * plain symbol (or `1/` → `/`); undefined when some replacement needs rewriting the expression.
 */
export function withStandardSpellings(text: string, deprecated: DeprecatedSymbol[]): string | undefined {
  let result = text;
  const rightToLeft = [...deprecated].sort((a, b) => b.column - a.column);
  for (const entry of rightToLeft) {
    if (!/^([A-Za-z%]+|\/)$/.test(entry.standard)) return undefined;
    const at = entry.column - 1;
    if (result.slice(at, at + entry.written.length) !== entry.written) return undefined;
    result = result.slice(0, at) + entry.standard + result.slice(at + entry.written.length);
  }
  return result;
}
