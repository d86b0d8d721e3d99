import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocxText, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, type DocxTextSegment } from '../../../electron/services/anonymity/docx-text.ts';
import { isAppError } from '../../../shared/ipc/errors.ts';
import { zipOf } from './planted-documents.ts';

// Taking a .docx apart: every part that can hold words, with locations, and
// a clear refusal of anything that is not a sound Word document.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal .docx whose body is `body` (WordprocessingML with the w prefix), plus any other parts. */
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zipOf({ 'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`, ...parts });
}
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const segments = (bytes: Uint8Array): Array<[string, string]> => extractDocxText(bytes).map((s: DocxTextSegment) => [s.location, s.text]);

/** The error extractDocxText throws, as code and message. */
function refusal(bytes: Uint8Array, label = 'draft.docx'): { code: string; message: string } {
  try {
    extractDocxText(bytes, label);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('extractDocxText accepted the input');
}

describe('the text of a paragraph', () => {
  it('joins runs, turns tabs and breaks into spaces, drops soft hyphens and keeps non-breaking ones', () => {
    expect(
      segments(docx(p(`<w:r><w:t>Pen</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>hal</w:t><w:softHyphen/><w:t>low</w:t><w:tab/><w:t>Kittow</w:t><w:noBreakHyphen/><w:t>Ashdene</w:t><w:br/><w:t>x</w:t><w:cr/><w:t>y</w:t></w:r>`))),
    ).toEqual([['Body, paragraph 1', 'Penhallow Kittow-Ashdene x y']]);
  });

  it('decodes entities and CDATA, and ignores comments, processing instructions and formatting', () => {
    expect(
      segments(docx(p(`<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><!-- <w:t>hidden</w:t> --><w:r><w:t>Lumb&#8217;s &amp; &#x4C;omax &lt;3 <![CDATA[<raw>]]></w:t></w:r><?pi ignored?>`))),
    ).toEqual([['Body, paragraph 1', 'Lumb\u2019s & Lomax <3 <raw>']]);
  });

  it('reads a paragraph as it reads now and, separately, as it read before its tracked changes', () => {
    const body = p(`${r('Her daughter ')}<w:del w:id="1" w:author="A"><w:r><w:delText>Maisie</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">${r('Child 1')}</w:ins>${r(' left.')}`);
    const [now, before] = extractDocxText(docx(body));
    expect(now).toEqual({ location: 'Body, paragraph 1', text: 'Her daughter Child 1 left.' });
    expect(before).toEqual({ location: 'Body, paragraph 1 (tracked deletion)', text: 'Her daughter Maisie left.', deleted: [[13, 19]] });
  });

  it('keeps field codes apart from the text', () => {
    expect(
      segments(docx(p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> AUTHOR "Gordon Lomax" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('Chair')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`))),
    ).toEqual([
      ['Body, paragraph 1', 'Chair'],
      ['Body, paragraph 1 (field code)', ' AUTHOR "Gordon Lomax" '],
    ]);
  });

  it('reads a part written with any prefix, or none, for the WordprocessingML namespace', () => {
    const bytes = zipOf({ 'word/document.xml': `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>One</x:t></x:r></x:p><p xmlns="${W}"><r><t>Two</t></r></p></x:body></x:document>` });
    expect(segments(bytes)).toEqual([
      ['Body, paragraph 1', 'One'],
      ['Body, paragraph 2', 'Two'],
    ]);
  });

  it('reads a part saved as UTF-16', () => {
    const xml = `\uFEFF<w:document xmlns:w="${W}"><w:body>${p(r('Zdrojewská'))}</w:body></w:document>`;
    const utf16 = new Uint8Array(Buffer.from(xml, 'utf16le'));
    expect(segments(zipSync({ 'word/document.xml': utf16 }))).toEqual([['Body, paragraph 1', 'Zdrojewská']]);
  });

  it('still gives up the words of a damaged part', () => {
    expect(segments(docx(`${p(r('Before'))}<w:p><w:r><w:t>Unclosed < stray`))).toEqual([
      ['Body, paragraph 1', 'Before'],
      ['Body, paragraph 2', 'Unclosed < stray'],
    ]);
  });
});

describe('locations', () => {
  it('numbers body paragraphs and tables, cells by row and column, and nested tables within their cell', () => {
    const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${inner}</w:tc>`;
    const table = (...rows: string[][]) => `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
    const body = [
      p(r('First')),
      table([p(r('a1')), p(r('b1'))], [p(r('a2')), `${p(r('b2'))}${table([p(r('inner'))])}`]),
      p(''),
      p(r('Fourth')),
      table([p(r('second table'))]),
    ].join('');
    expect(segments(docx(body))).toEqual([
      ['Body, paragraph 1', 'First'],
      ['Table 1, row 1, column 1', 'a1'],
      ['Table 1, row 1, column 2', 'b1'],
      ['Table 1, row 2, column 1', 'a2'],
      ['Table 1, row 2, column 2', 'b2'],
      ['Table 1, row 2, column 2, nested table 1, row 1, column 1', 'inner'],
      ['Body, paragraph 3', 'Fourth'],
      ['Table 2, row 1, column 1', 'second table'],
    ]);
  });

  it('places a text box by the paragraph it is anchored in, including one inside a table cell, and counts its tables apart', () => {
    const box = (text: string) => `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p(r(text))}<w:tbl><w:tr><w:tc>${p(r('boxed cell'))}</w:tc></w:tr></w:tbl></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const body = `${p(`${r('Anchor')}${box('In the box')}`)}<w:tbl><w:tr><w:tc>${p(box('Box in a cell'))}</w:tc></w:tr></w:tbl>`;
    expect(segments(docx(body))).toEqual([
      ['Text box in Body, paragraph 1', 'In the box'],
      ['Text box in Body, paragraph 1', 'boxed cell'],
      ['Body, paragraph 1', 'Anchor'],
      ['Text box in Table 1, row 1, column 1', 'Box in a cell'],
      ['Text box in Table 1, row 1, column 1', 'boxed cell'],
    ]);
  });

  it('reads headers and footers in number order, with their tables, and notes and comments by number and author', () => {
    const part = (root: string, inner: string) => `<w:${root} xmlns:w="${W}">${inner}</w:${root}>`;
    const bytes = docx(p(r('Body')), {
      'word/header10.xml': part('hdr', p(r('tenth header'))),
      'word/header2.xml': part('hdr', `<w:tbl><w:tr><w:tc>${p(r('header cell'))}</w:tc></w:tr></w:tbl>`),
      'word/footer1.xml': part('ftr', p(r('footer'))),
      'word/footnotes.xml': part('footnotes', `<w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${p(r('note one'))}</w:footnote><w:footnote w:id="2">${p(r('note two'))}</w:footnote>`),
      'word/endnotes.xml': part('endnotes', `<w:endnote w:type="continuationSeparator" w:id="0">${p('')}</w:endnote><w:endnote w:id="1">${p(r('end note'))}</w:endnote>`),
      'word/comments.xml': part('comments', `<w:comment w:id="0" w:author="Alex Chair">${p(r('first'))}</w:comment><w:comment w:id="1">${p(r('second'))}</w:comment>`),
    });
    expect(segments(bytes)).toEqual([
      ['Body, paragraph 1', 'Body'],
      ['Header, table 1, row 1, column 1', 'header cell'],
      ['Header', 'tenth header'],
      ['Footer', 'footer'],
      ['Footnote 1', 'note one'],
      ['Footnote 2', 'note two'],
      ['Endnote 1', 'end note'],
      ['Comment by Alex Chair', 'first'],
      ['Comment by an unnamed author', 'second'],
    ]);
  });

  it('reads link addresses, picture descriptions, document properties, document variables, charts and custom XML', () => {
    const bytes = docx(
      p(`<w:hyperlink r:id="rId5">${r('the family')}</w:hyperlink><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="Photo of Lomax" title="Lomax"/></wp:inline></w:drawing></w:r>`),
      {
        'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="x/hyperlink" Target="https://example.invalid/Gordon%20Lomax" TargetMode="External"/><Relationship Id="rId6" Type="x/hyperlink" Target="mailto:lomax@example.invalid" TargetMode="External"/><Relationship Id="rId7" Type="x/image" Target="media/image1.png"/></Relationships>`,
        'docProps/core.xml': `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Title text</dc:title><dc:creator>Author text</dc:creator><cp:lastModifiedBy>Editor</cp:lastModifiedBy></cp:coreProperties>`,
        'docProps/app.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Company>Company text</Company><Manager>Manager text</Manager><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Part one</vt:lpstr><vt:lpstr>Part two</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
        'docProps/custom.xml': `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{x}" pid="2" name="Victim"><vt:lpwstr>Custom text</vt:lpwstr></property></Properties>`,
        'word/settings.xml': `<w:settings xmlns:w="${W}"><w:docVars><w:docVar w:name="Family" w:val="Variable text"/></w:docVars></w:settings>`,
        'word/charts/chart1.xml': `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Chart </a:t></a:r><a:r><a:t>title</a:t></a:r></a:p></c:rich></c:tx></c:title><c:strCache><c:pt idx="0"><c:v>Category text</c:v></c:pt></c:strCache></c:chart></c:chartSpace>`,
        'customXml/item1.xml': `<root><person>Data text</person></root>`,
      },
    );
    expect(segments(bytes)).toEqual([
      ['Link address in Body, paragraph 1', 'https://example.invalid/Gordon Lomax'],
      ['Picture description in Body, paragraph 1', 'Photo of Lomax'],
      ['Picture description in Body, paragraph 1', 'Lomax'],
      ['Body, paragraph 1', 'the family'],
      ['Link address in Body', 'mailto:lomax@example.invalid'],
      ['Chart 1', 'Chart title'],
      ['Chart 1', 'Category text'],
      ['Document property: Title', 'Title text'],
      ['Document property: Author', 'Author text'],
      ['Document property: Last modified by', 'Editor'],
      ['Document property: Company', 'Company text'],
      ['Document property: Manager', 'Manager text'],
      ['Document property: Titles of parts', 'Part one'],
      ['Document property: Titles of parts', 'Part two'],
      ['Document property: Victim', 'Custom text'],
      ['Document variable: Family', 'Variable text'],
      ['Custom XML data', 'Data text'],
    ]);
  });
});

describe('anything that is not a sound .docx is refused with a clear message', () => {
  it('an empty file', () => {
    expect(refusal(new Uint8Array())).toEqual({ code: 'INVALID_INPUT', message: 'draft.docx is not a Word document (.docx): it is empty.' });
  });

  it('a text file renamed .docx', () => {
    expect(refusal(strToU8('Dear panel,\nplease find my notes.'))).toEqual({
      code: 'INVALID_INPUT',
      message: 'draft.docx is not a Word document (.docx). Choose a .docx file saved by Word, LibreOffice or Google Docs.',
    });
  });

  it('a PDF, an RTF file, and an old .doc or password-protected file', () => {
    expect(refusal(strToU8('%PDF-1.7\n...')).message).toMatch(/^draft\.docx is not a Word document \(\.docx\): it is a PDF\./);
    expect(refusal(strToU8('{\\rtf1\\ansi ...}')).message).toMatch(/it is a Rich Text \(\.rtf\) file/);
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).message).toMatch(/older Word document \(\.doc\) or a password-protected file/);
  });

  it('a truncated .docx', () => {
    const whole = docx(p(r('Some text that makes the file a little longer than nothing at all.')));
    for (const cut of [Math.floor(whole.length / 2), whole.length - 10, 30]) {
      expect(refusal(whole.slice(0, cut))).toEqual({
        code: 'INVALID_INPUT',
        message: 'draft.docx is damaged and cannot be read: it is not a complete Word document (.docx). Open it in Word (or LibreOffice) and save it again as a .docx, then check the new copy.',
      });
    }
  });

  it('a zip without word/document.xml, saying what it is where it can', () => {
    expect(refusal(zipOf({ 'notes.txt': 'hello' })).message).toBe('draft.docx is not a Word document (.docx): it is a zip file with no Word document inside.');
    expect(refusal(zipOf({ 'xl/workbook.xml': '<workbook/>' })).message).toBe('draft.docx is not a Word document (.docx): it is an Excel workbook.');
    expect(refusal(zipOf({ 'ppt/presentation.xml': '<p/>' })).message).toBe('draft.docx is not a Word document (.docx): it is a PowerPoint presentation.');
    expect(refusal(zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })).message).toMatch(/it is an OpenDocument file \(\.odt\)/);
  });

  it('a zip bomb: parts that would unpack to more than the limit, read from the zip’s directory before anything is unpacked', () => {
    const bytes = docx(p(r('small')));
    // Claim, in the central directory, that word/document.xml unpacks to just over the limit.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, MAX_UNPACKED_BYTES + 1, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    expect(refusal(bytes)).toEqual({
      code: 'INVALID_INPUT',
      message: `draft.docx cannot be checked: its text would unpack to more than 200 MB, far more than any Word document, so it may be a damaged or deliberately malformed file.`,
    });
  });

  it('a zip with more entries than any Word document', () => {
    const files: Record<string, string> = { 'word/document.xml': `<w:document xmlns:w="${W}"/>` };
    for (let i = 0; i < MAX_ZIP_ENTRIES; i++) files[`media/${i}.bin`] = '';
    expect(refusal(zipOf(files)).message).toMatch(/^draft\.docx cannot be checked: it holds more than 5,000 files/);
  });
});
