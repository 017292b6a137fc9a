import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** ZIP constants shared by the writer and the reader (APPNOTE.TXT 6.3.10). */
export const ZIP = {
  LOCAL: 0x04034b50,
  CENTRAL: 0x02014b50,
  END: 0x06054b50,
  END64: 0x06064b50,
  LOCATOR64: 0x07064b50,
  /** General purpose flag bit 11: the name is UTF-8. */
  UTF8: 0x0800,
  STORED: 0,
  DEFLATED: 8,
  /** Version 2.0 (deflate); 4.5 when ZIP64 fields are present. */
  V20: 20,
  V45: 45,
  MAX16: 0xffff,
  MAX32: 0xffffffff,
} as const;

interface CentralEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** MS-DOS time and date of an instant, from its UTC fields (so that a bundle does not depend on the time zone). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * Writes a ZIP file front to back, one whole entry at a time (each entry's bytes are in memory, the archive
 * is not): a local header with the sizes and CRC-32 known up front (no data descriptors), the data stored or
 * raw-deflated (whichever is smaller), then the central directory. Switches to ZIP64 end records when there
 * are more than 65,535 entries or the file passes 4 GiB. Names are UTF-8. While writing, the SHA-256 of the
 * whole file is computed, so the caller can name the result by its hash without reading it back.
 */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly names = new Set<string>();
  private readonly hash = createHash('sha256');
  private readonly stamp: { time: number; date: number };
  private done = false;

  /** Creates `path` (which must not exist) for writing; `modified` is every entry's time stamp. */
  constructor(
    private readonly path: string,
    modified: Date,
  ) {
    this.fd = openSync(path, 'wx', 0o644);
    this.stamp = dosDateTime(modified);
  }

  /** Adds one entry. `compress: false` stores it as is (for data known not to shrink). */
  add(name: string, data: Uint8Array, options: { compress?: boolean } = {}): void {
    if (this.done) throw new Error('the ZIP is finished');
    if (this.names.has(name)) throw new Error(`duplicate ZIP entry ${name}`);
    if (data.length >= ZIP.MAX32) throw new Error(`ZIP entry ${name} is too large`);
    this.names.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    let body: Uint8Array = data;
    let method: number = ZIP.STORED;
    if (options.compress !== false && data.length > 0) {
      const deflated = deflateRawSync(data, { level: 6 });
      if (deflated.length < data.length) {
        body = deflated;
        method = ZIP.DEFLATED;
      }
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(ZIP.LOCAL, 0);
    header.writeUInt16LE(ZIP.V20, 4);
    header.writeUInt16LE(ZIP.UTF8, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, method, crc, compressedSize: body.length, size: data.length, offset: this.offset });
    this.write(header);
    this.write(nameBytes);
    this.write(body);
  }

  /** Writes the central directory and end records, flushes to disk and closes. Returns the file's size and SHA-256. */
  finish(): { bytes: number; sha256: string } {
    if (this.done) throw new Error('the ZIP is finished');
    const cdOffset = this.offset;
    for (const entry of this.entries) {
      const zip64 = entry.offset >= ZIP.MAX32;
      const extra = Buffer.alloc(zip64 ? 12 : 0);
      if (zip64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(entry.offset), 4);
      }
      const header = Buffer.alloc(46);
      header.writeUInt32LE(ZIP.CENTRAL, 0);
      header.writeUInt16LE(zip64 ? ZIP.V45 : ZIP.V20, 4);
      header.writeUInt16LE(zip64 ? ZIP.V45 : ZIP.V20, 6);
      header.writeUInt16LE(ZIP.UTF8, 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt16LE(extra.length, 30);
      // comment length, disk number, internal and external attributes: all zero
      header.writeUInt32LE(zip64 ? ZIP.MAX32 : entry.offset, 42);
      this.write(header);
      this.write(entry.name);
      this.write(extra);
    }
    const cdSize = this.offset - cdOffset;
    const count = this.entries.length;
    const zip64 = count > ZIP.MAX16 || cdOffset >= ZIP.MAX32 || cdSize >= ZIP.MAX32;
    if (zip64) {
      const end64Offset = this.offset;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(ZIP.END64, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(ZIP.V45, 12);
      end64.writeUInt16LE(ZIP.V45, 14);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(cdSize), 40);
      end64.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP.LOCATOR64, 0);
      locator.writeBigUInt64LE(BigInt(end64Offset), 8);
      locator.writeUInt32LE(1, 16);
      this.write(end64);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(ZIP.END, 0);
    end.writeUInt16LE(Math.min(count, ZIP.MAX16), 8);
    end.writeUInt16LE(Math.min(count, ZIP.MAX16), 10);
    end.writeUInt32LE(Math.min(cdSize, ZIP.MAX32), 12);
    end.writeUInt32LE(Math.min(cdOffset, ZIP.MAX32), 16);
    this.write(end);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.done = true;
    return { bytes: this.offset, sha256: this.hash.digest('hex') };
  }

  /** Closes and deletes the unfinished file (after a failure). */
  abort(): void {
    if (!this.done) {
      this.done = true;
      closeSync(this.fd);
    }
    rmSync(this.path, { force: true });
  }

  private write(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at, this.offset + at);
    this.hash.update(bytes);
    this.offset += bytes.length;
  }
}
