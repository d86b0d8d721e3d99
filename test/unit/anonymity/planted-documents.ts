import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  SoftHyphen,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { requireTool } from '../../support/docx.ts';

// Word documents with the demo's real names planted in every part that can
// hold words, each paired with the hits the guard must report. Made three
// ways: with the docx package (as our exports are), by hand as raw XML the
// way other word processors write it, and by LibreOffice converting one.

export interface ExpectedHit {
  name: string;
  kind: 'full name' | 'surname';
  location: string;
}

/** Words that must never trigger: the demo's pseudonyms, and ordinary words that contain a surname. */
export const HARMLESS =
  "Hollie, Dean, Child 1, Hollie's mother, Ania, Marek, Child A, Friend 1, Nadia, Paul and Child D are pseudonyms. " +
  'A lumbar puncture in Lomaxton; pen and hallow; Castellaneta; the Stobbartson estate; Ashdown; Quarringtonshire.';

/** The document made with the docx package, and what it holds. */
export const DOCX_PACKAGE_HITS: ExpectedHit[] = [
  { name: 'Brenda Penhallow', kind: 'full name', location: 'Body, paragraph 2' },
  { name: 'Agnieszka Lumb', kind: 'full name', location: 'Body, paragraph 3' },
  { name: 'Rosalind Kittow-Ashdene', kind: 'full name', location: 'Body, paragraph 4' },
  { name: 'Stuart Mulcaster', kind: 'full name', location: 'Body, paragraph 5' },
  { name: 'Penhallow', kind: 'surname', location: 'Body, paragraph 6' },
  { name: 'Natalia Zdrojewska', kind: 'full name', location: 'Body, paragraph 7' },
  { name: 'Scarisbrick', kind: 'surname', location: 'Body, paragraph 8' },
  { name: 'Maisie Penhallow-Stobbart', kind: 'full name', location: 'Body, paragraph 10 (tracked deletion)' },
  { name: 'Kieran Stobbart', kind: 'full name', location: 'Table 1, row 2, column 2' },
  { name: 'Dorota Wielgoszewska', kind: 'full name', location: 'Text box in Body, paragraph 11' },
  { name: 'Joanna Penhallow', kind: 'full name', location: 'Header' },
  { name: 'Mulcaster', kind: 'surname', location: 'Footer' },
  { name: 'Oskar Zdrojewski', kind: 'full name', location: 'Footnote 1' },
  { name: 'Victor Ashdene', kind: 'full name', location: 'Comment by Panel secretary' },
  { name: 'Pawel Zdrojewski', kind: 'full name', location: 'Document property: Title' },
  { name: 'Quarrington', kind: 'surname', location: 'Document property: Keywords' },
  { name: 'Elspeth Quarrington', kind: 'full name', location: 'Document property: Family contact' },
];

/** A .docx made with the docx package, with a name in every part (see DOCX_PACKAGE_HITS). */
export async function docxPackageDocument(): Promise<Buffer> {
  const doc = new Document({
    title: 'Overview report: Pawel Zdrojewski',
    subject: 'Overview report',
    creator: 'Review chair',
    keywords: 'DHR; Quarrington; draft',
    description: 'Draft for the panel',
    customProperties: [
      { name: 'Family contact', value: 'Elspeth Quarrington' },
      { name: 'Status', value: 'Draft' },
    ],
    comments: {
      children: [{ id: 0, author: 'Panel secretary', initials: 'PS', date: new Date('2026-11-20T10:00:00Z'), children: [new Paragraph('Ask Victor Ashdene about the dates.')] }],
    },
    footnotes: { 1: { children: [new Paragraph('Oskar Zdrojewski told the review about the last weekend.')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Review into the death of Joanna Penhallow')] }) },
        footers: { default: new Footer({ children: [new Paragraph('Copy for H. Mulcaster only')] }) },
        children: [
          // 1
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Overview report' }),
          // 2: a name split across runs with different formatting
          new Paragraph({
            children: [
              new TextRun("Hollie's sister-in-law, "),
              new TextRun('Bren'),
              new TextRun({ text: 'da Pen', bold: true }),
              new TextRun({ text: 'hallow', italics: true, underline: {} }),
              new TextRun(', spoke to the panel.'),
            ],
          }),
          // 3: a possessive with a curly apostrophe, and a footnote
          new Paragraph({
            children: [new TextRun('The flat was Agnieszka Lumb\u2019s, near the hospital.'), new FootnoteReferenceRun(1)],
          }),
          // 4: a hyphenated name written with a space
          new Paragraph('Rosalind Kittow Ashdene moved to the village in 2012.'),
          // 5: a soft hyphen inside the name, commented on
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun({ children: ['Stuart Mul', new SoftHyphen(), 'caster worked away from home.'] }),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          // 6: upper case
          new Paragraph('A letter to MRS PENHALLOW was never sent.'),
          // 7: accents the register does not have
          new Paragraph('Natália Zdrojewská started school in September.'),
          // 8: broken across lines with a hyphen
          new Paragraph({ children: [new TextRun('The Scaris-'), new TextRun({ text: 'brick family', break: 1 })] }),
          // 9: pseudonyms and ordinary words only
          new Paragraph(HARMLESS),
          // 10: a tracked deletion, still in the file
          new Paragraph({
            children: [
              new TextRun('Her daughter '),
              new DeletedTextRun({ text: 'Maisie Penhallow-Stobbart', id: 1, author: 'Chair', date: '2026-11-20T10:00:00Z' }),
              new InsertedTextRun({ text: 'Child 1', id: 2, author: 'Chair', date: '2026-11-20T10:00:00Z' }),
              new TextRun(' was at school.'),
            ],
          }),
          // 11: a text box
          new Textbox({ style: { width: '200pt', height: '60pt' }, children: [new Paragraph('Dorota Wielgoszewska, a neighbour')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Role')] }), new TableCell({ children: [new Paragraph('Who')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Perpetrator')] }), new TableCell({ children: [new Paragraph('Partner: Kieran Stobbart')] })] }),
            ],
          }),
          new Paragraph('End of the report.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------
// Hand-made documents, written as other word processors write them.

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
};

