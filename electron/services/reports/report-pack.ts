import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zip, type Zippable } from 'fflate';
import { TablePlaceholder } from './xml-table.ts';

// Packing a report into its .docx file: the docx library packs the document,
// then, in one pass over the package, each table placeholder gives way to its
// table (xml-table.ts) and the partnership goes in as the file's Company
// property, which the library cannot set. The package is compressed off the
// main thread (fflate's workers): a national report's document is over
// 100 MB of XML, seconds of work that must not stall the app's progress
// messages.

const PLACEHOLDER = /<w:p><w:r><w:t xml:space="preserve">(DHR-TABLE-[0-9a-f-]{36})<\/w:t><\/w:r><\/w:p>/g;

/**
 * docProps/app.xml with the Company property set to `company`: Word keeps
 * the organisation there, and the docx library does not write it.
 */
export function withCompany(appXml: string, company: string): string {
  const escaped = company.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let xml = appXml.replace(/<Company>[\s\S]*?<\/Company>|<Company\/>/g, '');
  // An empty element is written self-closed: open it up first.
  xml = xml.replace(/<Properties([^>]*?)\s*\/>\s*$/, '<Properties$1></Properties>');
  return xml.replace(/<\/Properties>\s*$/, `<Company>${escaped}</Company></Properties>`);
}

const zipAsync = (files: Zippable) => new Promise<Uint8Array>((resolve, reject) => zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))));

/**
 * Packs a document whose sections may hold table placeholders, puts each
 * table in its placeholder's place and sets the Company property. Throws if a placeholder is not
 * where it should be, so a table can never silently drop out of a report.
 */
export async function packReport(options: ConstructorParameters<typeof Document>[0], company: string): Promise<Buffer> {
  // The library puts a section's break in its last paragraph: a section
  // ending in a table gets an empty paragraph after it to carry the break,
  // as Word itself does, so the placeholder stays a bare paragraph.
  const sections = options.sections.map((s) => (s.children.at(-1) instanceof TablePlaceholder ? { ...s, children: [...s.children, new Paragraph({})] } : s));
  const placeholders = sections.flatMap((s) => s.children).filter((c): c is TablePlaceholder => c instanceof TablePlaceholder);
  const packed = await Packer.toBuffer(new Document({ ...options, sections }));
  const files = unzipSync(new Uint8Array(packed));
  const tables = new Map(placeholders.map((p) => [p.marker, p.xml]));
  // One pass over the document, however many tables it has.
  const xml = strFromU8(files['word/document.xml']!).replace(PLACEHOLDER, (match, marker: string) => {
    const table = tables.get(marker);
    tables.delete(marker);
    return table ?? match;
  });
  // A table left out, or one put where placeholders are not looked for
  // (inside another table, a header), must stop the export, not show a marker.
  if (tables.size || xml.includes('DHR-TABLE-')) throw new Error('A table could not be placed in the document. Nothing was written.');
  files['word/document.xml'] = strToU8(xml);
  const app = files['docProps/app.xml'];
  if (app) files['docProps/app.xml'] = strToU8(withCompany(strFromU8(app), company));
  return Buffer.from(await zipAsync(files));
}
