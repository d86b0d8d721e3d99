import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/ipc/errors.ts';
import { decodeXmlBytes } from '../anonymity/xml-scan.ts';

// Reading the parts of an Office file (a .docx or .xlsx is a zip of XML
// parts) when the file may be hostile, with the anonymity guard's approach
// to zip bombs (see anonymity/docx-text.ts): count the entries, and add up
// the sizes the zip declares for the parts we unpack before unpacking any.
// fflate unpacks a part into a buffer of its declared size and no more, so
// a part that lies about its size cannot grow past what was counted.
// Also refused: entries whose names climb out of the archive ("../../x",
// "/etc/x", "C:\x"), which no Office program writes, and XML parts with a
// document type declaration (<!DOCTYPE …>), which Word and Excel never
// write and which is how "billion laughs" entity bombs are built. (The XML
// scanner would not expand such entities anyway: see xml-scan.ts.)

export const MAX_ZIP_ENTRIES = 5000;
/** Most the parts read may unpack to, in total */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export type OfficeKind = 'docx' | 'xlsx';

const KIND_WORDS: Record<OfficeKind, string> = { docx: 'a Word document (.docx)', xlsx: 'an Excel workbook (.xlsx)' };

class Refusal extends Error {}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** A zip entry name that would point outside the archive if it were ever written out. */
export function isUnsafeEntryName(name: string): boolean {
  return name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..') || name.includes('\u0000');
}

function notKind(label: string, kind: OfficeKind, why: string): AppError {
  return new AppError('INVALID_INPUT', `${label} is not ${KIND_WORDS[kind]}${why}`);
}

/** What a file that is not a zip is, for the message. */
function notZip(bytes: Uint8Array, label: string, kind: OfficeKind): AppError {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length === 0) return notKind(label, kind, ': it is empty.');
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return notKind(
      label,
      kind,
      `: it is an older Office file (${kind === 'docx' ? '.doc' : '.xls'}) or a password-protected one. Open it, remove any password, and save it as ${KIND_WORDS[kind]}, then import that copy.`,
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return notKind(label, kind, ': it is a PDF. Import the Word or Excel file the PDF was made from.');
  if (starts(0x44, 0x48, 0x52, 0x54, 0x50, 0x41, 0x43, 0x4b)) return notKind(label, kind, ': it is a DHR Tracker exchange package. Import it with "Import package" instead.');
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return notKind(label, kind, ': it is a Rich Text (.rtf) file. Save it from Word as a Word Document (.docx), then import that copy.');
  return notKind(label, kind, '. Choose a file saved by Word, Excel, LibreOffice or Google Docs.');
}

/**
 * Unpack the parts `want` names (lower-case names), refusing bombs,
 * climbing names, the wrong kind of Office file and XML with a DOCTYPE.
 * Keys of the result are lower case.
 */
export function readOfficeZip(bytes: Uint8Array, label: string, kind: OfficeKind, want: (name: string) => boolean): Map<string, Uint8Array> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw notZip(bytes, label, kind);
  const seen = new Set<string>();
  let entries = 0;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries > MAX_ZIP_ENTRIES) throw new Refusal(`it holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en-GB')} files, far more than any ${kind === 'docx' ? 'Word document' : 'workbook'}`);
        if (isUnsafeEntryName(file.name)) {
          throw new Refusal(`it holds a file named "${file.name.slice(0, 80)}", which points outside the document. No Office program writes such names`);
        }
        const name = file.name.toLowerCase();
        seen.add(name);
        if (!want(name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new Refusal(`its contents would unpack to more than ${mb(MAX_UNPACKED_BYTES)}, far more than any action plan (a "zip bomb")`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Refusal) throw new AppError('INVALID_INPUT', `${label} was not imported: ${error.message}, so it may be damaged or deliberately malformed.`);
    throw new AppError('INVALID_INPUT', `${label} is damaged and cannot be read: it is not a complete ${kind === 'docx' ? 'Word document' : 'Excel workbook'}. Open it and save it again, then import the new copy.`);
  }
  const isWord = seen.has('word/document.xml');
  const isExcel = seen.has('xl/workbook.xml');
  if (kind === 'docx' && !isWord) {
    if (isExcel) throw notKind(label, kind, ': it is an Excel workbook with a .docx name. Rename it to end in .xlsx and import it as a spreadsheet.');
    if (seen.has('ppt/presentation.xml')) throw notKind(label, kind, ': it is a PowerPoint presentation.');
    if (seen.has('content.xml')) throw notKind(label, kind, ': it is an OpenDocument file. Save it as a Word Document (.docx), then import that copy.');
    throw notKind(label, kind, ': it is a zip file with no Word document inside.');
  }
  if (kind === 'xlsx' && !isExcel) {
    if (isWord) throw notKind(label, kind, ': it is a Word document with a .xlsx name. Rename it to end in .docx and import it as a Word document.');
    if (seen.has('content.xml')) throw notKind(label, kind, ': it is an OpenDocument spreadsheet. Save it as an Excel Workbook (.xlsx), then import that copy.');
    throw notKind(label, kind, ': it is a zip file with no workbook inside.');
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (name.toLowerCase().endsWith('.xml') || name.toLowerCase().endsWith('.rels')) {
      const head = decodeXmlBytes(data.subarray(0, 4096));
      const doctype = /<!DOCTYPE/i.test(head) || (data.length > 4096 && /<!DOCTYPE/i.test(decodeXmlBytes(data)));
      if (doctype) {
        throw new AppError(
          'INVALID_INPUT',
          `${label} was not imported: its part ${name} has a document type declaration (<!DOCTYPE>), which Word and Excel never write and which can be used to make a file expand enormously (an "XML bomb"). It may be deliberately malformed.`,
        );
      }
    }
    parts.set(name.toLowerCase(), data);
  }
  return parts;
}
