import { attachmentProblem, ATTACHMENT_TYPES } from '../../../shared/domain/implementation-status.ts';
import { AppError } from '../../../shared/ipc/errors.ts';

// An evidence file must be what its name says: the allow-list is checked on
// the name and, for formats with a signature, on the bytes, so a renamed
// executable is refused.

const SIGNATURES: Record<string, Array<number[]>> = {
  pdf: [[0x25, 0x50, 0x44, 0x46]], // %PDF
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  // Office Open XML and OpenDocument files are zip archives.
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  xlsx: [[0x50, 0x4b, 0x03, 0x04]],
  pptx: [[0x50, 0x4b, 0x03, 0x04]],
  odt: [[0x50, 0x4b, 0x03, 0x04]],
  ods: [[0x50, 0x4b, 0x03, 0x04]],
  // Older Office and Outlook .msg files are OLE compound documents.
  doc: [[0xd0, 0xcf, 0x11, 0xe0]],
  xls: [[0xd0, 0xcf, 0x11, 0xe0]],
  msg: [[0xd0, 0xcf, 0x11, 0xe0]],
};

export interface CheckedAttachment {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export function checkAttachment(fileName: string, dataBase64: string): CheckedAttachment {
  const name = fileName.replace(/[\\/\0]/g, '_').trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new AppError('INVALID_INPUT', `${name} could not be read. Attach it again.`, { attachments: `${name} could not be read.` });
  const bytes = Buffer.from(dataBase64, 'base64');
  const problem = attachmentProblem(name, bytes.length);
  if (problem) throw new AppError('INVALID_INPUT', problem, { attachments: problem });
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)![1]!;
  const signatures = SIGNATURES[extension];
  if (signatures && !signatures.some((sig) => sig.every((byte, i) => bytes[i] === byte))) {
    const message = `${name} does not look like a .${extension} file: its contents are of another kind. Attach the original file.`;
    throw new AppError('INVALID_INPUT', message, { attachments: message });
  }
  return { fileName: name, mediaType: ATTACHMENT_TYPES[extension]!, bytes };
}
