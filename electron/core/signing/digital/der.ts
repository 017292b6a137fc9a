/**
 * A minimal DER reader and writer for the few structures a PDF signature needs (X.509 fields, CMS
 * SignedData). Why not re-encode through a general ASN.1 library: the issuer name and serial number in a
 * CMS SignerInfo must be byte-identical to the certificate's, so they are copied as raw slices, never
 * parsed and written back.
 */

/** One TLV element found in `bytes`: `start` is the tag's offset, `end` is one past its last content byte. */
export interface DerNode {
  /** The identifier octet, e.g. 0x30 SEQUENCE, 0xa0 [0] constructed. Only single-octet tags are supported. */
  tag: number;
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  end: number;
}

/** Reads the element starting at `offset`; throws on truncation, indefinite lengths or multi-octet tags. */
export function readDer(bytes: Uint8Array, offset = 0): DerNode {
  const tag = bytes[offset];
  if (tag === undefined || (tag & 0x1f) === 0x1f) throw new Error(`DER: no supported tag at ${offset}`);
  let pos = offset + 1;
  const first = bytes[pos++];
  if (first === undefined) throw new Error('DER: truncated length');
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length form');
    length = 0;
    for (let i = 0; i < count; i++) {
      const b = bytes[pos++];
      if (b === undefined) throw new Error('DER: truncated length');
      length = length * 256 + b;
    }
  }
  const end = pos + length;
  if (end > bytes.length) throw new Error('DER: element runs past the end');
  return { tag, start: offset, contentStart: pos, end };
}

/** The direct children of a constructed element. */
export function derChildren(bytes: Uint8Array, node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  for (let pos = node.contentStart; pos < node.end; ) {
    const child = readDer(bytes, pos);
    children.push(child);
    pos = child.end;
  }
  return children;
}

/** The whole element (tag, length and content) as its own array. */
export function derSlice(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.subarray(node.start, node.end);
}

/** The content bytes only. */
export function derContent(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.subarray(node.contentStart, node.end);
}

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

/** Encodes one element from a tag and already-encoded content parts. */
export function derTlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const contentLength = parts.reduce((sum, p) => sum + p.length, 0);
  const header = [tag, ...lengthBytes(contentLength)];
  const out = new Uint8Array(header.length + contentLength);
  out.set(header, 0);
  let pos = header.length;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

/** A SEQUENCE of already-encoded elements, in the given order. */
export const derSequence = (...parts: Uint8Array[]): Uint8Array => derTlv(0x30, ...parts);

/**
 * A DER SET OF: the members sorted by their encodings, as X.690 §11.6 requires (a CMS signature is
 * computed over this exact encoding of the signed attributes).
 */
export function derSetOf(...members: Uint8Array[]): Uint8Array {
  const sorted = [...members].sort(compareBytes);
  return derTlv(0x31, ...sorted);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. "1.2.840.113549.1.7.2". */
export function derOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const body: number[] = [a * 40 + b];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
    body.push(...chunk);
  }
  return derTlv(0x06, Uint8Array.from(body));
}

/** A non-negative INTEGER below 2^31 (versions, iteration counts), minimal two's-complement encoding. */
export function derUnsigned(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new Error('derUnsigned: 0..2^31-1 only');
  const body: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) body.unshift(n & 0xff);
  if (body.length === 0 || (body[0] as number) & 0x80) body.unshift(0);
  return derTlv(0x02, Uint8Array.from(body));
}

/** The NULL element (05 00), e.g. the parameters of rsaEncryption. */
export const derNull = (): Uint8Array => Uint8Array.of(0x05, 0x00);

/** An OCTET STRING holding `bytes`. */
export const derOctetString = (bytes: Uint8Array): Uint8Array => derTlv(0x04, bytes);

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), whole seconds, UTC. */
export function derTime(date: Date): Uint8Array {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  return year >= 1950 && year < 2050 ? derTlv(0x17, ascii(digits.slice(2))) : derTlv(0x18, ascii(digits));
}

/** Reads a UTCTime (0x17) or GeneralizedTime (0x18) element as a Date (UTC). */
export function readDerTime(bytes: Uint8Array, node: DerNode): Date {
  const text = String.fromCharCode(...derContent(bytes, node));
  const m =
    node.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!m) throw new Error(`DER: unsupported time "${text}"`);
  let year = Number(m[1]);
  if (node.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0')));
}

/** Reads an OBJECT IDENTIFIER element as its dotted form. */
export function readDerOid(bytes: Uint8Array, node: DerNode): string {
  const body = derContent(bytes, node);
  const first = body[0] ?? 0;
  const arcs = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < body.length; i++) {
    const b = body[i] as number;
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}
