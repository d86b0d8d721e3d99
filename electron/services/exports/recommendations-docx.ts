import { Document, HeadingLevel, Packer, Paragraph, Tab, TextRun } from 'docx';
import { SCOPE_WORDS } from '../../../shared/domain/vocabulary.ts';
import type { ActionPlanData } from './action-plan-data.ts';
import { COLOUR, PORTRAIT_PAGE, REVIEW_LABEL_WORDS, SIZE, cleanText, documentStyles, markedHeaderFooter, sectionProperties, ukDate } from './docx-common.ts';

// The review's recommendations as numbered paragraphs, for pasting into the
// overview report. The numbers are typed, not Word list numbering, so they
// stay the same as the action plan's when pasted into another document.

const HANGING = 567; // 1 cm: the number sits in the hanging indent, the text lines up after it

export function recommendationsTitle(data: Pick<ActionPlanData, 'reviewLabel' | 'review'>): string {
  return `${data.review.reference} ${data.reviewLabel} recommendations`;
}

export async function recommendationsDocx(data: ActionPlanData, options: { today: string }): Promise<Buffer> {
  const reference = cleanText(data.review.reference);
  const indent = { left: HANGING, hanging: HANGING };
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Recommendations')] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `${REVIEW_LABEL_WORDS[data.reviewLabel]} ${reference} (${cleanText(data.review.victimPseudonym)}), ${cleanText(data.partnershipName)}. Exported from DHR Tracker on ${ukDate(options.today)}.`,
          size: SIZE.small,
          color: COLOUR.muted,
        }),
      ],
    }),
  ];
  if (!data.recommendations.length) body.push(new Paragraph({ children: [new TextRun('No recommendations have been recorded for this review yet.')] }));
  for (const rec of data.recommendations) {
    const [first = '', ...rest] = cleanText(rec.text).split('\n');
    body.push(
      new Paragraph({ indent, keepNext: true, keepLines: true, children: [new TextRun({ text: `${rec.number}.`, bold: true }), new TextRun({ children: [new Tab()] }), new TextRun(first)] }),
      ...rest.map((text) => new Paragraph({ indent: { left: HANGING }, keepNext: true, children: text ? [new TextRun(text)] : [] })),
    );
    const details: Array<[string, string]> = [['Scope', SCOPE_WORDS[rec.scope] ?? rec.scope]];
    if (rec.addressedTo.length) details.push(['Addressed to', rec.addressedTo.join('; ')]);
    // One paragraph, lines joined by breaks, so scope and addressees cannot be split across a page.
    body.push(
      new Paragraph({
        indent: { left: HANGING },
        keepLines: true,
        spacing: { before: 60, after: 240 },
        children: details.flatMap(([label, value], i) => [
          new TextRun({ text: `${label}: `, bold: true, size: SIZE.small, color: COLOUR.muted, ...(i > 0 ? { break: 1 } : {}) }),
          new TextRun({ text: cleanText(value), size: SIZE.small, color: COLOUR.muted }),
        ]),
      }),
    );
  }

  const label = `${data.reviewLabel} recommendations`;
  const doc = new Document({
    title: recommendationsTitle(data),
    subject: `${REVIEW_LABEL_WORDS[data.reviewLabel]} recommendations`,
    creator: cleanText(data.partnershipName),
    lastModifiedBy: cleanText(data.partnershipName),
    description: `Numbered recommendations of ${reference}, for the overview report. Exported from DHR Tracker on ${ukDate(options.today)}.`,
    keywords: [reference, data.reviewLabel, 'recommendations', data.protectiveMarking].filter(Boolean).join('; '),
    styles: documentStyles(),
    sections: [
      {
        properties: sectionProperties(PORTRAIT_PAGE),
        ...markedHeaderFooter({ marking: data.protectiveMarking, headerText: `${reference} · ${label}`, page: PORTRAIT_PAGE }),
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
