import { unzipSync } from 'fflate';
import { ParseBudget, ParseTooComplex, tooComplexMessage } from '../../../shared/domain/parse-budget.ts';
import { AppError } from '../../../shared/ipc/errors.ts';
import { decodeXmlBytes, scanXml, type XmlElement } from './xml-scan.ts';

// The words of a Word document (.docx), each with where it is, for the
// anonymity guard. A .docx is a zip of XML parts; words can hide in many of
// them, so every part that can hold text is read:
// - word/document.xml: body paragraphs ("Body, paragraph 12") and table
//   cells ("Table 2, row 3, column 1"); text boxes ("Text box in Body,
//   paragraph 4"); alt text of pictures; link addresses; field codes;
// - word/header*.xml ("Header") and word/footer*.xml ("Footer");
// - word/footnotes.xml ("Footnote 1"), word/endnotes.xml ("Endnote 1"),
//   word/comments.xml ("Comment by <author>");
// - docProps/core.xml, app.xml and custom.xml ("Document property: Title");
// - document variables in word/settings.xml, chart and SmartArt text,
//   building blocks (word/glossary) and custom XML data.
// The text of a paragraph is joined across its runs, so a name split by
// formatting is found whole. Tracked changes are read both ways: the
// paragraph as it now reads (insertions in, deletions out), and as it read
// before (w:delText and moved-away text in, insertions out), as deleted text
// is still in the file ("Body, paragraph 4 (tracked deletion)"). w:tab, w:br and w:cr become spaces, w:softHyphen is
// dropped and w:noBreakHyphen becomes "-".
// Not read: pictures (text drawn in an image) and embedded files such as
// spreadsheets (word/embeddings).

export interface DocxTextSegment {
  location: string;
  text: string;
  /**
   * Set on a paragraph's text as it was before tracked changes (deletions
   * put back, insertions taken out): only matches touching these ranges of
   * deleted text are news, as the rest is in the paragraph's own segment.
   */
  deleted?: Array<[number, number]>;
}

/** Most the parts read may unpack to, in total: a guard against zip bombs. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Most entries a document's zip may hold. Word documents have tens; a thousand pictures is generous. */
export const MAX_ZIP_ENTRIES = 5000;

/** The parts that can hold words, plus the few whose presence says what a non-Word zip is. */
const TEXT_PARTS =
  /^(word\/(document|settings|footnotes|endnotes|comments)\.xml|word\/(header|footer)\d*\.xml|word\/_rels\/[^/]+\.rels|word\/charts\/chart\d*\.xml|word\/diagrams\/data\d*\.xml|word\/glossary\/document\.xml|docprops\/(core|app|custom)\.xml|customxml\/item\d+\.xml)$/;

class TooBig extends Error {}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function notWord(label: string, why: string): AppError {
  return new AppError('INVALID_INPUT', `${label} is not a Word document (.docx)${why}`);
}

function damaged(label: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `${label} is damaged and cannot be read: it is not a complete Word document (.docx). Open it in Word (or LibreOffice) and save it again as a .docx, then check the new copy.`,
  );
}

