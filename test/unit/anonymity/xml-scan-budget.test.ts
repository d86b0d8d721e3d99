import { describe, expect, it } from 'vitest';
import { extractDocxText } from '../../../electron/services/anonymity/docx-text.ts';
import { scanXml } from '../../../electron/services/anonymity/xml-scan.ts';
import { ParseBudget, ParseTooComplex } from '../../../shared/domain/parse-budget.ts';
import { isAppError } from '../../../shared/ipc/errors.ts';
import { zipOf } from './planted-documents.ts';

// The XML scanner's work grows with the size of the part, never with its
// square, and every file has a budget that ends in a clear refusal. Work is
// measured by the scanner's own step count, not by the clock, so the test
// says the same on a slow machine as on a fast one.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const documentXml = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const docx = (body: string) => zipOf({ 'word/document.xml': documentXml(body) });

const stepsFor = (xml: string) => scanXml(xml, { open() {}, close() {}, text() {} }).steps;

function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('the scan is linear', () => {
  it('stray end tags: ten times the tags is ten times the work, even with many elements open', () => {
    // 800 paragraphs left open, then the end tags that match none of them: each used to search the whole stack.
    const hostile = (tags: number) => documentXml(`${'<w:p>'.repeat(800)}${'</w:x>'.repeat(tags)}`);
    const small = stepsFor(hostile(20_000));
    const large = stepsFor(hostile(200_000));
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(10.5);
    // Roughly one step per tag.
    expect(large).toBeLessThan(200_000 * 1.1);
  });

  it('end tags that close many elements at once cost one step for each element, once', () => {
    const nested = (n: number) => `<r>${'<a><b>'.repeat(n / 2).replace(/<b>/g, '<b>x')}</r>`.repeat(100);
    const small = stepsFor(nested(400));
    const large = stepsFor(nested(800));
    expect(large / small).toBeGreaterThan(1.8);
    expect(large / small).toBeLessThan(2.2);
  });

  it('runs of "<" with no tag, and of "<!x>" declarations, do not rescan the part', () => {
    for (const unit of ['<a', '<!a>', '<a b="1" ', '<w:t x="<w:t x="']) {
      const small = stepsFor(unit.repeat(20_000));
      const large = stepsFor(unit.repeat(200_000));
      expect(large / small, unit).toBeLessThan(10.5);
    }
    // A "<!" must not look for a "[" beyond its own ">": the text after it is still read.
    let text = '';
    scanXml(`${'<!x>'.repeat(3)}<r>kept</r>[`, { text: (t) => (text += t) });
    expect(text).toBe('kept[');
  });

  it('still reads a document the way it did: misnested end tags close what they can', () => {
    const seen: string[] = [];
    scanXml('<a><b><c>one</b>two</x></a>three', { open: (e) => seen.push(`<${e.local}>`), close: (e) => seen.push(`</${e.local}>`), text: (t) => seen.push(t) });
    expect(seen).toEqual(['<a>', '<b>', '<c>', 'one', '</c>', '</b>', 'two', '</a>', 'three']);
  });
});

describe('every file has a budget of elements, depth, attribute size and time', () => {
  it('a 200,000-tag Word file of a few KB is read quickly, not for minutes', () => {
    const bytes = docx(`<w:p><w:r><w:t>Hollie</w:t></w:r></w:p>${'</w:p>'.repeat(200_000)}`);
    expect(bytes.length).toBeLessThan(8 * 1024);
    const budget = new ParseBudget();
    expect(extractDocxText(bytes, 'stray.docx', budget).map((s) => s.text)).toEqual(['Hollie']);
    expect(budget.steps).toBeLessThan(210_000);
  });

  it('a Word file nested 200,000 deep (paragraphs never closed) is refused, saying why and what to do', () => {
    const bytes = docx(`${'<w:p><w:r><w:t>x</w:t></w:r>'.repeat(200_000)}${'</w:x>'.repeat(200_000)}`);
    expect(bytes.length).toBeLessThan(16 * 1024);
    const message = refusalOf(() => extractDocxText(bytes, 'deep.docx'));
    expect(message).toMatch(/^deep\.docx was not read: its contents are nested more than 1,000 levels deep, which is too complex or too large to be a real Word document/);
    expect(message).toMatch(/save it as a new file and use that copy/);
  });

  it('a huge attribute is read in one pass, and one past the limit is refused', () => {
    const long = 'A'.repeat(2 * 1024 * 1024);
    const bytes = zipOf({ 'word/document.xml': documentXml(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`), 'word/settings.xml': `<w:settings xmlns:w="${W}"><w:docVars><w:docVar w:name="v" w:val="${long}"/></w:docVars></w:settings>` });
    expect(extractDocxText(bytes).find((s) => s.location === 'Document variable: v')?.text.length).toBe(long.length);
    const small = new ParseBudget({ maxAttributeChars: 1024 * 1024 });
    expect(refusalOf(() => extractDocxText(bytes, 'wide.docx', small))).toMatch(/^wide\.docx was not read: one of its attributes is longer than 1,048,576 characters/);
  });

  it('the budget covers the whole file, every part together, and its time', () => {
    const part = `<w:p><w:r><w:t>x</w:t></w:r></w:p>`.repeat(1000);
    const bytes = zipOf({ 'word/document.xml': documentXml(part), 'word/header1.xml': `<w:hdr xmlns:w="${W}">${part}</w:hdr>` });
    const whole = new ParseBudget();
    extractDocxText(bytes, 'a.docx', whole);
    expect(refusalOf(() => extractDocxText(bytes, 'a.docx', new ParseBudget({ maxSteps: Math.ceil(whole.steps * 0.75) })))).toMatch(/holds more than [\d,]+ elements/);
    // A clock that moves a second each time it is read: the time limit is checked as the scan goes.
    let now = 0;
    const slow = new ParseBudget({ maxMillis: 5000 }, () => (now += 1000));
    expect(refusalOf(() => extractDocxText(docx(part.repeat(20)), 'slow.docx', slow))).toMatch(/^slow\.docx was not read: reading it took longer than 5 seconds/);
  });

  it('namespace declarations cost what copying them costs: thousands of prefixes on thousands of elements are refused', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `xmlns:p${i}="urn:x"`).join(' ');
    const xml = `<r ${many}>${'<c xmlns:q="urn:y"/>'.repeat(200_000)}</r>`;
    expect(() => scanXml(xml, {})).toThrow(/too complex \(steps\)/);
    // A few declarations, as every real part has, cost next to nothing.
    expect(stepsFor(`<r xmlns:w="${W}">${'<w:p xmlns:x="urn:y"/>'.repeat(1000)}</r>`)).toBeLessThan(10_000);
  });

  it('scanXml throws ParseTooComplex itself, for callers to name the file', () => {
    expect(() => scanXml('<a>'.repeat(2000), {})).toThrow(ParseTooComplex);
  });
});
