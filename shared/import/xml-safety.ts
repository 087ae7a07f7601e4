/**
 * Guards for untrusted XML (ALTO, METS, PAGE, TEI) before and while it is parsed: no external entities, no
 * parameter entities, no entity that refers to another entity (billion laughs), bounded nesting and size.
 * RELIABILITY 3.1: refuse quickly with a clear message, never expand, never read a file.
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

/**
 * Checks the DOCTYPE contents reported by the parser and returns the entity map the parser may use.
 * Allowed: a DOCTYPE without internal subset, or an internal subset made only of a few internal general entities
 * whose value is one character reference or a short plain string (no `&`, `%`, `<`). Everything else is refused.
 */
export function entitiesFromDoctype(doctype: string, opts: XmlSafetyOptions = {}): Record<string, string> {
  // An external DTD subset (`<!DOCTYPE x SYSTEM "…">`) is never fetched; only the internal subset matters.
  const open = doctype.indexOf('[');
  if (open < 0) return {};
  const close = doctype.lastIndexOf(']');
  const subset = doctype.slice(open + 1, close < 0 ? undefined : close);
  const withoutComments = subset.replace(/<!--[\s\S]*?-->/g, ' ');
  const decls = withoutComments.match(/<![^>]*>/g) ?? [];
  const rest = withoutComments.replace(/<![^>]*>/g, '').trim();
  if (rest) throw new XmlRefusedError('The XML file has a document type definition Galley cannot check safely; it was not read.');
  if (decls.length > MAX_DECLARED_ENTITIES) {
    throw new XmlRefusedError(`The XML file declares ${decls.length} entities; Galley refuses files with more than ${MAX_DECLARED_ENTITIES} (possible "billion laughs" attack).`);
  }
  const out: Record<string, string> = {};
  for (const d of decls) {
    const compact = d.replace(/\s+/g, ' ');
    if (/^<!ENTITY\s+%/.test(compact)) throw new XmlRefusedError('The XML file declares a parameter entity; Galley refuses such files (possible entity attack). Nothing was read.');
    if (/\b(?:SYSTEM|PUBLIC)\b/.test(compact) && compact.startsWith('<!ENTITY')) {
      throw new XmlRefusedError('The XML file declares an external entity (a reference to another file or URL); Galley refuses such files and read nothing else.');
    }
    const m = ENTITY_DECL.exec(compact);
    if (!m) throw new XmlRefusedError(`The XML file has a declaration Galley does not accept: ${compact.slice(0, 80)}`);
    const name = m[1];
    const raw = m[2] ?? m[3] ?? '';
    const char = decodeCharRef(raw);
    if (char === undefined && (/[&%<]/.test(raw) || raw.length > MAX_ENTITY_VALUE)) {
      throw new XmlRefusedError(`The XML file declares the entity "${name}" with a value that refers to other entities or is long; Galley refuses it (possible "billion laughs" attack).`);
    }
    out[name] = opts.entityReplacements?.[name] ?? char ?? raw;
  }
  return out;
}

/** Fast pre-check on the raw text, before any parsing, for size. */
export function checkXmlSize(text: string): void {
  if (text.length > MAX_XML_CHARS) {
    throw new XmlRefusedError(`The XML file is too large (${Math.round(text.length / 1048576)} M characters; the limit is ${MAX_XML_CHARS / 1048576} M).`);
  }
}
