import type { PreviousXref } from './find-previous-xref';

/** One object written in the update: new, or a new version of an existing one (same number and generation). */
export interface UpdateObject {
  objectNumber: number;
  generation: number;
  /** The object's serialised value (dictionary, array, stream…), without `n g obj` / `endobj`. */
  body: Uint8Array;
}

export interface IncrementalUpdateInput {
  original: Uint8Array;
  objects: UpdateObject[];
  /** Trailer entries other than /Size, /Prev (and /Type /W /Index for a stream), e.g. `/Root 1 0 R /ID [<…> <…>]`. */
  trailer: string;
  previous: PreviousXref;
}

export interface IncrementalUpdate {
  /** `original` followed by the update; the original bytes are untouched. */
  bytes: Uint8Array;
  /** Absolute offset of each object's body (its first byte after `n g obj\n`), by object number. */
  bodyOffsets: Map<number, number>;
}

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6) to a PDF: the given objects, a cross-reference
 * section of the same kind as the previous one (a classic table, or an uncompressed cross-reference stream
 * with /W [1 4 2]) chained by /Prev, and a new startxref / %%EOF. Earlier revisions, including any earlier
 * signatures, stay byte-for-byte as they were. Offsets must stay below 4 GiB.
 */
export function appendIncrementalUpdate(input: IncrementalUpdateInput): IncrementalUpdate {
  const { original, previous } = input;
  const chunks: Uint8Array[] = [original];
  let pos = original.length;
  const push = (chunk: Uint8Array): void => {
    chunks.push(chunk);
    pos += chunk.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(ascii('\n'));

  const objects = [...input.objects].sort((a, b) => a.objectNumber - b.objectNumber);
  const entries: { objectNumber: number; generation: number; offset: number }[] = [];
  const bodyOffsets = new Map<number, number>();
  for (const object of objects) {
    const header = ascii(`${object.objectNumber} ${object.generation} obj\n`);
    entries.push({ objectNumber: object.objectNumber, generation: object.generation, offset: pos });
    bodyOffsets.set(object.objectNumber, pos + header.length);
    push(header);
    push(object.body);
    push(ascii('\nendobj\n'));
  }
  const highest = objects.reduce((max, o) => Math.max(max, o.objectNumber), 0);
  let size = Math.max(previous.size, highest + 1);

  const xrefOffset = pos;
  if (previous.kind === 'table') {
    let table = 'xref\n';
    for (const group of consecutive(entries)) {
      table += `${group[0]?.objectNumber} ${group.length}\n`;
      for (const e of group) table += `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`;
    }
    push(ascii(`${table}trailer\n<< /Size ${size} /Prev ${previous.offset} ${input.trailer} >>\n`));
  } else {
    const xrefNumber = size;
    size += 1;
    entries.push({ objectNumber: xrefNumber, generation: 0, offset: xrefOffset });
    const groups = consecutive(entries);
    const data = new Uint8Array(entries.length * 7);
    let i = 0;
    for (const group of groups) {
      for (const e of group) {
        data[i] = 1;
        new DataView(data.buffer).setUint32(i + 1, e.offset);
        new DataView(data.buffer).setUint16(i + 5, e.generation);
        i += 7;
      }
    }
    const index = groups.map((g) => `${g[0]?.objectNumber} ${g.length}`).join(' ');
    push(ascii(`${xrefNumber} 0 obj\n<< /Type /XRef /Size ${size} /Index [${index}] /W [1 4 2] /Length ${data.length} /Prev ${previous.offset} ${input.trailer} >>\nstream\n`));
    push(data);
    push(ascii('\nendstream\nendobj\n'));
  }
  push(ascii(`startxref\n${xrefOffset}\n%%EOF\n`));

  const bytes = new Uint8Array(pos);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, bodyOffsets };
}

/** Sorted entries split into runs of consecutive object numbers (the xref subsections). */
function consecutive<T extends { objectNumber: number }>(sorted: T[]): T[][] {
  const groups: T[][] = [];
  for (const entry of sorted) {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    if (group && prev && entry.objectNumber === prev.objectNumber + 1) group.push(entry);
    else groups.push([entry]);
  }
  return groups;
}
