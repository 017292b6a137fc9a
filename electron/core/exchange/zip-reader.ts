import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { ZIP } from './zip-writer';

/** The file is not a ZIP this reader accepts; `message` says what is wrong, in English. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size in bytes, as the central directory declares it. */
  size: number;
  localHeaderOffset: number;
}

/** The central directory of a bundle with 100,000 records is ~10 MB: a much larger one is not ours. */
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name that could climb out of a folder or means something else on another system is refused. */
function checkName(name: string): void {
  const segments = name.split('/');
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\u0000') ||
    /^[A-Za-z]:/.test(name) ||
    segments.some((s) => s === '..' || s === '.')
  ) {
    throw new ZipFormatError(`unsafe entry name ${JSON.stringify(name)}`);
  }
}

/**
 * Reads a ZIP file through positional reads: the central directory (ZIP64 aware) is read once, each entry
 * only when asked for, so a large bundle never sits in memory whole. Refuses encrypted entries, methods other
 * than stored and deflate, unsafe or duplicate names, and entries whose size or CRC-32 do not match their
 * header (a damaged or tampered file). Throws `ZipFormatError`.
 */
export class ZipReader {
  private closed = false;
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    private readonly fd: number,
    private readonly fileSize: number,
    readonly entries: readonly ZipEntry[],
    private readonly dataEnd: number,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Opens `path` and reads its central directory. */
  static open(path: string): ZipReader {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const { entries, dataEnd } = readDirectory(fd, size);
      return new ZipReader(fd, size, entries, dataEnd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The entry named `name`, if any. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** An entry's bytes, inflated and checked against its size and CRC-32; refuses entries above `maxBytes`. */
  read(entry: ZipEntry, maxBytes: number): Uint8Array {
    if (this.closed) throw new Error('the ZIP is closed');
    if (entry.size > maxBytes) throw new ZipFormatError(`${entry.name} is larger than ${maxBytes} bytes`);
    const header = readAt(this.fd, entry.localHeaderOffset, 30, this.fileSize);
    if (header.readUInt32LE(0) !== ZIP.LOCAL) throw new ZipFormatError(`${entry.name}: no local header where the directory points`);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const localName = readAt(this.fd, entry.localHeaderOffset + 30, nameLength, this.fileSize);
    if (localName.toString('utf8') !== entry.name) throw new ZipFormatError(`${entry.name}: its local header names another file`);
    const start = entry.localHeaderOffset + 30 + nameLength + extraLength;
    if (start + entry.compressedSize > this.dataEnd) throw new ZipFormatError(`${entry.name}: its data runs into the directory`);
    const raw = readAt(this.fd, start, entry.compressedSize, this.fileSize);
    let data: Buffer;
    if (entry.method === ZIP.STORED) {
      data = raw;
    } else {
      try {
        // maxOutputLength stops a "zip bomb" at the declared size instead of inflating gigabytes.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        throw new ZipFormatError(`${entry.name}: cannot be inflated (${(error as Error).message})`);
      }
    }
    if (data.length !== entry.size) throw new ZipFormatError(`${entry.name}: ${data.length} bytes instead of ${entry.size}`);
    if (crc32(data) !== entry.crc32) throw new ZipFormatError(`${entry.name}: CRC-32 mismatch (the file is damaged)`);
    return new Uint8Array(data.buffer, data.byteOffset, data.length);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

function readAt(fd: number, position: number, length: number, fileSize: number): Buffer {
  if (position < 0 || length < 0 || position + length > fileSize) throw new ZipFormatError('truncated file');
  const buffer = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buffer, at, length - at, position + at);
    if (n === 0) throw new ZipFormatError('truncated file');
    at += n;
  }
  return buffer;
}

function readDirectory(fd: number, size: number): { entries: ZipEntry[]; dataEnd: number } {
  if (size < 22) throw new ZipFormatError('not a ZIP file (too short)');
  const tailLength = Math.min(size, 22 + ZIP.MAX16);
  const tail = readAt(fd, size - tailLength, tailLength, size);
  let endAt = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP.END && i + 22 + tail.readUInt16LE(i + 20) === tailLength) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw new ZipFormatError('not a ZIP file (no end of central directory)');
  const endOffset = size - tailLength + endAt;
  let count = tail.readUInt16LE(endAt + 10);
  let cdSize = tail.readUInt32LE(endAt + 12);
  let cdOffset = tail.readUInt32LE(endAt + 16);
  if (tail.readUInt16LE(endAt + 4) !== 0 || tail.readUInt16LE(endAt + 6) !== 0) throw new ZipFormatError('multi-disk ZIP files are not supported');
  let dataEnd = endOffset;
  if (count === ZIP.MAX16 || cdSize === ZIP.MAX32 || cdOffset === ZIP.MAX32) {
    const locator = readAt(fd, endOffset - 20, 20, size);
    if (locator.readUInt32LE(0) !== ZIP.LOCATOR64) throw new ZipFormatError('ZIP64 locator missing');
    const end64Offset = Number(locator.readBigUInt64LE(8));
    const end64 = readAt(fd, end64Offset, 56, size);
    if (end64.readUInt32LE(0) !== ZIP.END64) throw new ZipFormatError('ZIP64 end record missing');
    count = Number(end64.readBigUInt64LE(32));
    cdSize = Number(end64.readBigUInt64LE(40));
    cdOffset = Number(end64.readBigUInt64LE(48));
    dataEnd = end64Offset;
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY) throw new ZipFormatError('central directory too large');
  if (cdOffset + cdSize > dataEnd) throw new ZipFormatError('central directory out of bounds');
  const cd = readAt(fd, cdOffset, cdSize, size);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== ZIP.CENTRAL) throw new ZipFormatError(`central directory entry ${i + 1} is damaged`);
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > cd.length) throw new ZipFormatError(`central directory entry ${i + 1} is damaged`);
    let name: string;
    try {
      name = utf8.decode(cd.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw new ZipFormatError(`entry ${i + 1} has a name that is not UTF-8`);
    }
    if (flags & 0x0041) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== ZIP.STORED && method !== ZIP.DEFLATED) throw new ZipFormatError(`${name} uses compression method ${method}`);
    checkName(name);
    if (names.has(name)) throw new ZipFormatError(`${name} appears twice`);
    names.add(name);
    let size = cd.readUInt32LE(at + 24);
    let compressedSize = cd.readUInt32LE(at + 20);
    let offset = cd.readUInt32LE(at + 42);
    // ZIP64 extended information: only the fields whose 32-bit slot is saturated, in this order.
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const next = (): number => {
          if (f + 8 > e + 4 + length || f + 8 > extra.length) throw new ZipFormatError(`${name}: damaged ZIP64 field`);
          const value = Number(extra.readBigUInt64LE(f));
          f += 8;
          return value;
        };
        if (size === ZIP.MAX32) size = next();
        if (compressedSize === ZIP.MAX32) compressedSize = next();
        if (offset === ZIP.MAX32) offset = next();
      }
      e += 4 + length;
    }
    entries.push({ name, method, crc32: cd.readUInt32LE(at + 16), compressedSize, size, localHeaderOffset: offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, dataEnd: cdOffset };
}
