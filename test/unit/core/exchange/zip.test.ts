import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFormatError, ZipReader } from '../../../../electron/core/exchange/zip-reader';
import { ZipWriter } from '../../../../electron/core/exchange/zip-writer';
import { sha256Hex } from '../../../../electron/core/util/sha256-hex';
import { lcg } from '../../../support/lcg';
import { makeTempDir, removeTempDirs } from '../../../support/temp-dir';

afterAll(removeTempDirs);

/** Flips the lowest bit of one byte. */
const flip = (bytes: Uint8Array, at: number): void => {
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
};

const AT = new Date('2026-11-28T02:30:00.000Z');
const HAS_UNZIP = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function randomBytesOf(n: number, seed: number): Uint8Array {
  const next = lcg(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

function write(entries: Array<[string, Uint8Array]>, name = 'test.zip'): string {
  const path = join(makeTempDir('pledge-zip-'), name);
  const writer = new ZipWriter(path, AT);
  for (const [entry, bytes] of entries) writer.add(entry, bytes);
  const { bytes, sha256 } = writer.finish();
  expect(bytes).toBe(readFileSync(path).length);
  expect(sha256).toBe(sha256Hex(readFileSync(path)));
  return path;
}

function readAll(path: string): Map<string, Uint8Array> {
  const reader = ZipReader.open(path);
  try {
    return new Map(reader.entries.map((e) => [e.name, reader.read(e, 1 << 30)]));
  } finally {
    reader.close();
  }
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('ZipWriter → ZipReader', () => {
  const entries: Array<[string, Uint8Array]> = [
    ['manifest.json', text(JSON.stringify({ 承诺书: '网店经营服务保障承诺书', n: [1, 2, 3] }).repeat(50))],
    ['archive/abc.pdf', randomBytesOf(5000, 1)],
    ['empty', new Uint8Array(0)],
    ['中文/名称.txt', text('承诺人签名')],
  ];

  it('round-trips stored and deflated entries, names in UTF-8, the empty entry included', () => {
    const read = readAll(write(entries));
    expect([...read.keys()]).toEqual(entries.map(([n]) => n));
    for (const [name, bytes] of entries) expect(Buffer.from(read.get(name) as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('deflates what shrinks and stores what does not (random bytes)', () => {
    const reader = ZipReader.open(write(entries));
    try {
      expect(reader.entry('manifest.json')?.method).toBe(8);
      expect(reader.entry('archive/abc.pdf')?.method).toBe(0);
    } finally {
      reader.close();
    }
  });

  it('is byte-for-byte reproducible for the same entries and time', () => {
    expect(readFileSync(write(entries)).equals(readFileSync(write(entries)))).toBe(true);
  });

  it.skipIf(!HAS_UNZIP)('is a standard ZIP: `unzip -t` tests it and lists every entry', () => {
    const path = write(entries);
    const r = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/No errors detected/);
  });

  it('refuses a second entry of the same name', () => {
    const writer = new ZipWriter(join(makeTempDir('pledge-zip-'), 'dup.zip'), AT);
    writer.add('a', text('1'));
    expect(() => writer.add('a', text('2'))).toThrow(/duplicate/);
    writer.abort();
  });
});

describe('ZIP64', () => {
  it('writes and reads 70,000 entries (more than the 65,535 a plain end record can count)', () => {
    const count = 70_000;
    const path = join(makeTempDir('pledge-zip64-'), 'many.zip');
    const writer = new ZipWriter(path, AT);
    for (let i = 0; i < count; i++) writer.add(`f/${i}`, text(String(i)), { compress: false });
    writer.finish();
    const reader = ZipReader.open(path);
    try {
      expect(reader.entries).toHaveLength(count);
      const last = reader.entries[count - 1];
      expect(last?.name).toBe(`f/${count - 1}`);
      expect(new TextDecoder().decode(reader.read(last as NonNullable<typeof last>, 100))).toBe(String(count - 1));
    } finally {
      reader.close();
    }
    if (HAS_UNZIP) {
      const r = spawnSync('unzip', ['-l', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`\\b${count} files`));
    }
  }, 60_000);
});

describe('ZipReader refuses damaged or hostile files with ZipFormatError', () => {
  it('not a ZIP, or cut short', () => {
    const dir = makeTempDir('pledge-zip-bad-');
    writeFileSync(join(dir, 'text'), '这不是压缩包'.repeat(20));
    expect(thrown(() => ZipReader.open(join(dir, 'text')))).toBeInstanceOf(ZipFormatError);
    const whole = readFileSync(write([['a', text('x'.repeat(100))]]));
    writeFileSync(join(dir, 'cut'), whole.subarray(0, whole.length - 10));
    expect(thrown(() => ZipReader.open(join(dir, 'cut')))).toBeInstanceOf(ZipFormatError);
  });

  it('a flipped data byte: the CRC-32 (stored) or the inflation (deflated) fails', () => {
    for (const data of [randomBytesOf(3000, 2), text('承诺'.repeat(2000))]) {
      const path = write([['file', data]]);
      const probe = ZipReader.open(path);
      const compressed = probe.entries[0]?.compressedSize ?? 0;
      probe.close();
      const bytes = readFileSync(path);
      flip(bytes, 30 + 'file'.length + Math.floor(compressed / 2));
      writeFileSync(path, bytes);
      const reader = ZipReader.open(path);
      try {
        const error = thrown(() => reader.read(reader.entries[0] as never, 1 << 20));
        expect(error).toBeInstanceOf(ZipFormatError);
        expect(error.message).toMatch(/^file: /);
      } finally {
        reader.close();
      }
    }
  });

  it('an entry larger than the caller allows is not inflated', () => {
    const path = write([['big', new Uint8Array(1 << 20)]]);
    const reader = ZipReader.open(path);
    try {
      expect(thrown(() => reader.read(reader.entries[0] as never, 1000)).message).toMatch(/larger than 1000 bytes/);
    } finally {
      reader.close();
    }
  });

  it('a declared size smaller than the data (a "zip bomb") stops at the declared size', () => {
    const path = write([['bomb', new Uint8Array(1 << 20)]]);
    const bytes = readFileSync(path);
    // Lower the uncompressed size in the central directory entry (offset 24 of its header) to 1000.
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1000, cd + 24);
    writeFileSync(path, bytes);
    const reader = ZipReader.open(path);
    try {
      expect(thrown(() => reader.read(reader.entries[0] as never, 1 << 30))).toBeInstanceOf(ZipFormatError);
    } finally {
      reader.close();
    }
  });

  it.each(['../evil', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', './a'])('an unsafe name %j', (name) => {
    const path = write([[name, text('x')]]);
    expect(thrown(() => ZipReader.open(path)).message).toMatch(/unsafe entry name/);
  });
});
