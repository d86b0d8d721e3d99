import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import mammoth from 'mammoth';

// Reading exported Word files back, as Word and LibreOffice would see them:
// the XML parts (jszip), the text (mammoth), and a real rendering to PDF by
// LibreOffice, read with poppler's pdfinfo and pdftotext.

export interface DocxParts {
  document: string;
  headers: string[];
  footers: string[];
  core: string;
  /** Every XML part of the package, joined: for checks that something appears nowhere */
  allXml: string;
}

export async function readDocx(file: string): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (/\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  }
  const matching = (re: RegExp) => [...parts].filter(([name]) => re.test(name)).map(([, xml]) => xml);
  return {
    document: parts.get('word/document.xml') ?? '',
    headers: matching(/^word\/header\d*\.xml$/),
    footers: matching(/^word\/footer\d*\.xml$/),
    core: parts.get('docProps/core.xml') ?? '',
    allXml: [...parts.values()].join('\n'),
  };
}

export async function docxRawText(file: string): Promise<string> {
  return (await mammoth.extractRawText({ path: file })).value;
}

/** The text of the w:t runs of an XML fragment, joined. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The table rows of document.xml, each as the texts of its cells. */
export function tableRows(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => xmlText(c[1]!)));
}

/**
 * For comparing text with what a PDF shows: line wrapping adds spaces and
 * line breaks, and may drop or add a hyphen where it breaks a word, so all
 * whitespace and hyphens go. Typographic quotes become plain ones.
 */
export function squash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\s\u00AD\u2010\u2011-]+/g, '');
}

export function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${command} is not installed. The Word export tests need it: apt-get install ${debianPackage} (.ci/run installs it).`);
}

/** Render Word files to PDF with LibreOffice, in a profile of its own so parallel runs do not clash. */
export function renderPdf(files: string[], outDir: string): string[] {
  requireTool('libreoffice', 'libreoffice-writer-nogui');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dhr-lo-profile-'));
  try {
    const result = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 90_000 },
    );
    const pdfs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
    const missing = pdfs.filter((p) => !fs.existsSync(p));
    if (result.status !== 0 || missing.length) {
      throw new Error(`LibreOffice did not render ${missing.join(', ') || 'the files'} (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    }
    return pdfs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  requireTool(command, 'poppler-utils');
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Each page's size in points, from pdfinfo. */
export function pdfPageSizes(pdf: string): Array<{ width: number; height: number }> {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
  const info = run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The PDF's text, one string per page. layout keeps each page's lines as laid out; without it, each table cell's text stays together. */
export function pdfPages(pdf: string, options: { layout?: boolean } = {}): string[] {
  const text = run('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-']);
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim());
}

/**
 * The text inside a vertical strip of every page (x and width in points from
 * the left edge), such as one table column: text in other columns cannot
 * interleave with it, so a cell's wrapped lines read in order.
 */
export function pdfStripText(pdf: string, strip: { x: number; width: number }): string {
  return run('pdftotext', ['-enc', 'UTF-8', '-x', String(Math.floor(strip.x)), '-y', '0', '-W', String(Math.ceil(strip.width)), '-H', '10000', pdf, '-']);
}
