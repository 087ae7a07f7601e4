/**
 * Guards for untrusted XML (ALTO, METS, PAGE, TEI) before and while it is parsed: no external entities, no
 * parameter entities, no entity that refers to another entity (billion laughs), bounded nesting and size.
 * Bad input: refuse quickly with a clear message, never expand, never read a file.
 */

/** Thrown for XML that Galley refuses to read; `message` is meant for the user. */
export class XmlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlRefusedError';
  }
}

/** Real ALTO/PAGE/METS nest 8–20 deep; anything far beyond is an attack or a broken file. */
export const MAX_XML_DEPTH = 256;
/** V8 strings cap near 2^29 code units; refuse well before that with a message instead of a crash. */
export const MAX_XML_CHARS = 256 * 1024 * 1024;
const MAX_DECLARED_ENTITIES = 16;
const MAX_ENTITY_VALUE = 16;

export interface XmlSafetyOptions {
  /**
   * Replacement text for declared internal entities, by name, used instead of the declared value (e.g. ECPO's
   * `&gaiji;` for a character outside Unicode → U+3013 GETA MARK). Undeclared names here are ignored.
   */
  entityReplacements?: Readonly<Record<string, string>>;
}

const ENTITY_DECL = /^<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>$/;
const CHAR_REF = /^&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));$/;

function decodeCharRef(value: string): string | undefined {
  const m = CHAR_REF.exec(value);
  if (!m) return undefined;
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0) return undefined;
  return String.fromCodePoint(cp);
}

/** The five entities XML predefines, and the character each must stand for (XML 1.0 §4.6). */
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/**
 * The markup declarations and the rest of an internal subset, quoted literals and comments respected: a `>` or
 * `]` inside an entity value does not end its declaration. Null when a literal or a comment is not closed.
 */
function splitSubset(subset: string): { decls: string[]; rest: string } | null {
  const decls: string[] = [];
  let rest = '';
  let i = 0;
  while (i < subset.length) {
    if (subset.startsWith('<!--', i)) {
      const end = subset.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (subset.startsWith('<!', i)) {
      let j = i + 2;
      while (j < subset.length && subset[j] !== '>') {
        const c = subset[j];
        if (c === '"' || c === "'") {
          const close = subset.indexOf(c, j + 1);
          if (close < 0) return null;
          j = close;
        }
        j++;
      }
      if (j >= subset.length) return null;
      decls.push(subset.slice(i, j + 1));
      i = j + 1;
    } else {
      rest += subset[i];
      i++;
    }
  }
  return { decls, rest };
}

/** The internal subset of a DOCTYPE (as saxes reports it: the text between `<!DOCTYPE` and its final `>`). */
function internalSubset(doctype: string): string | undefined {
  // Before the `[` only the name and an external id (quoted literals, which hold no `[` that matters) can come.
  let i = 0;
  while (i < doctype.length && doctype[i] !== '[') {
    const c = doctype[i];
    if (c === '"' || c === "'") {
      const close = doctype.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close;
    }
    i++;
  }
  if (i >= doctype.length) return undefined;
  const close = doctype.lastIndexOf(']');
  return doctype.slice(i + 1, close < i ? undefined : close);
}

/**
 * Checks the DOCTYPE contents reported by the parser and returns the entity map the parser may use.
 * Allowed: a DOCTYPE without internal subset, or an internal subset made only of a few internal general entities
 * whose value is one character reference or a short plain string (no `&`, `%`, `<`). The predefined entities
 * (`lt`, `amp`…) may be declared only as what they already are: a file that redefines `&lt;` would change what
 * its text says. Everything else is refused.
 */
export function entitiesFromDoctype(doctype: string, opts: XmlSafetyOptions = {}): Record<string, string> {
  // An external DTD subset (`<!DOCTYPE x SYSTEM "…">`) is never fetched; only the internal subset matters.
  const subset = internalSubset(doctype);
  if (subset === undefined) return {};
  const split = splitSubset(subset);
  if (!split || split.rest.trim())
    throw new XmlRefusedError(
      'The XML file has a document type definition Galley cannot check safely; it was not read.',
    );
  const { decls } = split;
  if (decls.length > MAX_DECLARED_ENTITIES) {
    throw new XmlRefusedError(
      `The XML file declares ${decls.length} entities; Galley refuses files with more than ${MAX_DECLARED_ENTITIES} (possible "billion laughs" attack).`,
    );
  }
  const out: Record<string, string> = {};
  for (const d of decls) {
    const compact = d.replace(/\s+/g, ' ');
    if (/^<!ENTITY\s+%/.test(compact))
      throw new XmlRefusedError(
        'The XML file declares a parameter entity; Galley refuses such files (possible entity attack). Nothing was read.',
      );
    if (/\b(?:SYSTEM|PUBLIC)\b/.test(compact) && compact.startsWith('<!ENTITY')) {
      throw new XmlRefusedError(
        'The XML file declares an external entity (a reference to another file or URL); Galley refuses such files and read nothing else.',
      );
    }
    const m = ENTITY_DECL.exec(compact);
    if (!m) throw new XmlRefusedError(`The XML file has a declaration Galley does not accept: ${compact.slice(0, 80)}`);
    const name = m[1];
    const raw = m[2] ?? m[3] ?? '';
    if (Object.prototype.hasOwnProperty.call(PREDEFINED, name)) {
      // XML 1.0 §4.6: declared, they must stand for themselves (`&#60;` or the doubly escaped `&#38;#60;`).
      const char =
        decodeCharRef(raw) ??
        decodeCharRef(raw.replace(/^&#38;/, '&')) ??
        (raw === PREDEFINED[name] && name !== 'lt' && name !== 'amp' ? raw : undefined);
      if (char !== PREDEFINED[name]) {
        throw new XmlRefusedError(
          `The XML file redefines the predefined entity &${name}; as "${raw.slice(0, 20)}"; Galley refuses it, since the text would not say what the file says. Remove the declaration and import again.`,
        );
      }
      continue; // the parser's own definition stays
    }
    const char = decodeCharRef(raw);
    if (char === undefined && (/[&%<]/.test(raw) || raw.length > MAX_ENTITY_VALUE)) {
      throw new XmlRefusedError(
        `The XML file declares the entity "${name}" with a value that refers to other entities or is long; Galley refuses it (possible "billion laughs" attack).`,
      );
    }
    out[name] = opts.entityReplacements?.[name] ?? char ?? raw;
  }
  return out;
}

/** Fast pre-check on the raw text, before any parsing, for size. */
export function checkXmlSize(text: string): void {
  if (text.length > MAX_XML_CHARS) {
    throw new XmlRefusedError(
      `The XML file is too large (${Math.round(text.length / 1048576)} M characters; the limit is ${MAX_XML_CHARS / 1048576} M).`,
    );
  }
}
