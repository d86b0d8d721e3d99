// A small, forgiving XML scanner for the parts of a Word document: start and
// end tags with their namespaces resolved, and decoded text. It is not a
// validating parser: a stray "<" is read as text and a misnested end tag
// closes what it can, so a damaged part still gives up its words. Entity
// declarations are never expanded (no DOCTYPE tricks), so a hostile part
// cannot make it use more memory than the part itself.
// The work is linear in the part: an end tag finds its element through a
// count of the open elements of each name (not by searching the stack), no
// pattern can run past the next "<", and every step is charged to a
// ParseBudget, so a small hostile part (hundreds of thousands of stray end
// tags, deep nesting, an enormous attribute) is refused, not a hang.

import { ParseBudget } from '../../../shared/domain/parse-budget.ts';

/** Short names for the namespaces the anonymity guard reads, transitional and strict alike. */
const NAMESPACES = new Map<string, string>([
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'w'],
  ['http://purl.oclc.org/ooxml/wordprocessingml/main', 'w'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'a'],
  ['http://purl.oclc.org/ooxml/drawingml/main', 'a'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'm'],
  ['http://purl.oclc.org/ooxml/officeDocument/math', 'm'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'c'],
  ['http://purl.oclc.org/ooxml/drawingml/chart', 'c'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'r'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'r'],
]);
/** Prefixes used without being declared (hand-made or damaged parts) are taken at their usual meaning. */
const USUAL_PREFIXES = new Set(['w', 'a', 'm', 'c', 'r']);

export interface XmlElement {
  /** 'w', 'a', 'm', 'c' or 'r' for the namespaces above; otherwise the namespace URI, or '' for none */
  ns: string;
  /** The name without its prefix: "p", "t", "docPr" */
  local: string;
  /** Attribute values by local name (the last wins if two prefixes share one) */
  attrs: Map<string, string>;
}

export interface XmlVisitor {
  open?(element: XmlElement): void;
  /** Called for every element, including self-closing ones, after open */
  close?(element: XmlElement): void;
  text?(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, body: string) => {
    if (body[0] !== '#') return NAMED[body]!;
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** The text of an XML part: UTF-8 normally, UTF-16 when it starts with a byte order mark. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

// Names and attribute values never hold "<" (XML forbids it there), so a
// failed match can read no further than the next "<": a run of "<a<a<a…"
// costs as much as its length, not its length squared.
const TAG = /<(\/?)([^\s/>!?<]+)((?:\s+[^\s=/><]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=/><]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

interface Open {
  qname: string;
  element: XmlElement;
  prefixes: Map<string, string>;
}

/**
 * Walk an XML document, calling the visitor for each tag and each run of
 * text. Charges its work to `budget` (a fresh default one if none is given:
 * pass one budget to every part of a file to bound the whole file), and
 * throws ParseTooComplex when it runs out. Returns the budget.
 */
export function scanXml(xml: string, visitor: XmlVisitor, budget: ParseBudget = new ParseBudget()): ParseBudget {
  const stack: Open[] = [];
  /** How many elements of each name are open: an end tag matching none is skipped without a search */
  const openByName = new Map<string, number>();
  const rootPrefixes = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let prefixes = rootPrefixes;
  const len = xml.length;
  let i = 0;
  const emitText = (raw: string, decode: boolean) => {
    if (raw && visitor.text) visitor.text(decode ? decodeEntities(raw) : raw);
  };
  const closeTop = () => {
    budget.step();
    const top = stack.pop()!;
    const open = openByName.get(top.qname)!;
    if (open === 1) openByName.delete(top.qname);
    else openByName.set(top.qname, open - 1);
    prefixes = stack.length ? stack[stack.length - 1]!.prefixes : rootPrefixes;
    visitor.close?.(top.element);
  };
  while (i < len) {
    budget.step();
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      emitText(xml.slice(i), true);
      break;
    }
    if (lt > i) emitText(xml.slice(i, lt), true);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? len : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      emitText(xml.slice(lt + 9, end === -1 ? len : end), false);
      i = end === -1 ? len : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end === -1 ? len : end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      // A DOCTYPE, perhaps with an internal subset in [ ]: skipped, never expanded.
      // The "[" is looked for only before the first ">", so many "<!x>" cannot each search the whole part.
      const gt = xml.indexOf('>', lt);
      const within = xml.slice(lt, gt === -1 ? len : gt).indexOf('[');
      const subset = within !== -1;
      const end = subset ? xml.indexOf(']>', lt + within) : gt;
      i = end === -1 ? len : end + (subset ? 2 : 1);
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) {
      emitText('<', false);
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const [, slash, qname = '', attrText = '', selfClosing] = m;
    if (slash) {
      // Close the matching element, and any left open inside it; ignore an end tag that matches nothing.
      // Each element is closed once, so the closing costs no more than the opening did.
      if (openByName.has(qname)) {
        let top: Open | undefined;
        do {
          top = stack[stack.length - 1];
          closeTop();
        } while (top!.qname !== qname);
      }
      continue;
    }
    const attrs = new Map<string, string>();
    let scoped = prefixes;
    for (const a of attrText.matchAll(ATTR)) {
      budget.step();
      const name = a[1]!;
      const rawValue = a[2] ?? a[3] ?? '';
      budget.attribute(rawValue.length);
      const value = decodeEntities(rawValue);
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scoped === prefixes) {
          // Copying the prefixes in scope is work too: many declarations on many elements must not be free.
          budget.step(prefixes.size);
          scoped = new Map(prefixes);
        }
        scoped.set(name === 'xmlns' ? '' : name.slice(6), value);
        continue;
      }
      const colon = name.indexOf(':');
      attrs.set(colon === -1 ? name : name.slice(colon + 1), value);
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    const uri = scoped.get(prefix);
    const ns = uri !== undefined ? (NAMESPACES.get(uri) ?? uri) : USUAL_PREFIXES.has(prefix) ? prefix : '';
    const element: XmlElement = { ns, local, attrs };
    visitor.open?.(element);
    if (selfClosing) {
      visitor.close?.(element);
    } else {
      stack.push({ qname, element, prefixes: scoped });
      budget.depth(stack.length);
      openByName.set(qname, (openByName.get(qname) ?? 0) + 1);
      prefixes = scoped;
    }
  }
  while (stack.length) closeTop();
  return budget;
}
