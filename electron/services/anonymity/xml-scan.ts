// A small, forgiving XML scanner for the parts of a Word document: start and
// end tags with their namespaces resolved, and decoded text. It is not a
// validating parser: a stray "<" is read as text and a misnested end tag
// closes what it can, so a damaged part still gives up its words. Entity
// declarations are never expanded (no DOCTYPE tricks), so a hostile part
// cannot make it use more memory than the part itself.

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

const TAG = /<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

interface Open {
  qname: string;
  element: XmlElement;
  prefixes: Map<string, string>;
}

/** Walk an XML document, calling the visitor for each tag and each run of text. */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const stack: Open[] = [];
  const rootPrefixes = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let prefixes = rootPrefixes;
  const len = xml.length;
  let i = 0;
  const emitText = (raw: string, decode: boolean) => {
    if (raw && visitor.text) visitor.text(decode ? decodeEntities(raw) : raw);
  };
  const closeTop = () => {
    const top = stack.pop()!;
    prefixes = stack.length ? stack[stack.length - 1]!.prefixes : rootPrefixes;
    visitor.close?.(top.element);
  };
  while (i < len) {
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
      const bracket = xml.indexOf('[', lt);
      const gt = xml.indexOf('>', lt);
      const end = bracket !== -1 && (gt === -1 || bracket < gt) ? xml.indexOf(']>', bracket) : gt;
      i = end === -1 ? len : end + (end === gt ? 1 : 2);
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
      const at = stack.map((o) => o.qname).lastIndexOf(qname);
      if (at !== -1) while (stack.length > at) closeTop();
      continue;
    }
    const attrs = new Map<string, string>();
    let scoped = prefixes;
    for (const a of attrText.matchAll(ATTR)) {
      const name = a[1]!;
      const value = decodeEntities(a[2] ?? a[3] ?? '');
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scoped === prefixes) scoped = new Map(prefixes);
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
      prefixes = scoped;
    }
  }
  while (stack.length) closeTop();
}
