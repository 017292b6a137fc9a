import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, FinalizeResult, ImportedTemplate } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { createHost } from '../../electron/host/create-host';
import type { Host, HostOptions, HostPorts } from '../../electron/host/host';
import { seededRandomBytes } from '../support/lcg';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { REPO_ROOT, RESOURCES_DIR } from '../support/paths';
import { makeTempDir, removeTempDirs } from '../support/temp-dir';
import { SIGNER, TEMPLATE_ID, VALID_VALUES, err, manualClock, ok } from '../support/test-host';

/**
 * The host's native ports (save and print dialogs) and what `app.info` reports about them. The desktop shell
 * passes real dialogs; here fakes record their calls. Every host in this file shares one data folder, so an
 * archived pledge made by one is seen by all (as the desktop app and `pledge serve` would see it).
 */

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const SIGNATURES = { 'signature-1': { png: pngDataUrl(makeSignaturePng()) } };
const DATE = '2026-11-28';

let dataDir: string;
const hosts: Host[] = [];
const logs: string[] = [];

function hostWith(options: Partial<HostOptions> = {}): Host {
  const host = createHost({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    clock: manualClock(),
    randomBytes: seededRandomBytes(hosts.length + 61),
    log: (m) => logs.push(m),
    ...options,
  });
  hosts.push(host);
  return host;
}

interface Calls {
  save: Array<[string, string]>;
  print: Array<[string, number]>;
}

function fakePorts(answers: { path?: string | null; printed?: boolean } = {}): { ports: Required<HostPorts>; calls: Calls } {
  const calls: Calls = { save: [], print: [] };
  return {
    calls,
    ports: {
      saveFile: async (name, blobId) => {
        calls.save.push([name, blobId]);
        return answers.path === undefined ? `/home/user/下载/${name}` : answers.path;
      },
      printPdf: async (blobId, copies) => {
        calls.print.push([blobId, copies]);
        return answers.printed ?? true;
      },
    },
  };
}

let signed: FinalizeResult;

beforeAll(async () => {
  dataDir = makeTempDir('pledge-ports-');
  const host = hostWith();
  const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
  ok(await host.dispatch('drafts.update', { id, values: VALID_VALUES, signer: SIGNER }));
  signed = ok<FinalizeResult>(await host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date: DATE }));
});

afterAll(() => {
  for (const h of hosts.splice(0)) h.close();
  removeTempDirs();
});

describe('app.info', () => {
  it('embedded by default (tests, CLI): the package version, the absolute data folder, no native dialogs', async () => {
    const relative = hostWith({ dataDir: `${dataDir}/../${basename(dataDir)}` });
    expect(ok<AppInfo>(await relative.dispatch('app.info', {}))).toEqual({
      mode: 'embedded',
      version: PACKAGE_VERSION,
      dataDir: resolve(dataDir),
      nativeFileDialogs: false,
    });
  });

  it.each(['browser', 'desktop', 'embedded'] as const)('reports the mode it was created with (%s)', async (mode) => {
    expect(ok<AppInfo>(await hostWith({ mode }).dispatch('app.info', {})).mode).toBe(mode);
  });

  it('nativeFileDialogs only when both the save and the print port are there', async () => {
    const { ports } = fakePorts();
    const info = async (p: HostPorts): Promise<boolean> =>
      ok<AppInfo>(await hostWith({ mode: 'desktop', ports: p }).dispatch('app.info', {})).nativeFileDialogs;
    expect(await info(ports)).toBe(true);
    expect(await info({ saveFile: ports.saveFile })).toBe(false);
    expect(await info({ printPdf: ports.printPdf })).toBe(false);
    expect(await info({})).toBe(false);
  });

  it('takes no input', async () => {
    expect(err(await hostWith().dispatch('app.info', { verbose: true })).code).toBe('VALIDATION');
  });
});

