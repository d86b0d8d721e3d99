import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTYWIDE_SECTIONS } from '../../../electron/services/reports/countywide-docx.ts';
import { CSP_SECTIONS } from '../../../electron/services/reports/csp-progress-docx.ts';
import { verifyAuditChain } from '../../../electron/services/store/audit.ts';
import { addDays, addMonths, formatLongDate, formatUkDate } from '../../../shared/domain/dates.ts';
import { STATUS_DEFAULTS } from '../../../shared/domain/vocabulary.ts';
import type { DashboardSummary } from '../../../shared/ipc/schemas.ts';
import { openTestBackend, type TestBackend } from '../../support/backend.ts';
import { docxRawText, pdfPageSizes, pdfPages, readDocx, renderPdf, squash, tableRows, xmlText } from '../../support/docx.ts';
import { tempDir } from '../../support/temp.ts';
import { TEST_TODAY } from '../../support/clock.ts';

// The CSP progress report and the countywide learning report, end to end:
// a demo store through the real dispatcher and save dialog stand-in, into
// .docx files read back as XML and by mammoth, and rendered by LibreOffice.

const MARKING = 'OFFICIAL-SENSITIVE';
const DISTRICT = 'Fenland';
const RENDER_TIMEOUT = 180_000;
const today = TEST_TODAY;
const periodFrom = addDays(addMonths(today, -12), 1);

let t: TestBackend;
let out: { dir: string; cleanup: () => void };
let target: string | null = null;
const dialogNames: string[] = [];
let districtId: string;
let csp: string;
let countywide: string;
let cspPdf: string;
let countywidePdf: string;

type Progress = { task: string; label: string; done: number; total: number };
const progressOf = (task: string) => t.events.filter(([e, p]) => e === 'task.progress' && (p as Progress).task === task).map(([, p]) => p as Progress);

function districtIdOf(name: string): string {
  return (t.db().prepare('SELECT id FROM districts WHERE name = ?').get(name) as { id: string }).id;
}

/** Every paragraph in a heading style, as [level, text]. */
function headings(documentXml: string): Array<[number, string]> {
  return [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading(\d)"\/>[\s\S]*?<\/w:p>/g)].map((m) => [Number(m[1]), xmlText(m[0])]);
}

/** The tables of document.xml, each as its rows of cell texts. */
function tables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => tableRows(m[0]));
}

async function mediaOf(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n));
}

beforeAll(async () => {
  out = tempDir('dhr-reports-');
  t = await openTestBackend({
    demo: true,
    exportTo: (defaultName) => {
      dialogNames.push(defaultName);
      return target;
    },
  });
  districtId = districtIdOf(DISTRICT);
  target = path.join(out.dir, 'csp.docx');
  csp = (await t.ok<{ file: string; bytes: number }>('reports.cspProgress', { districtId, asAt: today, forPublication: false })).file;
  target = path.join(out.dir, 'countywide.docx');
  countywide = (await t.ok<{ file: string; bytes: number }>('reports.countywide', { from: periodFrom, to: today, forPublication: false })).file;
  [cspPdf, countywidePdf] = renderPdf([csp, countywide], out.dir) as [string, string];
}, RENDER_TIMEOUT);

afterAll(() => {
  t?.close();
  out?.cleanup();
});