/** Unpack the parts that can hold words, refusing anything that is not a sound .docx. Keys are lower case. */
function unpackDocx(bytes: Uint8Array, label: string): Map<string, Uint8Array> {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length === 0) throw notWord(label, ': it is empty.');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw notWord(
      label,
      ': it is an older Word document (.doc) or a password-protected file. Open it in Word, remove any password and save it as a Word Document (.docx), then check that copy.',
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) throw notWord(label, ': it is a PDF. Check the Word document the PDF was made from.');
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) throw notWord(label, ': it is a Rich Text (.rtf) file. Save it from Word as a Word Document (.docx), then check that copy.');
  if (!starts(0x50, 0x4b)) throw notWord(label, '. Choose a .docx file saved by Word, LibreOffice or Google Docs.');

  const seen = new Set<string>();
  let entries = 0;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries > MAX_ZIP_ENTRIES) throw new TooBig(`it holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en-GB')} files`);
        const name = file.name.toLowerCase();
        seen.add(name);
        if (!TEXT_PARTS.test(name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new TooBig(`its text would unpack to more than ${mb(MAX_UNPACKED_BYTES)}`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof TooBig) {
      throw new AppError('INVALID_INPUT', `${label} cannot be checked: ${error.message}, far more than any Word document, so it may be a damaged or deliberately malformed file.`);
    }
    throw damaged(label);
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.toLowerCase(), data);
  if (!parts.has('word/document.xml')) {
    if (seen.has('xl/workbook.xml')) throw notWord(label, ': it is an Excel workbook.');
    if (seen.has('ppt/presentation.xml')) throw notWord(label, ': it is a PowerPoint presentation.');
    if (seen.has('mimetype') && seen.has('content.xml')) throw notWord(label, ': it is an OpenDocument file (.odt). Save it as a Word Document (.docx), then check that copy.');
    throw notWord(label, ': it is a zip file with no Word document inside.');
  }
  return parts;
}

/** Relationship id → target, from a part's .rels. */
interface Relationship {
  target: string;
  external: boolean;
}

function readRels(xml: Uint8Array | undefined, budget: ParseBudget): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!xml) return rels;
  scanXml(decodeXmlBytes(xml), {
    open(el) {
      if (el.local !== 'Relationship') return;
      const id = el.attrs.get('Id');
      const target = el.attrs.get('Target');
      if (id && target) rels.set(id, { target, external: el.attrs.get('TargetMode') === 'External' });
    },
  }, budget);
  return rels;
}

