import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckDocumentPanel, CheckDocumentResult } from '../../../renderer/src/features/reports/CheckDocumentPanel.tsx';
import type { AnonymityReport } from '../../../shared/ipc/schemas.ts';

// The "Check a document for names" section as it renders: the words a
// person reads, the live regions and the table structure screen readers use.

const render = (report: AnonymityReport) => renderToStaticMarkup(createElement(CheckDocumentResult, { report }));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('CheckDocumentPanel', () => {
  it('has its heading, an explanation and the button', () => {
    const html = renderToStaticMarkup(createElement(CheckDocumentPanel));
    expect(html).toMatch(/<section class="panel check-document" aria-labelledby="([^"]+)"><h2 id="\1">Check a document for names<\/h2>/);
    expect(html).toMatch(/<button type="button" class="button"[^>]*>Check a document for names<\/button>/);
    expect(text(html)).toContain('The document is only read, never changed.');
  });

  it('shows nothing until a document has been checked', () => {
    expect(render({ file: null, checked: false, hits: [] })).toBe('');
  });

  it('says so, as a status message, when no name was found', () => {
    const html = render({ file: 'C:\\Users\\chair\\Documents\\draft report.docx', checked: true, hits: [] });
    expect(html).toMatch(/role="status"/);
    expect(text(html)).toBe('No real names from any pseudonym register were found in draft report.docx.');
  });

  it('warns in words and lists every hit in a table with column headers, the name marked in its context', () => {
    const html = render({
      file: '/home/chair/draft.docx',
      checked: true,
      hits: [
        { name: 'Penhallow', reviewReference: 'DHR-FL-2016-01', location: 'Body, paragraph 6', context: 'A letter to MRS PENHALLOW was never sent.' },
        { name: 'Rosalind Kittow-Ashdene', reviewReference: 'DHR-EC-2022-01', location: 'Header', context: 'Rosalind Kittow Ashdene moved in 2012.' },
      ],
    });
    expect(html).toMatch(/<div class="alert check-document__warning" role="alert" id="([^"]+)">.*<table class="check-document__hits" aria-describedby="\1">/);
    expect(text(html)).toContain('Warning: real names found in 2 places in draft.docx');
    expect(text(html)).toContain('Do not publish or share this document as it is.');
    expect([...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1])).toEqual(['Name', 'Review', 'Where', 'Context']);
    expect(html).toContain('<caption>Real names found in draft.docx, in the order they appear</caption>');
    expect(html).toContain('A letter to MRS <mark>PENHALLOW</mark> was never sent.');
    expect(html).toContain('<mark>Rosalind Kittow Ashdene</mark> moved in 2012.');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toMatch(/role="region" aria-label="Real names found in draft.docx" tabindex="0"/);
  });

  it('says "one place" for a single hit', () => {
    const html = render({ file: 'x.docx', checked: true, hits: [{ name: 'Lomax', reviewReference: 'DHR-A', location: 'Footer', context: 'Lomax' }] });
    expect(text(html)).toContain('Warning: real names found in one place in x.docx');
  });

  it('says in words that a first name on its own is only a possible hit', () => {
    const html = render({ file: 'x.docx', checked: true, hits: [{ name: 'Joanna', reviewReference: 'DHR-A', location: 'Body, paragraph 2', context: 'Joanna and Rosalind', kind: 'first name' }] });
    expect(text(html)).toContain('Joanna (first name only: may be someone else, review it)');
  });
});
