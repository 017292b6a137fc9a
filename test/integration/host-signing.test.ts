import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, ArchiveSummary, Draft, DraftSummary, FinalizeResult } from '../../electron/shared/dto';
import type { FieldValues, Template, TemplateClause } from '../../electron/shared/template';
import type { Host } from '../../electron/host/host';
import { jcs, sha256 } from '../support/jcs';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { pdfInfo, pdfText, qpdfCheck } from '../support/pdf-text';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, createTestHost, err, ok } from '../support/test-host';

const DATE = '2026-11-28';
const PNG = makeSignaturePng();
const SIGNATURES = { 'signature-1': { png: pngDataUrl(PNG) } };
const ID_FORMAT = /^PD-\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;

let host: Host;
let template: Template;

beforeAll(async () => {
  ({ host } = createTestHost(makeTempDir('pledge-signing-'), { seed: 11 }));
  template = ok<Template>(await host.dispatch('templates.get', { id: TEMPLATE_ID }));
});

afterAll(() => {
  host.close();
  removeTempDirs();
});

async function draftWith(values: FieldValues, signer: typeof SIGNER | null = SIGNER): Promise<string> {
  const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  ok(await host.dispatch('drafts.update', { id, values, ...(signer ? { signer } : {}) }));
  return id;
}

const archiveCount = async (): Promise<number> => ok<ArchiveSummary[]>(await host.dispatch('archive.list', {})).length;

describe('signing.finalize refuses incomplete or invalid pledges, archiving nothing', () => {
  it('a missing required value → MISSING_VALUE naming the field', async () => {
    const rest = Object.fromEntries(Object.entries(VALID_VALUES).filter(([id]) => id !== 'c3.3-1'));
    const draftId = await draftWith(rest);
    const e = err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }));
    expect(e).toMatchObject({ code: 'MISSING_VALUE', field: 'c3.3-1' });
    expect(await archiveCount()).toBe(0);
    expect(ok<Draft>(await host.dispatch('drafts.get', { id: draftId })).status).toBe('open');
  });

  it('a value that is only spaces counts as missing', async () => {
    const draftId = await draftWith({ ...VALID_VALUES, 'pre-2': '   ' });
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'pre-2',
    });
  });

  it('a percent of 150 → INVALID_VALUE on that field', async () => {
    const draftId = await draftWith({ ...VALID_VALUES, 'c2.2-1': '150' });
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'c2.2-1',
    });
    expect(await archiveCount()).toBe(0);
  });

  it('money with three decimals → INVALID_VALUE', async () => {
    const draftId = await draftWith({ ...VALID_VALUES, 'c5.1-1': '10.005' });
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'c5.1-1',
    });
  });

  it('其他 without its text → MISSING_VALUE on the choice', async () => {
    const draftId = await draftWith({ ...VALID_VALUES, 'pre-1': { option: '其他' } });
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'pre-1',
    });
  });

  it('no signer, or a blank signer name → MISSING_VALUE signer.name', async () => {
    const noSigner = await draftWith(VALID_VALUES, null);
    expect(err(await host.dispatch('signing.finalize', { draftId: noSigner, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'signer.name',
    });
    const blankName = await draftWith(VALID_VALUES, { ...SIGNER, name: '  ' });
    expect(err(await host.dispatch('signing.finalize', { draftId: blankName, signatures: SIGNATURES, date: DATE }))).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'signer.name',
    });
  });

  it('no signature image → MISSING_VALUE on the signature field; an unknown key → UNKNOWN_FIELD', async () => {
    const draftId = await draftWith(VALID_VALUES);
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: {}, date: DATE }))).toMatchObject({
      code: 'MISSING_VALUE',
      field: 'signature-1',
    });
    expect(
      err(await host.dispatch('signing.finalize', { draftId, signatures: { ...SIGNATURES, 'signature-9': SIGNATURES['signature-1'] }, date: DATE })),
    ).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'signature-9' });
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: { 'c2.2-1': SIGNATURES['signature-1'] }, date: DATE })).code).toBe(
      'UNKNOWN_FIELD',
    );
  });

  it('a data URL that is not an image → VALIDATION (wrong type) or INVALID_IMAGE (wrong bytes)', async () => {
    const draftId = await draftWith(VALID_VALUES);
    const text = { 'signature-1': { png: 'data:text/plain;base64,aGVsbG8=' } };
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: text, date: DATE })).code).toBe('VALIDATION');
    const notPng = { 'signature-1': { png: 'data:image/png;base64,aGVsbG8gd29ybGQ=' } };
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: notPng, date: DATE }))).toMatchObject({
      code: 'INVALID_IMAGE',
      field: 'signature-1',
    });
    const seal = { png: 'data:image/jpeg;base64,aGVsbG8gd29ybGQ=' };
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, seal, date: DATE }))).toMatchObject({
      code: 'INVALID_IMAGE',
      field: 'seal',
    });
    expect(await archiveCount()).toBe(0);
  });

  it('a PNG whose data is damaged → INVALID_IMAGE, found while composing, still nothing archived', async () => {
    const draftId = await draftWith(VALID_VALUES);
    const damaged = Uint8Array.from(PNG);
    damaged.fill(0x41, 40, 80); // inside IDAT
    const signatures = { 'signature-1': { png: pngDataUrl(damaged) } };
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures, date: DATE })).code).toBe('INVALID_IMAGE');
    expect(await archiveCount()).toBe(0);
    expect(ok<Draft>(await host.dispatch('drafts.get', { id: draftId })).status).toBe('open');
  });

  it('an impossible date → INVALID_VALUE on date', async () => {
    const draftId = await draftWith(VALID_VALUES);
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: '2023-02-29' }))).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'date',
    });
  });
});