describe('archive.export and archive.print with native ports', () => {
  it('export asks the save port with "<title>-<id>.pdf" and the PDF’s blob id, and returns the chosen path', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ mode: 'desktop', ports });
    const result = ok<{ path: string | null }>(await host.dispatch('archive.export', { id: signed.id }));
    const name = `网店经营服务保障承诺书-${signed.id}.pdf`;
    expect(calls.save).toEqual([[name, signed.fileSha256]]);
    expect(result).toEqual({ path: `/home/user/下载/${name}` });
    // What the port is given is readable through the host: the archived PDF itself.
    const blob = host.readBlob(signed.fileSha256);
    expect(blob?.contentType).toBe('application/pdf');
    expect(calls.print).toEqual([]);
  });

  it('a cancelled save dialog → {path: null}', async () => {
    const { ports } = fakePorts({ path: null });
    expect(ok(await hostWith({ ports }).dispatch('archive.export', { id: signed.id }))).toEqual({ path: null });
  });

  it('print passes the blob id and the copies (1 when not given), and returns what the dialog answered', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ mode: 'desktop', ports });
    expect(ok(await host.dispatch('archive.print', { id: signed.id }))).toEqual({ printed: true });
    expect(ok(await host.dispatch('archive.print', { id: signed.id, copies: 3 }))).toEqual({ printed: true });
    expect(calls.print).toEqual([
      [signed.fileSha256, 1],
      [signed.fileSha256, 3],
    ]);
    const cancelled = fakePorts({ printed: false });
    expect(ok(await hostWith({ ports: cancelled.ports }).dispatch('archive.print', { id: signed.id }))).toEqual({ printed: false });
  });

  it('copies outside 1–99 or not whole → VALIDATION, the port is not called', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ ports });
    for (const copies of [0, 100, 1.5, -1, '2']) {
      expect(err(await host.dispatch('archive.print', { id: signed.id, copies })).code, String(copies)).toBe('VALIDATION');
    }
    expect(calls.print).toEqual([]);
  });

  it('an unknown archive id → ARCHIVE_NOT_FOUND, the port is not called', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ ports });
    expect(err(await host.dispatch('archive.export', { id: 'PD-20261128-AAAAAAAA' })).code).toBe('ARCHIVE_NOT_FOUND');
    expect(err(await host.dispatch('archive.print', { id: 'PD-20261128-AAAAAAAA' })).code).toBe('ARCHIVE_NOT_FOUND');
    expect(calls).toEqual({ save: [], print: [] });
  });

  it('a port that fails gives an INTERNAL envelope (logged), never a throw', async () => {
    const host = hostWith({
      ports: {
        saveFile: async () => {
          throw new Error('dialog exploded');
        },
        printPdf: async () => {
          throw new Error('printer on fire');
        },
      },
    });
    const before = logs.length;
    expect(err(await host.dispatch('archive.export', { id: signed.id })).code).toBe('INTERNAL');
    expect(err(await host.dispatch('archive.print', { id: signed.id })).code).toBe('INTERNAL');
    expect(logs.slice(before).join('\n')).toMatch(/dialog exploded[\s\S]*printer on fire/);
  });

  it('the suggested file name is a plain name even when the title holds path or reserved characters', async () => {
    const host = hostWith();
    const text = '诚信经营承诺书/保证书：线上\n一、每月开展不少于__________次安全检查。\n承诺人签名：__________\n签订日期：__________\n';
    const [imported] = ok<{ templates: ImportedTemplate[] }>(await host.dispatch('templates.import', { text })).templates;
    const template = ok<Template>(await host.dispatch('templates.get', { id: imported?.id }));
    expect(template.title).toContain('/');
    const blank = template.fields.find((f) => f.kind === 'blank');
    const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: template.id }));
    ok(await host.dispatch('drafts.update', { id, values: { [blank?.id as string]: '2' }, signer: SIGNER }));
    const signature = template.fields.find((f) => f.kind === 'signature')?.id as string;
    const record = ok<FinalizeResult>(
      await host.dispatch('signing.finalize', { draftId: id, signatures: { [signature]: SIGNATURES['signature-1'] }, date: DATE }),
    );
    const { ports, calls } = fakePorts();
    ok(await hostWith({ ports }).dispatch('archive.export', { id: record.id }));
    const [name] = calls.save[0] ?? [''];
    expect(name.endsWith(`-${record.id}.pdf`)).toBe(true);
    // BUG (handlers.ts archive.export): the title goes into the suggested name unchanged, so the save dialog
    // is offered "诚信经营承诺书/保证书：线上-PD-….pdf", a path into a folder that does not exist (and on Windows a
    // name with a reserved character).
    const unsafe = [...name].filter((ch) => '\\/:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 0x20);
    expect(unsafe).toEqual([]);
  });
});

describe('archive.export and archive.print without ports (browser mode, CLI)', () => {
  it('→ NOT_AVAILABLE, so the UI uses the browser’s own download and print', async () => {
    const host = hostWith({ mode: 'browser' });
    expect(err(await host.dispatch('archive.export', { id: signed.id })).code).toBe('NOT_AVAILABLE');
    expect(err(await host.dispatch('archive.print', { id: signed.id, copies: 2 })).code).toBe('NOT_AVAILABLE');
  });

  it('→ NOT_AVAILABLE when only the other port is there', async () => {
    const { ports } = fakePorts();
    expect(err(await hostWith({ ports: { printPdf: ports.printPdf } }).dispatch('archive.export', { id: signed.id })).code).toBe('NOT_AVAILABLE');
    expect(err(await hostWith({ ports: { saveFile: ports.saveFile } }).dispatch('archive.print', { id: signed.id })).code).toBe('NOT_AVAILABLE');
  });

  it('an unknown id is still ARCHIVE_NOT_FOUND (checked first)', async () => {
    expect(err(await hostWith().dispatch('archive.export', { id: 'PD-20261128-AAAAAAAA' })).code).toBe('ARCHIVE_NOT_FOUND');
  });
});