describe('reports.cspProgress', () => {
  it('offers a file name naming the district and the day, and writes the file it reports', () => {
    expect(dialogNames[0]).toBe(`${DISTRICT} DHR progress report as at ${formatUkDate(today).replace(/\//g, '-')}.docx`);
    expect(fs.statSync(csp).size).toBeGreaterThan(10_000);
    expect(fs.readFileSync(csp).subarray(0, 2).toString()).toBe('PK');
  });

  it('shows progress: one step at a time up to the total, ending with "Saved"', () => {
    const steps = progressOf('reports.cspProgress');
    expect(steps.length).toBeGreaterThan(20);
    const total = steps[0]!.total;
    expect(steps.every((s) => s.total === total)).toBe(true);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.done).toBeGreaterThanOrEqual(steps[i - 1]!.done);
    expect(steps.at(-1)).toEqual({ task: 'reports.cspProgress', label: 'Saved the CSP progress report', done: total, total });
    expect(steps.map((s) => s.label)).toContain('Drawing the chart of status over time');
  });

  it('has every section as a Word heading, and a table of contents field Word updates on opening', async () => {
    const { document, allXml } = await readDocx(csp);
    const found = headings(document);
    for (const section of Object.values(CSP_SECTIONS)) expect(found.map(([, text]) => text)).toContain(section);
    expect(found.find(([, text]) => text === CSP_SECTIONS.summary)![0]).toBe(1);
    expect(found.find(([, text]) => text === CSP_SECTIONS.byReview)![0]).toBe(2);
    expect(document).toMatch(/<w:instrText[^>]*>\s*TOC\b[^<]*\\o[^<]*<\/w:instrText>/);
    expect(allXml).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('has document properties: title, creator and company are the partnership', async () => {
    const { core } = await readDocx(csp);
    const zip = await JSZip.loadAsync(fs.readFileSync(csp));
    const app = await zip.file('docProps/app.xml')!.async('string');
    const partnership = (await t.ok<{ partnershipName: string }>('settings.get')).partnershipName.replace(/&/g, '&amp;');
    expect(core).toContain(`<dc:title>DHR recommendations: progress in ${DISTRICT}</dc:title>`);
    expect(core).toContain(`<dc:creator>${partnership}</dc:creator>`);
    expect(app).toContain(`<Company>${partnership}</Company>`);
  });

  it('has two charts as PNG pictures, each with alt text (title and description)', async () => {
    const { document } = await readDocx(csp);
    expect(await mediaOf(csp)).toHaveLength(2);
    const docPrs = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPrs).toHaveLength(2);
    for (const docPr of docPrs) {
      expect(docPr).toMatch(/descr="[^"]{40,}"/);
      expect(docPr).toMatch(/title="Status (by review|over time)/);
    }
    expect(docPrs.join('')).toContain('Horizontal stacked bar chart');
    expect(docPrs.join('')).toContain('Stacked column chart');
  });

  it('counts by status in its summary exactly as the dashboard does for the district, as at today', async () => {
    const summary = await t.ok<DashboardSummary>('dashboard.summary');
    const d = summary.districts.find((x) => x.name === DISTRICT)!;
    expect(d.applicable).toBeGreaterThan(10);
    const { document } = await readDocx(csp);
    const summaryTable = tables(document).find((rows) => rows[0]!.join('|') === 'Status|Number|What it means')!;
    const statuses = await t.ok<Array<{ code: keyof typeof STATUS_DEFAULTS; label: string; colourName: string }>>('statuses.list');
    for (const s of statuses) {
      const row = summaryTable.find((r) => r[0] === `${s.label} (${s.colourName})`)!;
      expect(row, s.label).toBeDefined();
      expect(Number(row[1]), s.label).toBe(d.counts[s.code]);
    }
    expect(summaryTable.at(-1)!.slice(0, 2)).toEqual(['Total applicable', String(d.applicable)]);
    const text = squash(await docxRawText(csp));
    expect(text).toContain(squash(`As at ${formatLongDate(today)}, ${d.applicable} recommendations`));
    expect(text).toContain(squash(`${d.overdue} ${d.overdue === 1 ? 'recommendation is' : 'recommendations are'} overdue`));
    expect(text).toContain(squash(`${d.dueSoon} ${d.dueSoon === 1 ? 'is' : 'are'} due within 30 days`));
    expect(text).toContain(squash(`${d.underConsideration} ${d.underConsideration === 1 ? 'recommendation is' : 'recommendations are'} still under consideration`));
  });

  it('lists the overdue recommendations first, then every applicable one with its lead, target, latest update and status', async () => {
    const summary = await t.ok<DashboardSummary>('dashboard.summary');
    const d = summary.districts.find((x) => x.name === DISTRICT)!;
    const { document } = await readDocx(csp);
    const itemTables = tables(document).filter((rows) => rows[0]!.join('|') === 'Review and number|Recommendation|Local lead|Target date|Latest update|Status');
    expect(itemTables).toHaveLength(d.overdue > 0 ? 2 : 1);
    const all = itemTables.at(-1)!.slice(1);
    expect(all).toHaveLength(d.applicable);
    if (d.overdue) {
      const overdue = itemTables[0]!.slice(1);
      expect(overdue).toHaveLength(d.overdue);
      // The full list starts with the same overdue items, in the same order.
      expect(all.slice(0, d.overdue)).toEqual(overdue);
      for (const row of overdue) expect(row[3]).toMatch(/Overdue by \d+ days?/);
    }
    // The dashboard's overdue list for the district names the same recommendations.
    const expected = summary.overdue.filter((o) => o.districtName === DISTRICT).map((o) => `${o.reviewReference}Recommendation ${o.recommendationNumber}`);
    expect(all.slice(0, d.overdue).map((r) => r[0]).sort()).toEqual(expected.sort());
    for (const row of all) {
      expect(row[0]).toMatch(/^DHR-[A-Z]{2}-\d{4}-\d{2}Recommendation \d+$/);
      expect(row[1]!.length).toBeGreaterThan(20);
      expect(row[3]).toMatch(/^(\d{2}\/\d{2}\/\d{4}(Overdue by \d+ days?|Due within 30 days|Not yet due|Closed)|No target date)$/);
      expect(row[5]).toMatch(/\((PURPLE|AMBER|GREEN|RED|BLUE|NAVY|GREY)\)/);
    }
    // Dates are written UK style throughout.
    expect(xmlText(document)).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('shows each status in words on the colour the partnership set for it', async () => {
    const { document } = await readDocx(csp);
    const statuses = await t.ok<Array<{ code: string; label: string; colour: string }>>('statuses.list');
    const rows = [...document.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    for (const s of statuses) {
      const cell = rows.find((c) => xmlText(c).startsWith(`${s.label} (`))!;
      expect(cell, s.label).toBeDefined();
      expect(cell).toMatch(new RegExp(`<w:shd [^>]*w:fill="${s.colour.slice(1).toUpperCase()}"`));
      expect(cell).toMatch(/<w:shd [^>]*w:val="clear"/);
    }
  });

  it('lists the "not applicable" decisions with their reasons in an annex', async () => {
    const rows = t
      .db()
      .prepare(
        `SELECT a.reason FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id AND r.deleted_at IS NULL
           JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
          WHERE a.district_id = ? AND a.decision = 'not_applicable'`,
      )
      .all(districtId) as Array<{ reason: string }>;
    expect(rows.length).toBeGreaterThan(0);
    const { document } = await readDocx(csp);
    const annex = tables(document).find((r) => r[0]!.join('|') === 'Review and number|Recommendation|Decided|Reason')!;
    expect(annex.slice(1)).toHaveLength(rows.length);
    for (const { reason } of rows) expect(annex.slice(1).map((r) => r[3])).toContain(reason);
  });

  it('renders in LibreOffice: portrait pages, landscape for the recommendation tables, the marking and "Page X of Y" on every page', () => {
    const sizes = pdfPageSizes(cspPdf);
    const pages = pdfPages(cspPdf);
    expect(pages.length).toBe(sizes.length);
    // The contents page names the sections too, so look after it.
    const first = pages.findIndex((p, i) => i > 1 && p.includes(CSP_SECTIONS.overdue));
    const annex = pages.findIndex((p, i) => i > 1 && p.includes(CSP_SECTIONS.notApplicable));
    expect(first).toBeGreaterThan(1);
    expect(annex).toBeGreaterThan(first);
    sizes.forEach((size, i) => {
      const landscape = i >= first && i < annex;
      expect(size.width > size.height, `page ${i + 1} is ${landscape ? 'landscape' : 'portrait'}`).toBe(landscape);
      expect(Math.round(Math.max(size.width, size.height))).toBe(842);
    });
    pages.forEach((page, i) => {
      expect(page.split(MARKING).length - 1, `marking on page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page, `review label on page ${i + 1}`).toContain(`DHR progress report · ${DISTRICT}`);
    });
    const cover = pages[0]!;
    expect(cover).toContain('Progress on DHR recommendations');
    expect(cover).toContain(`As at ${formatLongDate(today)}`);
    // The contents list the headings.
    for (const section of [CSP_SECTIONS.summary, CSP_SECTIONS.all, CSP_SECTIONS.notApplicable]) expect(pages[1]).toContain(section);
    const text = pages.join('\n');
    for (const section of Object.values(CSP_SECTIONS)) expect(squash(text)).toContain(squash(section));
  }, RENDER_TIMEOUT);

  it('is recorded in the audit log with the district and day, and the chain still verifies', () => {
    const entries = t.db().prepare("SELECT detail FROM audit_log WHERE action = 'export' AND entity = 'report' ORDER BY seq").all() as Array<{ detail: string }>;
    const details = entries.map((e) => JSON.parse(e.detail) as Record<string, unknown>);
    expect(details).toContainEqual(expect.objectContaining({ export: 'CSP progress report', district: DISTRICT, asAt: today, forPublication: false, file: 'csp.docx' }));
    expect(details).toContainEqual(expect.objectContaining({ export: 'countywide learning report', from: periodFrom, to: today, file: 'countywide.docx' }));
    expect(verifyAuditChain(t.db()).ok).toBe(true);
  });
});

describe('"as at" an earlier day', () => {
  it('uses only the updates dated on or before it, and compares target dates with it', async () => {
    // A district's recommendation whose status changed: as at its first update, the report shows that first update.
    const pick = t
      .db()
      .prepare(
        `SELECT a.id, a.target_date AS targetDate, min(u.as_at_date) AS firstAsAt, count(DISTINCT u.status) AS statuses
           FROM applicability a JOIN progress_updates u ON u.applicability_id = a.id
          WHERE a.district_id = ? AND a.decision = 'applicable' AND a.decided_date IS NOT NULL
          GROUP BY a.id HAVING statuses > 1 ORDER BY firstAsAt DESC LIMIT 1`,
      )
      .get(districtId) as { id: string; targetDate: string; firstAsAt: string };
    expect(pick).toBeDefined();
    const first = t.db().prepare('SELECT status, note FROM progress_updates WHERE applicability_id = ? AND as_at_date = ? ORDER BY created_at DESC LIMIT 1').get(pick.id, pick.firstAsAt) as {
      status: keyof typeof STATUS_DEFAULTS;
      note: string;
    };
    const ref = t
      .db()
      .prepare(
        `SELECT v.reference, (SELECT count(*) FROM recommendations r2 WHERE r2.review_id = r.review_id AND r2.deleted_at IS NULL AND r2.position <= r.position) AS number
           FROM applicability a JOIN recommendations r ON r.id = a.recommendation_id JOIN reviews v ON v.id = r.review_id WHERE a.id = ?`,
      )
      .get(pick.id) as { reference: string; number: number };
    target = path.join(out.dir, 'earlier.docx');
    await t.ok('reports.cspProgress', { districtId, asAt: pick.firstAsAt, forPublication: false });
    const { document } = await readDocx(target);
    const all = tables(document).filter((rows) => rows[0]![0] === 'Review and number' && rows[0]![5] === 'Status').at(-1)!;
    const row = all.find((r) => r[0] === `${ref.reference}Recommendation ${ref.number}`)!;
    expect(row).toBeDefined();
    expect(row[4]).toContain(formatUkDate(pick.firstAsAt));
    expect(row[4]).toContain(first.note.split('\n')[0]!);
    expect(row[5]!.startsWith(STATUS_DEFAULTS[first.status].label)).toBe(true);
    const due = pick.targetDate < pick.firstAsAt && !['complete', 'complete_late', 'not_implemented'].includes(first.status) ? /Overdue by/ : /Due within|Not yet due|Closed/;
    expect(row[3]).toMatch(due);
    expect(squash(xmlText(document))).toContain(squash(`As at ${formatLongDate(pick.firstAsAt)}`));
  });
});

describe('reports.countywide', () => {
  it('has every section as a Word heading, a contents field, and the review label', async () => {
    const { document, headers } = await readDocx(countywide);
    const found = headings(document).map(([, text]) => text);
    for (const section of Object.values(COUNTYWIDE_SECTIONS)) expect(found).toContain(section);
    expect(document).toMatch(/<w:instrText[^>]*>\s*TOC\b/);
    expect(xmlText(headers[0]!)).toContain(`DHR countywide learning report · ${formatUkDate(periodFrom)} to ${formatUkDate(today)}`);
    expect(dialogNames).toContain(`DHR countywide learning report ${formatUkDate(periodFrom).replace(/\//g, '-')} to ${formatUkDate(today).replace(/\//g, '-')}.docx`);
  });

  it('has a themes chart and a status by district chart, each a picture with alt text', async () => {
    const { document } = await readDocx(countywide);
    expect(await mediaOf(countywide)).toHaveLength(2);
    const docPrs = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPrs).toHaveLength(2);
    expect(docPrs[0]).toMatch(/title="Themes across DHRs/);
    expect(docPrs[1]).toMatch(/title="Status by district/);
    for (const docPr of docPrs) expect(docPr).toMatch(/descr="[^"]{40,}"/);
  });

  it('lists the reviews notified or open in the period, with stage and duration', async () => {
    const expected = t
      .db()
      .prepare(
        `SELECT reference FROM reviews WHERE deleted_at IS NULL AND notification_date <= @to
            AND (notification_date >= @from OR closed_date IS NULL OR closed_date >= @from)
            AND (decision IS NOT 'not_hold' OR notification_date >= @from OR decision_date >= @from)`,
      )
      .all({ from: periodFrom, to: today }) as Array<{ reference: string }>;
    expect(expected.length).toBeGreaterThan(3);
    const { document } = await readDocx(countywide);
    const reviews = tables(document).find((r) => r[0]![0] === 'Review' && r[0]![3] === 'Stage')!;
    expect(reviews.slice(1).map((r) => r[0]!.split(/(?<=\d{2})(?=[A-Z])/)[0]).sort()).toEqual(expected.map((r) => r.reference).sort());
    for (const row of reviews.slice(1)) expect(row[5]).toMatch(/^\d+ (days?|months?|years?)/);
  });

  it('counts themes across those reviews as the store records them', async () => {
    const { document } = await readDocx(countywide);
    const themes = tables(document).find((r) => r[0]!.join('|') === 'Theme|Kind of theme|Reviews|Recommendations')!;
    expect(themes.length).toBeGreaterThan(3);
    const [, first] = themes;
    const count = t
      .db()
      .prepare(
        `SELECT count(*) AS n FROM review_themes rt JOIN themes t ON t.id = rt.theme_id JOIN reviews v ON v.id = rt.review_id AND v.deleted_at IS NULL
          WHERE t.name = ? AND v.notification_date <= @to AND (v.notification_date >= @from OR v.closed_date IS NULL OR v.closed_date >= @from)`,
      )
      .get(first![0], { from: periodFrom, to: today }) as { n: number };
    expect(Number(first![2])).toBe(count.n);
  });

  it('has the matrix on landscape pages with its header row repeated, one row per recommendation, a column per district', async () => {
    const { document } = await readDocx(countywide);
    const districts = (t.db().prepare('SELECT name FROM districts WHERE retired_at IS NULL ORDER BY sort_order, name').all() as Array<{ name: string }>).map((d) => d.name);
    const matrixXml = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((x) => tableRows(x)[0]!.join('|') === ['Recommendation', ...districts].join('|'))!;
    expect(matrixXml).toBeDefined();
    expect(/<w:tr>([\s\S]*?)<\/w:tr>/.exec(matrixXml)![1]).toContain('<w:tblHeader/>');
    const rows = tableRows(matrixXml).slice(1);
    const recs = t
      .db()
      .prepare(
        `SELECT count(*) AS n FROM recommendations r JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
          WHERE r.deleted_at IS NULL AND v.notification_date <= @to AND (v.notification_date >= @from OR v.closed_date IS NULL OR v.closed_date >= @from)
            AND (v.decision IS NOT 'not_hold' OR v.notification_date >= @from OR v.decision_date >= @from)`,
      )
      .get({ from: periodFrom, to: today }) as { n: number };
    expect(rows).toHaveLength(recs.n);
    for (const row of rows) {
      expect(row).toHaveLength(1 + districts.length);
      for (const cell of row.slice(1)) expect(cell).toMatch(/^(Under consideration|Not applicable|Already in place|.+ \((PURPLE|AMBER|GREEN|RED|BLUE|NAVY|GREY)\).*)$/);
    }
    const sizes = pdfPageSizes(countywidePdf);
    const pages = pdfPages(countywidePdf);
    const start = pages.findIndex((p, i) => i > 1 && p.includes(COUNTYWIDE_SECTIONS.matrix));
    const end = pages.findIndex((p, i) => i > 1 && p.includes(COUNTYWIDE_SECTIONS.overdue));
    expect(end).toBeGreaterThan(start + 1);
    sizes.forEach((size, i) => expect(size.width > size.height, `page ${i + 1}`).toBe(i >= start && i < end));
    // Every landscape page of the matrix starts with its header row.
    for (let i = start + 1; i < end; i++) expect(pages[i]).toMatch(new RegExp(`Recommendation\\s+${districts[0]}`));
    pages.forEach((page, i) => {
      expect(page, `marking on page ${i + 1}`).toContain(MARKING);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    for (const section of Object.values(COUNTYWIDE_SECTIONS)) expect(squash(pages.join('\n'))).toContain(squash(section));
  });

  it('lists the overdue recommendations of each district, as many as the dashboard counts for those reviews', async () => {
    const { document } = await readDocx(countywide);
    const overall = tables(document).find((r) => r[0]![0] === 'District' && r[0]![2] === 'Overdue')!;
    const total = overall.at(-1)!;
    expect(total[0]).toBe('All districts');
    const perDistrict = tables(document).filter((r) => r[0]!.join('|') === 'Review and number|Recommendation|Local lead|Target date');
    expect(perDistrict.reduce((n, rows) => n + rows.length - 1, 0)).toBe(Number(total[2]));
    for (const row of perDistrict.flatMap((r) => r.slice(1))) expect(row[3]).toMatch(/Overdue by \d+ days?$/);
  });

  it('lists recommendations to national bodies with whether each was sent and acknowledged', async () => {
    const expected = t
      .db()
      .prepare(
        `SELECT ag.name, ra.notified_date AS notified, ra.acknowledged_date AS acknowledged FROM recommendation_addressees ra
           JOIN agencies ag ON ag.id = ra.agency_id AND ag.kind = 'national'
           JOIN recommendations r ON r.id = ra.recommendation_id AND r.deleted_at IS NULL
           JOIN reviews v ON v.id = r.review_id AND v.deleted_at IS NULL
          WHERE v.notification_date <= @to AND (v.notification_date >= @from OR v.closed_date IS NULL OR v.closed_date >= @from)
            AND (v.decision IS NOT 'not_hold' OR v.notification_date >= @from OR v.decision_date >= @from)`,
      )
      .all({ from: periodFrom, to: today }) as Array<{ name: string; notified: string | null; acknowledged: string | null }>;
    expect(expected.length).toBeGreaterThan(0);
    const { document } = await readDocx(countywide);
    const national = tables(document).find((r) => r[0]!.join('|') === 'Review and number|Recommendation|Addressed to|Sent to the body|Acknowledged')!;
    const rows = national.slice(1);
    expect(rows).toHaveLength(expected.length);
    expect(rows.filter((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(r[4]!))).toHaveLength(expected.filter((e) => e.acknowledged).length);
    expect(rows.filter((r) => r[3] === 'Not yet sent')).toHaveLength(expected.filter((e) => !e.notified).length);
    expect(rows.map((r) => r[2]).sort()).toEqual(expected.map((e) => e.name).sort());
  });
});

describe('the review label and the marking follow the settings', () => {
  it('says DARDR throughout when the partnership uses that label, with its own marking on every page', async () => {
    await t.ok('settings.update', { reviewLabel: 'DARDR', protectiveMarking: 'OFFICIAL' });
    try {
      target = path.join(out.dir, 'dardr.docx');
      const result = await t.ok<{ file: string }>('reports.cspProgress', { districtId, asAt: today, forPublication: false });
      const { headers, footers, core } = await readDocx(result.file);
      for (const header of headers) expect(xmlText(header)).toMatch(/^OFFICIAL(?!-)DARDR progress report · Fenland/);
      for (const footer of footers) expect(xmlText(footer)).toContain('OFFICIAL');
      expect(core).toContain('<dc:title>DARDR recommendations: progress in Fenland</dc:title>');
      const text = await docxRawText(result.file);
      expect(text).toContain('Progress on DARDR recommendations');
      expect(text).toContain('Domestic Abuse Related Death Reviews');
    } finally {
      await t.ok('settings.update', { reviewLabel: 'DHR', protectiveMarking: MARKING });
    }
  });
});

describe('for publication', () => {
  it('writes a report with no real names in it, after checking', async () => {
    target = path.join(out.dir, 'published.docx');
    const result = await t.ok<{ file: string }>('reports.cspProgress', { districtId, asAt: today, forPublication: true });
    expect(fs.existsSync(result.file)).toBe(true);
    expect(progressOf('reports.cspProgress').map((p) => p.label)).toContain('Checking the report for real names');
  });

  it('refuses a CSP report holding a real name from a register, listing each place, and writes nothing', async () => {
    const person = t.db().prepare("SELECT p.real_name AS realName, v.reference FROM review_people p JOIN reviews v ON v.id = p.review_id WHERE p.role = 'victim' LIMIT 1").get() as {
      realName: string;
      reference: string;
    };
    // A CSP officer's progress note names the victim by mistake.
    const item = t.db().prepare("SELECT id FROM applicability WHERE district_id = ? AND decision = 'applicable' AND status NOT IN ('complete', 'complete_late') LIMIT 1").get(districtId) as { id: string };
    await t.ok('progress.add', { applicabilityId: item.id, asAtDate: today, author: 'Test officer', status: 'on_track', note: `Spoke to ${person.realName}'s sister about the referral.` });
    const before = dialogNames.length;
    target = path.join(out.dir, 'refused.docx');
    const reply = await t.dispatch('reports.cspProgress', { districtId, asAt: today, forPublication: true });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('NAMES_FOUND');
    expect(reply.error.message).toMatch(/^Nothing was written\./);
    expect(reply.error.message).toContain(`${person.realName} (${person.reference})`);
    expect(reply.error.message.split('\n').length).toBeGreaterThanOrEqual(3);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(out.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    // Refused before the save dialog was even opened.
    expect(dialogNames.length).toBe(before);
    // Not for publication, the same report is written (it is for the board, marked).
    expect((await t.ok<{ file: string }>('reports.cspProgress', { districtId, asAt: today, forPublication: false })).file).toBe(target);
  });

  it('refuses a countywide report holding a real name in a recommendation, and writes nothing', async () => {
    const person = t.db().prepare("SELECT p.real_name AS realName FROM review_people p WHERE p.role = 'perpetrator' LIMIT 1").get() as { realName: string };
    const rec = t
      .db()
      .prepare(
        `SELECT r.id FROM recommendations r JOIN reviews v ON v.id = r.review_id WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL
            AND v.notification_date <= ? AND v.closed_date IS NULL ORDER BY v.notification_date LIMIT 1`,
      )
      .get(today) as { id: string };
    t.db().prepare('UPDATE recommendations SET text = ? || text WHERE id = ?').run(`After ${person.realName} was released, `, rec.id);
    target = path.join(out.dir, 'refused-countywide.docx');
    const reply = await t.dispatch('reports.countywide', { from: periodFrom, to: today, forPublication: true });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('NAMES_FOUND');
      expect(reply.error.message).toContain(person.realName);
    }
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('bad input', () => {
  it('an unknown district: refused, nothing written', async () => {
    target = path.join(out.dir, 'unknown.docx');
    const reply = await t.dispatch('reports.cspProgress', { districtId: '00000000-0000-4000-8000-000000000000', asAt: today, forPublication: false });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('NOT_FOUND');
      expect(reply.error.message).toContain('Districts: Cambridge City, East Cambridgeshire, Fenland');
    }
    expect(fs.existsSync(target)).toBe(false);
  });

  it('a period that ends before it starts: refused, with the field, nothing written', async () => {
    target = path.join(out.dir, 'backwards.docx');
    const reply = await t.dispatch('reports.countywide', { from: today, to: addDays(today, -1), forPublication: false });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_INPUT');
      expect(reply.error.message).toBe(
        `The period ends (${formatLongDate(addDays(today, -1))}) before it starts (${formatLongDate(today)}). Give an end date on or after the start date.`,
      );
      expect(reply.error.fields?.to).toBeDefined();
    }
    expect(fs.existsSync(target)).toBe(false);
  });

  it('an "as at" date in the future, or not a date: refused', async () => {
    const future = await t.dispatch('reports.cspProgress', { districtId, asAt: addDays(today, 1), forPublication: false });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error.message).toContain('is in the future');
    const invalid = await t.dispatch('reports.cspProgress', { districtId, asAt: '2026-02-31', forPublication: false });
    expect(invalid.ok).toBe(false);
  });

  it('a folder that cannot be written: refused with what to do, and no file or temporary file left', async () => {
    const name = `dhr-report-test-${process.pid}.docx`;
    target = path.join('/sys', name);
    const reply = await t.dispatch('reports.cspProgress', { districtId, asAt: today, forPublication: false });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('NOT_WRITABLE');
      expect(reply.error.message).toContain('Choose a folder you can write to');
    }
    expect(fs.readdirSync('/sys').filter((f) => f.includes('dhr-report-test'))).toEqual([]);
  });

  it('cancelled in the save dialog: nothing written, nothing audited', async () => {
    const audited = (t.db().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'report'").get() as { n: number }).n;
    target = null;
    expect(await t.ok('reports.countywide', { from: periodFrom, to: today, forPublication: false })).toEqual({ file: null, bytes: null });
    expect((t.db().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'report'").get() as { n: number }).n).toBe(audited);
  });

  it('while locked: refused before any work', async () => {
    const reply = await t.dispatch('reports.cspProgress', { districtId, asAt: today, forPublication: false });
    expect(reply.ok).toBe(true);
    t.backend.session.lock('manual');
    const locked = await t.dispatch('reports.countywide', { from: periodFrom, to: today, forPublication: false });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('LOCKED');
  });
});
