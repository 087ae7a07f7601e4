import { SaxesParser, type SaxesTagNS } from 'saxes';
import { checkXmlSize, entitiesFromDoctype, MAX_XML_DEPTH, XmlRefusedError, type XmlSafetyOptions } from './xml-safety';

/**
 * A small in-memory element tree built with saxes (strict, namespace-aware, streaming, document order kept).
 * Names are local names (`alto:String` → `String`); `ns` keeps the namespace URI for format detection.
 */
export interface XmlElement {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
}
export type XmlNode = XmlElement | string;

/** Malformed XML: message with line and column, for the user. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

export function parseXml(text: string, opts: XmlSafetyOptions = {}): XmlElement {
  checkXmlSize(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#document', ns: '', attrs: {}, children: [] };
  let current = root;
  let depth = 0;
  let failure: Error | undefined;
  parser.on('doctype', (dt) => {
    Object.assign(parser.ENTITIES, entitiesFromDoctype(dt, opts));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth > MAX_XML_DEPTH) {
      throw new XmlRefusedError(
        `The XML file nests elements more than ${MAX_XML_DEPTH} deep (line ${parser.line}); Galley refuses it as broken or hostile.`,
      );
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      // Keep the local name; `xlink:href` and `xml:id` stay reachable under their prefixed name as well.
      attrs[a.local] = a.value;
      if (a.prefix) attrs[`${a.prefix}:${a.local}`] = a.value;
    }
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], parent: current };
    current.children.push(el);
    current = el;
  });
  parser.on('closetag', () => {
    depth--;
    if (current.parent) current = current.parent;
  });
  const onText = (t: string) => {
    const last = current.children[current.children.length - 1];
    if (typeof last === 'string') current.children[current.children.length - 1] = last + t;
    else current.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (e) => {
    failure ??= e;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XmlRefusedError) throw e;
    failure ??= e as Error;
  }
  if (failure) {
    const msg = failure.message;
    if (/undefined entity|unknown entity/i.test(msg)) {
      throw new XmlRefusedError(
        `The XML file uses an entity that is not declared or not allowed (${msg}); Galley expands no entities.`,
      );
    }
    throw new XmlSyntaxError(`The XML file is not well-formed: ${msg}`);
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlSyntaxError('The XML file has no root element.');
  return top;
}

/** Child elements of `el`, optionally only those with the given local name(s). */
export function childElements(el: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (names.length === 0 || names.includes(c.name))) out.push(c);
  return out;
}

/** All descendant elements with the given local name, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function firstDescendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const d = firstDescendant(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Concatenated text content of an element, in document order. */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}