/** What each hand-made document holds (the same for every flavour). */
export const HAND_MADE_HITS: ExpectedHit[] = [
  { name: 'Joanna Penhallow', kind: 'full name', location: 'Body, paragraph 1' },
  { name: 'Kieran Stobbart', kind: 'full name', location: 'Body, paragraph 2' },
  { name: 'Kittow-Ashdene', kind: 'surname', location: 'Body, paragraph 3' },
  { name: 'Scarisbrick', kind: 'surname', location: 'Body, paragraph 4' },
  { name: 'Harvey Mulcaster', kind: 'full name', location: 'Body, paragraph 5' },
  { name: 'Agnieszka Lumb', kind: 'full name', location: 'Body, paragraph 6' },
  { name: 'Natalia Zdrojewska', kind: 'full name', location: 'Body, paragraph 7 (tracked deletion)' },
  { name: 'Dorota Wielgoszewska', kind: 'full name', location: 'Text box in Body, paragraph 8' },
  { name: 'Oskar Zdrojewski', kind: 'full name', location: 'Link address in Body, paragraph 10' },
  { name: 'Gordon Quarrington', kind: 'full name', location: 'Table 1, row 1, column 2' },
  { name: 'Victor Ashdene', kind: 'full name', location: 'Footnote 1' },
  { name: 'Stuart Mulcaster', kind: 'full name', location: 'Endnote 1' },
  { name: 'Brenda Penhallow', kind: 'full name', location: 'Comment by Chair' },
  { name: 'Maisie Penhallow-Stobbart', kind: 'full name', location: 'Header' },
  { name: 'Pawel Zdrojewski', kind: 'full name', location: 'Footer' },
  { name: 'Rosalind Kittow-Ashdene', kind: 'full name', location: 'Document property: Title' },
  { name: 'Lumb', kind: 'surname', location: 'Document property: Company' },
  { name: 'Elspeth Quarrington', kind: 'full name', location: 'Document property: Subject person' },
];

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:rPr/></w:pPr>${runs.join('')}</w:p>`;

function handMadeParts(): Record<string, string> {
  const textBox = (text: string) =>
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="0" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/><wp:wrapSquare wrapText="largest"/><wp:docPr id="1" name="Frame1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>${para(run(text))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="width:157pt;height:47pt"><v:textbox><w:txbxContent>${para(run(text))}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  const root = (tag: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${tag} xmlns:mc="${NS.mc}" xmlns:v="${NS.v}" xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:wps="${NS.wps}" xmlns:a="${NS.a}" mc:Ignorable="">${body}</w:${tag}>`;
  const document = root(
    'document',
    `<w:body>${[
      // 1: runs split mid-word, with formatting and xml:space
      para(run('Jo', '<w:b/>'), run('anna'), run(' Penh'), run('allow', '<w:i/><w:iCs/>'), run(' was 34.')),
      // 2: a spelling mark and a bookmark between the names
      para(run('Kieran'), '<w:proofErr w:type="spellStart"/>', run(' '), '<w:bookmarkStart w:id="0" w:name="_GoBack"/>', run('Stobbart'), '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>', run(' was arrested.')),
      // 3: a non-breaking hyphen
      para(`<w:r><w:t>The Kittow</w:t><w:noBreakHyphen/><w:t>Ashdene family</w:t></w:r>`),
      // 4: a soft hyphen
      para(`<w:r><w:t>Mrs Scaris</w:t><w:softHyphen/><w:t xml:space="preserve">brick called.</w:t></w:r>`),
      // 5: a tab between the names
      para(`<w:r><w:t>Harvey</w:t><w:tab/><w:t>Mulcaster</w:t></w:r>`),
      // 6: entities
      para(run('Agnieszka Lumb&#8217;s flat &amp; garden')),
      // 7: a tracked deletion and insertion
      para(
        run('Her daughter '),
        `<w:del w:id="1" w:author="Chair" w:date="2026-11-20T10:00:00Z"><w:r><w:delText xml:space="preserve">Natalia Zdrojewska</w:delText></w:r></w:del>`,
        `<w:ins w:id="2" w:author="Chair" w:date="2026-11-20T10:00:00Z">${run('Child A')}</w:ins>`,
      ),
      // 8: a text box, as a drawing with an old-style copy for older readers
      para(run('See the box. '), textBox('Dorota Wielgoszewska, a neighbour')),
      // 9: pseudonyms and ordinary words only
      para(run(HARMLESS)),
      // 10: a link whose address holds a name
      para(`<w:hyperlink r:id="rId9" w:history="1">${run('Email the family')}</w:hyperlink>`),
      `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${para(run('Father'))}</w:tc><w:tc>${para(run('Gordon '), run('Quarrington', '<w:b/>'))}</w:tc></w:tr></w:tbl>`,
      para(
        `<w:commentRangeStart w:id="0"/>`,
        run('Reviewed.'),
        `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`,
        `<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r>`,
      ),
      `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`,
    ].join('')}</w:body>`,
  );
  const notes = (kind: 'footnote' | 'endnote', text: string) =>
    root(
      `${kind}s`,
      `<w:${kind} w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:id="1" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}><w:${kind} w:id="2">${para(run(text))}</w:${kind}>`,
    );
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:oskar.zdrojewski@example.invalid" TargetMode="External"/></Relationships>',
    'word/document.xml': document,
    'word/footnotes.xml': notes('footnote', 'Victor Ashdene gave a statement.'),
    'word/endnotes.xml': notes('endnote', 'Stuart Mulcaster declined to take part.'),
    'word/comments.xml': root('comments', `<w:comment w:id="0" w:author="Chair" w:date="2026-11-20T10:00:00Z" w:initials="C">${para(run('Brenda Penhallow asked for this.'))}</w:comment>`),
    'word/header1.xml': root('hdr', para(run('Maisie Penhallow-Stobbart'))),
    'word/footer1.xml': root(
      'ftr',
      para(run('Pawel '), run('ZDROJEWSKI'), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`),
    ),
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Rosalind Kittow-Ashdene review</dc:title><dc:creator>Chair</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T10:00:00Z</dcterms:created></cp:coreProperties>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template></Template><TotalTime>3</TotalTime><Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><Company>Lumb &amp; Co</Company><Pages>1</Pages></Properties>',
    'docProps/custom.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Subject person"><vt:lpwstr>Elspeth Quarrington</vt:lpwstr></property></Properties>',
  };
}

export type Flavour = 'LibreOffice' | 'Google Docs' | 'default namespace';

/** Rewrite the WordprocessingML parts of a hand-made document in another writer's style. */
function restyle(xml: string, flavour: Flavour): string {
  if (flavour === 'LibreOffice') return xml;
  if (flavour === 'Google Docs') {
    // Google Docs declares w first, puts attributes in another order and writes runs without xml:space where it can.
    return xml
      .replace(/<w:(\w+) (xmlns:mc="[^"]*") (xmlns:v="[^"]*") (xmlns:w="[^"]*")/, '<w:$1 $4 $2 $3')
      .replace(/<w:comment w:id="0" w:author="Chair" w:date="([^"]*)" w:initials="C">/, '<w:comment w:initials="C" w:date="$1" w:author="Chair" w:id="0">')
      .replace(/<w:t xml:space="preserve">([^ <][^<]*[^ <])<\/w:t>/g, '<w:t>$1</w:t>')
      .replace(/<w:pStyle w:val="Normal"\/>/g, '');
  }
  // Another prefix altogether: WordprocessingML as the default namespace, as some XML libraries write it.
  return xml
    .replace(/xmlns:w="/, 'xmlns="')
    .replace(/(<\/?)w:/g, '$1')
    .replace(/ w:(\w+)=/g, ' $1=');
}

/** A hand-made .docx (see HAND_MADE_HITS), zipped with fflate. */
export function handMadeDocument(flavour: Flavour): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(handMadeParts())) files[name] = strToU8(/^word\//.test(name) && name.endsWith('.xml') ? restyle(xml, flavour) : xml);
  return zipSync(files, { level: 6 });
}

/** Any small zip, for bad-input tests. */
export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** Convert a .docx through LibreOffice ("MS Word 2007 XML"), in a profile of its own. Returns the converted file. */
export function convertWithLibreOffice(file: string, outDir: string): string {
  requireTool('libreoffice', 'libreoffice-writer-nogui');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-lo-profile-'));
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const result = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const converted = path.join(outDir, path.basename(file));
    if (result.status !== 0 || !fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    return converted;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