describe('exports.save (a bundle written by a job, saved through the desktop dialog)', () => {
  // One host per test: a host clears exports/ when it starts (waiting files do not outlive their run).
  it('asks the save port with the suggested name, then deletes the waiting copy; a cancel keeps it for another try', async () => {
    const calls: Array<[string, string]> = [];
    let answer: string | null = null;
    const host = hostWith({ ports: { ...fakePorts().ports, saveFile: async (name, blobId) => (calls.push([name, blobId]), answer) } });
    const bundle = ok<{ blobId: string; fileName: string }>(await host.dispatch('archive.exportBundle', { ids: [signed.id] }));
    const waiting = join(dataDir, 'exports', `${bundle.blobId}.pledgebundle`);
    expect(ok(await host.dispatch('exports.save', { blobId: bundle.blobId, fileName: bundle.fileName }))).toEqual({ path: null });
    expect(readFileSync(waiting).length).toBeGreaterThan(0);

    answer = `/home/user/下载/${bundle.fileName}`;
    expect(ok(await host.dispatch('exports.save', { blobId: bundle.blobId, fileName: bundle.fileName }))).toEqual({ path: answer });
    expect(calls).toEqual([
      [bundle.fileName, bundle.blobId],
      [bundle.fileName, bundle.blobId],
    ]);
    expect(() => readFileSync(waiting)).toThrow(/ENOENT/);
    // Saved once: nothing waits any more.
    expect(err(await host.dispatch('exports.save', { blobId: bundle.blobId, fileName: bundle.fileName }))).toMatchObject({ code: 'BLOB_NOT_FOUND', field: 'blobId' });
  });

  it('refuses a name that would change the file type, a blob that is no export, and a host without a dialog', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ ports });
    const bundle = ok<{ blobId: string; fileName: string }>(await host.dispatch('archive.exportBundle', { ids: [signed.id] }));
    expect(err(await host.dispatch('exports.save', { blobId: bundle.blobId, fileName: '承诺书.pdf' }))).toMatchObject({ code: 'VALIDATION', field: 'fileName' });
    // An archived PDF is a blob, but not one waiting in exports/: archive.export saves those.
    expect(err(await host.dispatch('exports.save', { blobId: signed.fileSha256, fileName: 'x.pledgebundle' })).code).toBe('BLOB_NOT_FOUND');
    expect(calls.save).toEqual([]);
    // A name with folder parts is flattened to a plain file name before the dialog sees it.
    expect(ok(await host.dispatch('exports.save', { blobId: bundle.blobId, fileName: '../../etc/交换.pledgebundle' }))).toEqual({ path: '/home/user/下载/.._.._etc_交换.pledgebundle' });
    expect(err(await hostWith({ mode: 'browser' }).dispatch('exports.save', { blobId: bundle.blobId, fileName: bundle.fileName })).code).toBe('NOT_AVAILABLE');
  });
});

describe('archive.saveScan (a wet-ink scan saved through the desktop dialog)', () => {
  it('names the file after the record and the scan, logs the save, and refuses what the record does not hold', async () => {
    const { ports, calls } = fakePorts();
    const host = hostWith({ ports });
    const upload = ok<{ blobId: string }>(await host.putBlob(makeSignaturePng()));
    ok(await host.dispatch('archive.attachScan', { id: signed.id, blobId: upload.blobId }));
    const result = ok<{ path: string | null }>(await host.dispatch('archive.saveScan', { id: signed.id, sha256: upload.blobId }));
    expect(calls.save).toEqual([[`${signed.id}-scan-1.png`, upload.blobId]]);
    expect(result).toEqual({ path: `/home/user/下载/${signed.id}-scan-1.png` });
    const record = ok<{ events: Array<{ kind: string; details: unknown }> }>(await host.dispatch('archive.get', { id: signed.id }));
    expect(record.events.at(-1)).toMatchObject({ kind: 'exported', details: { scan: upload.blobId } });

    expect(err(await host.dispatch('archive.saveScan', { id: signed.id, sha256: signed.fileSha256 }))).toMatchObject({ code: 'BLOB_NOT_FOUND', field: 'sha256' });
    expect(err(await host.dispatch('archive.saveScan', { id: 'PD-20261128-AAAAAAAA', sha256: upload.blobId })).code).toBe('ARCHIVE_NOT_FOUND');
    expect(err(await hostWith({ mode: 'browser' }).dispatch('archive.saveScan', { id: signed.id, sha256: upload.blobId })).code).toBe('NOT_AVAILABLE');
    expect(calls.save).toHaveLength(1);
  });
});
