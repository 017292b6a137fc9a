import type { ArchiveEvent } from '../../electron/shared/dto';
import { ARCHIVE_EVENT_KINDS } from '../../electron/shared/dto';
import type { Messages } from '../i18n/zh';

/** Leading hex digits of a hash shown in a line of the log (the full hash is in its title). */
const HASH_DIGITS = 12;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The name of an event's kind in the UI language; an unknown (newer) kind is shown as it is. */
export function eventLabel(kind: string, t: Messages): string {
  return (ARCHIVE_EVENT_KINDS as readonly string[]).includes(kind) ? t.events.kind[kind as ArchiveEvent['kind']] : kind;
}

/** What was erased by a `redacted` event, from its `erased` details. */
function erasedParts(erased: unknown, t: Messages, n: (value: number) => string): string[] {
  if (typeof erased !== 'object' || erased === null) return [];
  const e = erased as Record<string, unknown>;
  const parts: string[] = [];
  if (e.personalData === true) parts.push(t.events.erasedPart.personalData);
  if (e.searchEntries === true) parts.push(t.events.erasedPart.searchEntries);
  if (str(e.pdf)) parts.push(t.events.erasedPart.pdf);
  if (Array.isArray(e.scans) && e.scans.length > 0) parts.push(t.events.erasedPart.scans(n(e.scans.length)));
  if (str(e.draft)) parts.push(t.events.erasedPart.draft);
  return parts;
}

/** What a `revealed` event showed, from its `fields` (`signer.phone`, `values.<fieldId>` …). */
function revealedParts(fields: unknown, t: Messages, n: (value: number) => string): string[] {
  if (!Array.isArray(fields)) return [];
  const names = fields.filter((f): f is string => typeof f === 'string');
  const parts: string[] = [];
  for (const key of ['idNumber', 'phone', 'address'] as const) if (names.includes(`signer.${key}`)) parts.push(t.events.revealedPart[key]);
  const values = names.filter((f) => f.startsWith('values.')).length;
  if (values > 0) parts.push(t.events.revealedPart.values(n(values)));
  return parts;
}

/**
 * The details of an audit event as lines of text in the UI language: the reason of a void or erasure, what a
 * redaction erased, a scan's type and size, a print's copies, 副本 mark and way, the record replacing a superseded one,
 * where personal data was shown in full and which.
 * Details are read defensively: the log is shown even when a field is missing or of an older shape.
 */
export function eventDetails(event: Pick<ArchiveEvent, 'kind' | 'details'>, t: Messages, n: (value: number) => string = String): string[] {
  const d = event.details;
  const reason = str(d.reason);
  const lines: string[] = [];
  switch (event.kind) {
    case 'signed':
    case 'stamped': {
      const file = str(d.fileSha256);
      const content = str(d.contentHash);
      if (file && content) lines.push(t.events.signed(file.slice(0, HASH_DIGITS), content.slice(0, HASH_DIGITS)));
      break;
    }
    case 'voided':
      if (reason) lines.push(t.events.reason(reason));
      break;
    case 'scan-attached': {
      const bytes = num(d.bytes);
      const sha = str(d.sha256);
      if (bytes !== null && sha) lines.push(t.events.scan(t.events.fileType(String(d.contentType ?? '')), n(Math.max(1, Math.round(bytes / 1024))), sha.slice(0, HASH_DIGITS)));
      break;
    }
    case 'printed': {
      // Events from before 副本 marks and browser prints carry {copies} only: a desktop print of the original.
      const copies = num(d.copies);
      const via = d.via === 'browser' || d.via === 'desktop' ? d.via : copies !== null ? 'desktop' : null;
      if (via === null) break;
      const count = copies !== null ? t.events.printed(n(copies)) : via === 'browser' ? t.events.copiesInBrowser : null;
      lines.push([...(count ? [count] : []), d.copyMark === true ? t.events.copyMarked : t.events.notCopyMarked, t.events.via[via]].join(' · '));
      const copy = str(d.copySha256);
      if (copy) lines.push(t.events.copyFile(copy.slice(0, HASH_DIGITS)));
      break;
    }
    case 'redacted': {
      if (reason) lines.push(t.events.reason(reason));
      const parts = erasedParts(d.erased, t, n);
      if (parts.length > 0) lines.push(t.events.erased(parts.join(t.events.listSeparator)));
      break;
    }
    case 'superseded': {
      const by = str(d.by);
      if (by) lines.push(t.events.supersededBy(by));
      if (reason) lines.push(t.events.reason(reason));
      break;
    }
    case 'exported':
    case 'imported': {
      const bundle = str(d.bundle);
      if (bundle) lines.push(t.events.bundle(bundle.slice(0, HASH_DIGITS), d.personalData === true));
      // A register (台账) that showed the record's personal data in full.
      const register = str(d.register);
      if (register) lines.push(t.events.register(String(d.format ?? '').toUpperCase(), register.slice(0, HASH_DIGITS)));
      // A wet-ink scan saved through the desktop dialog (archive.saveScan).
      const scan = str(d.scan);
      if (scan) lines.push(t.events.scanSaved(scan.slice(0, HASH_DIGITS)));
      break;
    }
    case 'revealed': {
      const parts = revealedParts(d.fields, t, n);
      if (parts.length > 0) lines.push(t.events.revealed(d.via === 'cli' ? 'cli' : 'app', parts.join(t.events.listSeparator)));
      break;
    }
  }
  return lines;
}

/** The latest event of a kind (the void or redaction a notice talks about), or undefined. */
export function latestEvent(events: readonly ArchiveEvent[], kind: ArchiveEvent['kind']): ArchiveEvent | undefined {
  return [...events].reverse().find((e) => e.kind === kind);
}
