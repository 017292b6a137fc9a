import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { CoreError } from '../../errors';
import { decodeText, isBinary } from './decode-text';
import { htmlToText } from './html-to-text';

/** Documents above this are refused before any parsing: a pledge is a few pages, not a book. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'doc';

/**
 * Turns an imported file's bytes into plain text. The format comes from the content (ZIP for docx, OLE for
 * doc, markup for HTML) and, for text files, from the file name's extension; binary files, images, PDFs and
 * empty files are refused with a clear error code.
 */
export async function decodeDocument(bytes: Uint8Array, fileName = ''): Promise<{ text: string; format: DocumentFormat }> {
  if (bytes.length === 0) throw new CoreError('IMPORT_EMPTY', 'the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new CoreError('IMPORT_TOO_LARGE', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { text: await docxText(bytes), format: 'docx' };
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return { text: await docText(bytes), format: 'doc' };
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new CoreError('IMPORT_UNSUPPORTED', 'a PDF cannot be imported as a template; open it to stamp it instead');
  }
  if (ext === 'docx' || ext === 'doc') throw new CoreError('IMPORT_DAMAGED', `the file is named .${ext} but is not a Word document`);
  if (isBinary(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CoreError('IMPORT_UNSUPPORTED', 'the file is binary (an image or a program?), not a document');
  }
  const text = decodeText(bytes);
  if (ext === 'html' || ext === 'htm' || /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])/i.test(text)) {
    return { text: htmlToText(text), format: 'html' };
  }
  return { text, format: ext === 'md' || ext === 'markdown' ? 'md' : 'txt' };
}

async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw new CoreError('IMPORT_DAMAGED', `the .docx file cannot be read: ${(error as Error).message}`);
  }
}

async function docText(bytes: Uint8Array): Promise<string> {
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    return doc.getBody();
  } catch (error) {
    throw new CoreError('IMPORT_DAMAGED', `the .doc file cannot be read: ${(error as Error).message}`);
  }
}