describe('signing.finalize: the happy path', () => {
  const values: FieldValues = { ...VALID_VALUES, 'c1.1-1': ' 5 ', 'pre-2': ' 淘宝 ' };
  let draftId: string;
  let result: FinalizeResult;
  let pdfPath: string;
  let pdfBytes: Uint8Array;

  beforeAll(async () => {
    draftId = await draftWith(values);
    result = ok<FinalizeResult>(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE }));
    const blob = host.readBlob(result.fileSha256);
    if (!blob) throw new Error('archived PDF not readable');
    pdfBytes = blob.bytes;
    pdfPath = join(makeTempDir('pledge-pdf-'), 'signed.pdf');
    writeFileSync(pdfPath, pdfBytes);
  });

  /** Trimmed values plus the date field, as the spec says the content hash covers. */
  const hashedValues = (): FieldValues => {
    const out: FieldValues = {};
    for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? v.trim() : v;
    out['date-1'] = DATE;
    return out;
  };

  it('returns {id, fileSha256, contentHash}; the id is PD-<day>-<Crockford base32>', () => {
    expect(Object.keys(result).sort()).toEqual(['contentHash', 'fileSha256', 'id']);
    expect(result.id).toMatch(ID_FORMAT);
    expect(result.id.startsWith('PD-20261128-')).toBe(true);
    expect(result.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('archives a PDF whose SHA-256 is fileSha256', () => {
    expect(sha256(pdfBytes)).toBe(result.fileSha256);
    expect(Buffer.from(pdfBytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(host.readBlob(result.fileSha256)?.contentType).toBe('application/pdf');
  });

  it('has a contentHash equal to SHA-256 of the RFC 8785 JSON of the signed content (recomputed here)', () => {
    const content = {
      schema: 1,
      templateVersion: template.version,
      values: hashedValues(),
      signer: SIGNER,
      date: DATE,
      imageSha256s: { 'signature-1': sha256(PNG) },
    };
    expect(result.contentHash).toBe(sha256(jcs(content)));
  });

  it('prints every filled value with its unit, every clause and the closing in the PDF text', () => {
    const raw = pdfText(pdfPath);
    // Footers (page numbers and the trace line) sit between pages; drop them, then compare without whitespace.
    const body = raw
      .split('\n')
      .filter((l) => !/^第\s*\d+\s*页\s*共\s*\d+\s*页$/.test(l) && !l.startsWith('文档编号'))
      .join('')
      .replace(/\s+/g, '');
    const trimmed = hashedValues();
    const fill = (text: string): string =>
      text.replace(/\{\{([^{}]+)\}\}/g, (_, id: string) => {
        const v = trimmed[id];
        return typeof v === 'string' ? v : `${template.fields.find((f) => f.id === id)?.options?.join('')}${v?.other ?? ''}`;
      });

    expect(body).toContain(template.title);
    for (const field of template.fields) {
      if (field.kind !== 'blank' || !field.unit) continue;
      expect(body, field.id).toContain(`${trimmed[field.id] as string}${field.unit}`);
    }
    const walk = (c: TemplateClause): void => {
      expect(body, c.number).toContain(`${c.number}${fill(c.text)}`.replace(/\s+/g, ''));
      c.children.forEach(walk);
    };
    for (const section of template.sections) {
      expect(body).toContain(`${section.number}${section.heading}`);
      section.clauses.forEach(walk);
    }
    for (const line of template.preamble.text.split('\n')) expect(body).toContain(fill(line).replace(/\s+/g, ''));
    expect(body).toContain('承诺人签名：');
    expect(body).toContain('签订日期：2026年11月28日');
  });

  it('prints the verification code (record id + first 12 hex of the content hash) on every page, the full hash on the evidence page', () => {
    const pages = pdfText(pdfPath).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page).toContain(result.id);
      expect(page).toContain(`${result.id}-${result.contentHash.slice(0, 12)}`);
    }
    const evidence = pages[pages.length - 1] as string;
    expect(evidence).toContain('签署证据页');
    expect(evidence.replace(/\s+/g, '')).toContain(result.contentHash);
  });

  it('has Title = template title, Author = signer, at least 2 A4 pages (pdfinfo)', () => {
    const info = pdfInfo(pdfPath);
    expect(info.Title).toBe(template.title);
    expect(info.Author).toBe(SIGNER.name);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)$/);
    expect(info.Keywords).toContain(`contentHash:${result.contentHash}`);
    expect(info.Subject).toContain(result.id);
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(pdfPath);
    expect(check.ok, check.output).toBe(true);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('freezes the draft: status signed, archiveId set; further updates and signing → DRAFT_FINALIZED', async () => {
    const draft = ok<Draft>(await host.dispatch('drafts.get', { id: draftId }));
    expect(draft).toMatchObject({ status: 'signed', archiveId: result.id, step: 'sign' });
    expect(err(await host.dispatch('drafts.update', { id: draftId, values: { 'c2.2-1': '20' } })).code).toBe('DRAFT_FINALIZED');
    expect(err(await host.dispatch('drafts.update', { id: draftId, step: 'intro' })).code).toBe('DRAFT_FINALIZED');
    expect(err(await host.dispatch('signing.finalize', { draftId, signatures: SIGNATURES, date: DATE })).code).toBe('DRAFT_FINALIZED');
    const summary = ok<DraftSummary[]>(await host.dispatch('drafts.list', {})).find((d) => d.id === draftId);
    expect(summary).toMatchObject({ status: 'signed', archiveId: result.id });
    expect(ok<Draft>(await host.dispatch('drafts.get', { id: draftId })).values).toEqual(values);
  });

  it('archive.list and archive.get return the record, with pdf.url = /blobs/<sha>', async () => {
    const list = ok<ArchiveSummary[]>(await host.dispatch('archive.list', {}));
    expect(list).toEqual([
      {
        id: result.id,
        kind: 'composed',
        title: template.title,
        signer: SIGNER.name,
        organisation: SIGNER.organisation,
        signedAt: '2026-11-28T02:30:00.000Z',
        date: DATE,
        fileSha256: result.fileSha256,
        contentHash: result.contentHash,
      },
    ]);
    const record = ok<ArchiveRecord>(await host.dispatch('archive.get', { id: result.id }));
    expect(record).toMatchObject({
      id: result.id,
      templateId: TEMPLATE_ID,
      templateVersion: template.version,
      draftId,
      values: hashedValues(),
      signerDetails: SIGNER,
      pdf: { blobId: result.fileSha256, url: `/blobs/${result.fileSha256}`, bytes: pdfBytes.length },
    });
    expect(err(await host.dispatch('archive.get', { id: 'PD-20261128-00000000' })).code).toBe('ARCHIVE_NOT_FOUND');
  });
});

describe('signing.finalize: double submission', () => {
  it('signs a draft once even when finalize is called twice at the same time (double click)', async () => {
    // BUG (finalize-pledge.ts): the draft's status is checked before the PDF is composed (an await), and
    // `markSigned` inside the transaction silently updates 0 rows for an already-signed draft, so both calls
    // succeed and the archive holds TWO signed records for one draft.
    const { host: h } = createTestHost(makeTempDir('pledge-double-'), { seed: 5 });
    try {
      const { id: draftId } = ok<{ id: string }>(await h.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
      ok(await h.dispatch('drafts.update', { id: draftId, values: VALID_VALUES, signer: SIGNER }));
      const input = { draftId, signatures: SIGNATURES, date: DATE };
      const results = await Promise.all([h.dispatch('signing.finalize', input), h.dispatch('signing.finalize', input)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => err(r).code)).toEqual(['DRAFT_FINALIZED']);
      expect(ok<ArchiveSummary[]>(await h.dispatch('archive.list', {}))).toHaveLength(1);
    } finally {
      h.close();
    }
  });
});