function linkText(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

const isW = (el: XmlElement, ...locals: string[]) => el.ns === 'w' && locals.includes(el.local);
const NOT_A_NOTE = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

interface StoryOptions {
  /** 'body' for word/document.xml (numbered paragraphs and tables); otherwise a part read under one label */
  kind: 'body' | 'part' | 'footnotes' | 'endnotes' | 'comments';
  /** "Header", "Footer", "Chart 1"; for notes and comments, each note gets its own label */
  label: string;
  rels: Map<string, Relationship>;
  /** Shared by every part of the file, so the whole file is bounded */
  budget: ParseBudget;
}

/**
 * The paragraphs of a "story": the body, a header or footer, the notes or
 * the comments. Paragraphs inside a paragraph (text boxes) are their own
 * segments, located by the paragraph they are anchored in.
 */
function storyText(xml: string, options: StoryOptions, out: DocxTextSegment[]): void {
  interface Para {
    location: string;
    /** As it reads now, tracked changes accepted */
    text: string;
    /** As it read before, tracked changes rejected, with where the deleted text is */
    before: string;
    deleted: Array<[number, number]>;
    codes: string;
  }
  type Frame = 'para' | 'table' | 'cell' | 'note' | 'text' | 'code' | 'value' | 'props' | 'inserted' | 'deleted' | 'other';
  const paras: Para[] = [];
  const frames: Frame[] = [];
  const tables: Array<{ n: number; row: number; column: number }> = [];
  const tableCounts: number[] = [0];
  const usedRels = new Set<string>();
  let bodyParagraphs = 0;
  let notes = 0;
  let noteLabel: string | null = null;
  let collecting: 'text' | 'code' | 'value' | null = null;
  let value = '';
  let props = 0;
  /** Inside tracked insertions (w:ins, w:moveTo) and deletions (w:del, w:moveFrom, w:delText) */
  let inserted = 0;
  let deleted = 0;

  const partLabel = () => noteLabel ?? options.label;
  const here = () => (paras.length ? paras[paras.length - 1]!.location : tables.length ? tablePath() : options.kind === 'body' ? 'Body' : partLabel());
  const tablePath = () => {
    const path = tables.map((t, i) => `${i === 0 ? 'table' : 'nested table'} ${t.n}, row ${t.row}, column ${t.column}`).join(', ');
    return options.kind === 'body' ? path[0]!.toUpperCase() + path.slice(1) : `${partLabel()}, ${path}`;
  };
  const newLocation = () => {
    if (paras.length) {
      const outer = paras[paras.length - 1]!.location;
      return outer.startsWith('Text box in ') ? outer : `Text box in ${outer}`;
    }
    if (tables.length) return tablePath();
    return options.kind === 'body' ? `Body, paragraph ${++bodyParagraphs}` : partLabel();
  };
  const append = (text: string) => {
    const para = paras[paras.length - 1];
    if (!para) {
      if (/\S/.test(text)) out.push({ location: here(), text });
    } else if (deleted > 0) {
      para.deleted.push([para.before.length, para.before.length + text.length]);
      para.before += text;
    } else if (inserted > 0) {
      para.text += text;
    } else {
      para.text += text;
      para.before += text;
    }
  };
  const emit = (location: string, text: string) => {
    if (/\S/.test(text)) out.push({ location, text });
  };

  scanXml(xml, {
    open(el) {
      let frame: Frame = 'other';
      if ((el.ns === 'w' || el.ns === 'a') && el.local === 'p') {
        paras.push({ location: newLocation(), text: '', before: '', deleted: [], codes: '' });
        frame = 'para';
      } else if (props > 0) {
        frame = 'props';
      } else if (isW(el, 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'tblGrid')) {
        frame = 'props';
      } else if (isW(el, 'ins', 'moveTo')) {
        inserted++;
        frame = 'inserted';
      } else if (isW(el, 'del', 'moveFrom')) {
        deleted++;
        frame = 'deleted';
      } else if (isW(el, 'delText')) {
        deleted++;
        collecting = 'text';
        frame = 'deleted';
      } else if (isW(el, 't') || (el.ns === 'm' && el.local === 't') || (el.ns === 'a' && el.local === 't')) {
        collecting = 'text';
        frame = 'text';
      } else if (isW(el, 'instrText', 'delInstrText')) {
        collecting = 'code';
        frame = 'code';
      } else if (el.ns === 'c' && el.local === 'v') {
        collecting = 'value';
        value = '';
        frame = 'value';
      } else if (isW(el, 'tab', 'ptab', 'br', 'cr') || (el.ns === 'a' && el.local === 'br')) {
        append(' ');
      } else if (isW(el, 'noBreakHyphen')) {
        append('-');
      } else if (isW(el, 'tbl') && !paras.length) {
        // Tables inside text boxes are located by their text box, so they are not counted here.
        tableCounts[tableCounts.length - 1]!++;
        tables.push({ n: tableCounts[tableCounts.length - 1]!, row: 0, column: 0 });
        frame = 'table';
      } else if (isW(el, 'tr') && !paras.length && tables.length) {
        const t = tables[tables.length - 1]!;
        t.row++;
        t.column = 0;
      } else if (isW(el, 'tc') && !paras.length && tables.length) {
        tables[tables.length - 1]!.column++;
        tableCounts.push(0);
        frame = 'cell';
      } else if (isW(el, 'footnote', 'endnote') && (options.kind === 'footnotes' || options.kind === 'endnotes')) {
        const type = el.attrs.get('type');
        noteLabel = type && NOT_A_NOTE.has(type) ? null : `${el.local === 'footnote' ? 'Footnote' : 'Endnote'} ${++notes}`;
        frame = 'note';
      } else if (isW(el, 'comment') && options.kind === 'comments') {
        noteLabel = `Comment by ${el.attrs.get('author')?.trim() || 'an unnamed author'}`;
        frame = 'note';
      } else if (isW(el, 'fldSimple')) {
        const code = el.attrs.get('instr');
        if (code) emit(`${here()} (field code)`, code);
      } else if (isW(el, 'hyperlink')) {
        const id = el.attrs.get('id');
        const rel = id ? options.rels.get(id) : undefined;
        if (id && rel) {
          usedRels.add(id);
          emit(`Link address in ${here()}`, linkText(rel.target));
        }
      } else if (el.local === 'docPr' || el.local === 'cNvPr') {
        // A picture's alt text and title.
        for (const attr of ['descr', 'title']) {
          const text = el.attrs.get(attr);
          if (text) emit(`Picture description in ${here()}`, text);
        }
      }
      if (frame === 'props') props++;
      frames.push(frame);
    },
    close() {
      const frame = frames.pop();
      switch (frame) {
        case 'para': {
          const para = paras.pop()!;
          emit(para.location, para.text);
          if (para.deleted.some(([from, to]) => /\S/.test(para.before.slice(from, to)))) {
            out.push({ location: `${para.location} (tracked deletion)`, text: para.before, deleted: para.deleted });
          }
          emit(`${para.location} (field code)`, para.codes);
          break;
        }
        case 'inserted':
          inserted--;
          break;
        case 'deleted':
          deleted--;
          collecting = null;
          break;
        case 'props':
          props--;
          break;
        case 'text':
        case 'code':
          collecting = null;
          break;
        case 'value':
          collecting = null;
          emit(here(), value);
          break;
        case 'table':
          tables.pop();
          break;
        case 'cell':
          tableCounts.pop();
          break;
        case 'note':
          noteLabel = null;
          break;
      }
    },
    text(text) {
      if (collecting === 'text') append(text);
      else if (collecting === 'code') {
        const para = paras[paras.length - 1];
        if (para) para.codes += text;
        else emit(`${here()} (field code)`, text);
      } else if (collecting === 'value') value += text;
    },
  }, options.budget);
  // Link addresses not reached through the text (a link on a picture, say) are still in the file.
  for (const [id, rel] of options.rels) {
    if (rel.external && !usedRels.has(id)) emit(`Link address in ${options.kind === 'body' ? 'Body' : options.label}`, linkText(rel.target));
  }
}

const CORE_PROPERTIES: Record<string, string> = {
  title: 'Title',
  subject: 'Subject',
  creator: 'Author',
  keywords: 'Keywords',
  description: 'Comments',
  lastModifiedBy: 'Last modified by',
  category: 'Category',
  contentStatus: 'Status',
  identifier: 'Identifier',
  language: 'Language',
  version: 'Version',
  revision: 'Revision',
  created: 'Created',
  modified: 'Modified',
  lastPrinted: 'Last printed',
};
const APP_PROPERTIES: Record<string, string> = {
  Company: 'Company',
  Manager: 'Manager',
  HyperlinkBase: 'Hyperlink base',
  TitlesOfParts: 'Titles of parts',
  HyperlinksList: 'Hyperlinks',
  Template: 'Template',
};

/**
 * Document properties: each child of the root is one property (for
 * custom.xml, named by its name attribute); each piece of text in it is a
 * segment "Document property: <name>".
 */
function propertyText(xml: string, name: (el: XmlElement) => string, out: DocxTextSegment[], budget: ParseBudget): void {
  let depth = 0;
  let property = '';
  let text = '';
  scanXml(xml, {
    open(el) {
      depth++;
      if (depth === 2) property = name(el);
      text = '';
    },
    close() {
      if (depth >= 2 && /\S/.test(text)) out.push({ location: `Document property: ${property}`, text });
      text = '';
      depth--;
    },
    text(t) {
      if (depth >= 2) text += t;
    },
  }, budget);
}

function settingsText(xml: string, out: DocxTextSegment[], budget: ParseBudget): void {
  scanXml(xml, {
    open(el) {
      if (!isW(el, 'docVar')) return;
      const value = el.attrs.get('val');
      if (value && /\S/.test(value)) out.push({ location: `Document variable: ${el.attrs.get('name') ?? 'unnamed'}`, text: value });
    },
  }, budget);
}

function allText(xml: string, location: string, out: DocxTextSegment[], budget: ParseBudget): void {
  scanXml(xml, {
    text(t) {
      if (/\S/.test(t)) out.push({ location, text: t });
    },
  }, budget);
}

/** Numbered parts (header1.xml, header2.xml, header10.xml) in their number order. */
function numbered(parts: Map<string, Uint8Array>, pattern: RegExp): Array<[string, number]> {
  return [...parts.keys()]
    .map((name) => [name, pattern.exec(name)] as const)
    .filter((entry): entry is readonly [string, RegExpExecArray] => entry[1] !== null)
    .map(([name, m]): [string, number] => [name, m[1] ? Number(m[1]) : 0])
    .sort((a, b) => a[1] - b[1]);
}

/**
 * Every piece of text in a .docx with where it is. Throws AppError
 * INVALID_INPUT, naming `label`, for anything that is not a readable .docx.
 * Identical segments (the same text box written twice, as Word does for
 * older readers) are kept once.
 */
export function extractDocxText(bytes: Uint8Array, label = 'The document', budget: ParseBudget = new ParseBudget()): DocxTextSegment[] {
  const parts = unpackDocx(bytes, label);
  try {
    return readDocxParts(parts, budget);
  } catch (error) {
    if (error instanceof ParseTooComplex) throw new AppError('INVALID_INPUT', tooComplexMessage(label, error, 'Word document'));
    throw error;
  }
}

function readDocxParts(parts: Map<string, Uint8Array>, budget: ParseBudget): DocxTextSegment[] {
  const text = (name: string) => decodeXmlBytes(parts.get(name)!);
  const rels = (name: string) => readRels(parts.get(name.replace(/([^/]+)$/, '_rels/$1.rels')), budget);
  const out: DocxTextSegment[] = [];
  const story = (name: string, kind: StoryOptions['kind'], storyLabel: string) => storyText(text(name), { kind, label: storyLabel, rels: rels(name), budget }, out);

  story('word/document.xml', 'body', 'Body');
  for (const [name] of numbered(parts, /^word\/header(\d*)\.xml$/)) story(name, 'part', 'Header');
  for (const [name] of numbered(parts, /^word\/footer(\d*)\.xml$/)) story(name, 'part', 'Footer');
  if (parts.has('word/footnotes.xml')) story('word/footnotes.xml', 'footnotes', 'Footnote');
  if (parts.has('word/endnotes.xml')) story('word/endnotes.xml', 'endnotes', 'Endnote');
  if (parts.has('word/comments.xml')) story('word/comments.xml', 'comments', 'Comment');
  for (const [name, n] of numbered(parts, /^word\/charts\/chart(\d*)\.xml$/)) story(name, 'part', `Chart ${n || 1}`);
  for (const [name, n] of numbered(parts, /^word\/diagrams\/data(\d*)\.xml$/)) story(name, 'part', `Diagram ${n || 1}`);
  if (parts.has('word/glossary/document.xml')) story('word/glossary/document.xml', 'part', 'Building blocks');
  if (parts.has('docprops/core.xml')) propertyText(text('docprops/core.xml'), (el) => CORE_PROPERTIES[el.local] ?? el.local, out, budget);
  if (parts.has('docprops/app.xml')) propertyText(text('docprops/app.xml'), (el) => APP_PROPERTIES[el.local] ?? el.local, out, budget);
  if (parts.has('docprops/custom.xml')) propertyText(text('docprops/custom.xml'), (el) => el.attrs.get('name') ?? el.local, out, budget);
  if (parts.has('word/settings.xml')) settingsText(text('word/settings.xml'), out, budget);
  for (const [name] of numbered(parts, /^customxml\/item(\d+)\.xml$/)) allText(text(name), 'Custom XML data', out, budget);

  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.location}\u0000${s.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
