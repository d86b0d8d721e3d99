import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import { actionPlanTable } from '../exports/action-plan-docx.ts';
import {
  cleanText,
  COLOUR,
  contentWidth,
  documentStyles,
  LANDSCAPE_PAGE,
  markedHeaderFooter,
  PORTRAIT_PAGE,
  REVIEW_LABEL_WORDS,
  sectionProperties,
  SIZE,
  textParagraphs,
  ukDate,
} from '../exports/docx-common.ts';
import type { SkeletonData } from './skeleton-data.ts';

// The overview report and executive summary skeletons a chair starts from:
// the Home Office structure, with everything the app knows filled in
// (pseudonyms only) and clear guidance where only the chair can write.

type Block = Paragraph | Table;

const heading = (text: string, level: 1 | 2 = 1) => new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(cleanText(text))] });
const para = (text: string) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(cleanText(text))] });
/** Guidance for the chair: bracketed, italic and grey, so it is obvious what to replace. */
const guidance = (text: string) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `[Chair to write: ${cleanText(text)}]`, italics: true, color: '595959' })] });
const filledNote = () => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: 'Filled in from the review record in DHR Tracker; check before use.', italics: true, size: SIZE.small, color: COLOUR.muted })] });

function simpleTable(headers: string[], rows: string[][], width = contentWidth(PORTRAIT_PAGE)): Table {
  const col = Math.floor(width / headers.length);
  const border = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.border };
  const cell = (text: string, header = false) =>
    new TableCell({
      width: { size: col, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [new TextRun({ text: cleanText(text), bold: header })] })],
    });
  return new Table({
    width: { size: col * headers.length, type: WidthType.DXA },
    columnWidths: headers.map(() => col),
    layout: TableLayoutType.FIXED,
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function keyDates(d: SkeletonData): Block[] {
  const rows = d.dates.filter(([, date]) => date).map(([label, date]) => [label, ukDate(date)]);
  const blocks: Block[] = [filledNote(), simpleTable(['Stage', 'Date'], rows.length ? rows : [['No dates recorded yet', '']])];
  if (d.pauses.length) {
    blocks.push(para(`The review was paused for criminal proceedings: ${d.pauses.map((p) => `${ukDate(p.startDate)} to ${p.endDate ? ukDate(p.endDate) : 'date not yet recorded'}`).join('; ')}.`));
  }
  return blocks;
}

const pseudonyms = (d: SkeletonData): Block[] => [
  para('To protect the identity of the victim and their family, the following pseudonyms are used in this report:'),
  simpleTable(['Person', 'Pseudonym'], d.people.length ? d.people.map((p) => [p.role, p.pseudonym]) : [['Victim', d.review.victimPseudonym]]),
];
const panel = (d: SkeletonData): Block[] => [filledNote(), simpleTable(['Name', 'Role', 'Agency'], d.panel.length ? d.panel.map((m) => [m.memberName, m.role ?? '', m.agency]) : [['No panel members recorded', '', '']])];
const imrs = (d: SkeletonData): Block[] => [
  filledNote(),
  para('The following agencies contributed Individual Management Reviews (IMRs):'),
  simpleTable(['Agency', 'IMR requested', 'IMR received'], d.imrs.length ? d.imrs.map((i) => [i.agency, ukDate(i.requestedDate), ukDate(i.receivedDate)]) : [['No IMRs recorded', '', '']]),
];
const recommendationList = (d: SkeletonData): Block[] =>
  d.recommendations.length
    ? [
        filledNote(),
        ...d.recommendations.flatMap((r) => [
          new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${r.number}. `, bold: true }), new TextRun(cleanText(r.text))] }),
          ...(r.addressedTo.length ? [new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: `Addressed to: ${r.addressedTo.join(', ')}`, size: SIZE.small, color: COLOUR.muted })] })] : []),
        ]),
      ]
    : [guidance('list the recommendations, numbered. None are recorded in DHR Tracker yet.')];
const lessons = (d: SkeletonData): Block[] => {
  const findings = d.recommendations.filter((r) => r.finding?.trim());
  return [
    guidance('the lessons each agency and the partnership should learn, drawn from the analysis.'),
    ...(findings.length ? [para('Findings recorded with the recommendations, as a starting point:'), ...findings.map((r) => para(`• ${r.finding!.trim()} (recommendation ${r.number})`))] : []),
  ];
};

function coverPage(d: SkeletonData, title: string, today: string): Block[] {
  return [
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: 'DRAFT', bold: true, size: 28, color: 'C00000' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: [new TextRun(cleanText(title))] }),
    para(`${REVIEW_LABEL_WORDS[d.reviewLabel]} into the death of ${d.review.victimPseudonym}`),
    para(`${cleanText(d.partnershipName)} · Commissioned by ${d.review.districtName} Community Safety Partnership · Reference ${d.review.reference}`),
    para(`Independent chair and author: ${d.chairName ?? '[Chair to write: name]'}`),
    para(`Skeleton prepared by DHR Tracker on ${ukDate(today)}. Relationship: ${d.relationship}.`),
  ];
}

function section(d: SkeletonData, docTitle: string, children: Block[], page = PORTRAIT_PAGE): ISectionOptions {
  return {
    properties: sectionProperties(page),
    ...markedHeaderFooter({ marking: d.protectiveMarking, headerText: `DRAFT · ${d.reviewLabel} ${d.review.reference} · ${docTitle}`, page }),
    children,
  };
}

function document(d: SkeletonData, title: string, sections: ISectionOptions[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      title: `${d.reviewLabel} ${d.review.reference}: ${title} (draft)`,
      creator: cleanText(d.partnershipName),
      lastModifiedBy: cleanText(d.partnershipName),
      description: `Draft ${title.toLowerCase()} skeleton for ${d.review.reference}, prepared by DHR Tracker. Pseudonyms only.`,
      keywords: [d.review.reference, d.reviewLabel, 'DRAFT', d.protectiveMarking].join('; '),
      styles: documentStyles(),
      sections,
    }),
  );
}

export const OVERVIEW_SECTIONS = ['Introduction', 'Background information', 'Chronology', 'Overview', 'Analysis', 'Conclusions', 'Lessons to be learned', 'Recommendations', 'Appendix: Action plan'] as const;

export function overviewSkeletonDocx(d: SkeletonData, today: string): Promise<Buffer> {
  const title = 'Overview report';
  const body: Block[] = [
    ...coverPage(d, `${REVIEW_LABEL_WORDS[d.reviewLabel]}: ${title}`, today),
    heading('1. Introduction'),
    heading('Timescales', 2),
    ...keyDates(d),
    guidance('explain the timescales and any reasons the review took longer than the 6 months guidance expects.'),
    heading('Confidentiality', 2),
    para('The findings of this review are confidential. Information is available only to participating officers and professionals and their line managers until the Home Office Quality Assurance Panel has approved the report for publication.'),
    ...pseudonyms(d),
    heading('Terms of reference', 2),
    ...(d.termsOfReferenceDate ? [para(`The review panel agreed its terms of reference on ${ukDate(d.termsOfReferenceDate)}.`)] : []),
    guidance('set out the terms of reference, the period the review covers and the key lines of enquiry.'),
    heading('Methodology', 2),
    guidance('describe how the review was conducted: IMRs, chronologies, panel meetings, interviews and the involvement of perpetrator and family.'),
    heading('Involvement of family and friends', 2),
    ...(d.familyInvolvement?.trim() ? [filledNote(), ...textParagraphs(d.familyInvolvement)] : [guidance('describe how the family and friends were involved, and how their views shaped the review.')]),
    heading('Contributors to the review', 2),
    ...imrs(d),
    heading('Review panel members', 2),
    ...panel(d),
    heading('The author', 2),
    para(`The independent chair and author is ${d.chairName ?? '[name]'}.`),
    guidance("state the author's experience and independence from the agencies involved."),
    heading('Parallel reviews', 2),
    guidance('list any parallel processes: the criminal trial, the inquest, safeguarding reviews, IOPC or NHS investigations.'),
    heading('Equality and diversity', 2),
    guidance('consider the protected characteristics of the victim and perpetrator (Equality Act 2010) and whether they affected the services received.'),
    heading('Dissemination', 2),
    guidance('list who will receive the report and the learning.'),
    heading('2. Background information'),
    guidance('describe the victim, the perpetrator and their family, using pseudonyms only.'),
    ...(d.summary?.trim() ? [para('Notes from the review record, as a starting point:'), ...textParagraphs(d.summary)] : []),
    heading('3. Chronology'),
    guidance('a chronology of the significant events and agency contacts during the period under review.'),
    heading('4. Overview'),
    guidance('summarise what each agency knew and did.'),
    heading('5. Analysis'),
    guidance('analyse agency involvement against the terms of reference.'),
    ...(d.themes.length ? [para(`Themes recorded for this review: ${d.themes.join(', ')}.`)] : []),
    heading('6. Conclusions'),
    guidance('the conclusions of the review, including whether the death could have been predicted or prevented.'),
    heading('7. Lessons to be learned'),
    ...lessons(d),
    heading('8. Recommendations'),
    ...recommendationList(d),
  ];
  const appendix: Block[] = [heading('Appendix: Action plan'), filledNote(), actionPlanTable(d)];
  return document(d, title, [section(d, title, body), section(d, title, appendix, LANDSCAPE_PAGE)]);
}

export const EXECUTIVE_SUMMARY_SECTIONS = ['The review process', 'Contributors to the review', 'The review panel', 'Author of the overview report', 'Terms of reference', 'Summary chronology', 'Key issues arising from the review', 'Conclusions', 'Lessons to be learned', 'Recommendations'] as const;

export function executiveSummarySkeletonDocx(d: SkeletonData, today: string): Promise<Buffer> {
  const title = 'Executive summary';
  const body: Block[] = [
    ...coverPage(d, `${REVIEW_LABEL_WORDS[d.reviewLabel]}: ${title}`, today),
    heading('1. The review process'),
    para(`This summary outlines the process undertaken by ${d.review.districtName} Community Safety Partnership in reviewing the death of ${d.review.victimPseudonym}.`),
    ...keyDates(d),
    ...pseudonyms(d),
    heading('2. Contributors to the review'),
    ...imrs(d),
    heading('3. The review panel'),
    ...panel(d),
    heading('4. Author of the overview report'),
    para(`The independent chair and author is ${d.chairName ?? '[name]'}.`),
    guidance("state the author's independence."),
    heading('5. Terms of reference'),
    guidance('summarise the terms of reference.'),
    heading('6. Summary chronology'),
    guidance('a short summary of the key events.'),
    heading('7. Key issues arising from the review'),
    guidance('the key issues, by agency and for the partnership.'),
    ...(d.themes.length ? [para(`Themes recorded for this review: ${d.themes.join(', ')}.`)] : []),
    heading('8. Conclusions'),
    guidance('the conclusions of the review.'),
    heading('9. Lessons to be learned'),
    ...lessons(d),
    heading('10. Recommendations'),
    ...recommendationList(d),
  ];
  return document(d, title, [section(d, title, body)]);
}
