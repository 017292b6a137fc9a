/**
 * `npm run bench`: measurements that must not run inside the test suite. Prints one table; each row names the
 * peer it is compared with in the same run.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateSync } from 'node:zlib';
import { importPledges } from '../electron/core/template/import/import-pledges';
import { createHost } from '../electron/host/create-host';
import { benchStamp200 } from '../test/support/stamp-bench';
import type { Template } from '../electron/shared/template';
import { composeRows } from './compose-bench';

const root = resolve(import.meta.dirname, '..');
const resourcesDir = join(root, 'resources');
const rows: Array<[string, string, string]> = [];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function png(): string {
  const w = 240;
  const h = 80;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w * 4 + 1) + 1 + x * 4 + 3] = Math.abs(y - (x * h) / w) < 3 ? 255 : 0;
  const crc = (b: Buffer): number => {
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
  try {
    // Peer: one bare write + fsync of 200 bytes on the same disk, the floor for any durable edit.
    const fsyncTimes: number[] = [];
    const fd = openSync(join(dataDir, 'fsync-probe'), 'w');
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      writeSync(fd, Buffer.alloc(200, i));
      fsyncSync(fd);
      fsyncTimes.push(performance.now() - t);
    }
    closeSync(fd);
    fsyncTimes.sort((a, b) => a - b);

    const host = createHost({ dataDir, resourcesDir });
    const template = (await host.dispatch('templates.get', { id: 'ecommerce-service' })) as { ok: true; value: Template };
    // Issue 4's case: a 100-field draft, 10,000 confirmed edits through dispatch (validation, merge, commit).
    const big = ['百项承诺书', '为规范经营，本店承诺：'];
    const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    for (let s = 0; s < 10; s++) {
      big.push(`${cn[s]}、第${s + 1}组承诺`);
      for (let c = 0; c < 10; c++) big.push(`${s + 1}.${c + 1}每月开展不少于__________次第${c + 1}项检查，并留存记录。`);
    }
    big.push('承诺人签名：__________', '签订日期：__________');
    const imported = (await host.dispatch('templates.import', { text: big.join('\n') })) as { ok: true; value: { templates: Array<{ id: string; fieldCount: number }> } };
    const bigId = imported.value.templates[0]?.id ?? '';
    const bigTemplate = (await host.dispatch('templates.get', { id: bigId })) as { ok: true; value: Template };
    const created = (await host.dispatch('drafts.create', { templateId: bigId })) as { ok: true; value: { id: string } };
    const draftId = created.value.id;
    const blanks = bigTemplate.value.fields.filter((f) => f.kind === 'blank');
    const editTimes: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const field = blanks[i % blanks.length];
      const t = performance.now();
      const result = await host.dispatch('drafts.update', { id: draftId, values: { [field?.id ?? '']: String(i % 90) } });
      editTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    editTimes.sort((a, b) => a - b);
    rows.push([
      `confirmed draft edit (10,000 edits, ${blanks.length}-field draft)`,
      `p50 ${quantile(editTimes, 0.5).toFixed(2)} ms, p99 ${quantile(editTimes, 0.99).toFixed(2)} ms (target p99 < 5 ms)`,
      `bare fsync p50 ${quantile(fsyncTimes, 0.5).toFixed(2)} ms, p99 ${quantile(fsyncTimes, 0.99).toFixed(2)} ms`,
    ]);

    const values: Record<string, string> = {};
    for (const field of template.value.fields) if (field.kind === 'blank') values[field.id] = field.valueType === 'text' ? '淘宝' : '5';
    values['pre-1'] = '企业';
    const signature = png();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const { value } = (await host.dispatch('drafts.create', { templateId: 'ecommerce-service' })) as { ok: true; value: { id: string } };
      await host.dispatch('drafts.update', { id: value.id, values, signer: { type: '企业', name: '王小明' } });
      const t = performance.now();
      const result = await host.dispatch('signing.finalize', { draftId: value.id, signatures: { 'signature-1': { png: signature } }, date: '2026-11-28' });
      times.push(performance.now() - t);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      bytes = readFileSync(join(dataDir, 'archive', `${(result.value as { fileSha256: string }).fileSha256}.pdf`)).length;
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    rows.push(['sign + compose + archive one pledge', `first ${times[0]?.toFixed(0)} ms (font load included), warm p50 ${quantile(warm, 0.5).toFixed(0)} ms`, `PDF ${(bytes / 1024).toFixed(0)} KB`]);
    // Importer: a 1 MB page made of the seed (two pledges in site junk) repeated, the shape users paste.
    const seed = readFileSync(join(root, '..', 'shared', 'seeds', 'ecommerce-service-pledge.book118-page.txt'), 'utf8');
    let doc = '';
    while (Buffer.byteLength(doc) < 1024 * 1024) doc += `${seed}\n`;
    const parseTimes: number[] = [];
    let count = 0;
    for (let i = 0; i < 8; i++) {
      const t = performance.now();
      count = importPledges(doc).length;
      parseTimes.push(performance.now() - t);
    }
    const warmParse = parseTimes.slice(1).sort((a, b) => a - b);
    rows.push(['import a 1 MB scraped page', `first ${parseTimes[0]?.toFixed(0)} ms, warm p50 ${quantile(warmParse, 0.5).toFixed(0)} ms (target < 100 ms)`, `${(Buffer.byteLength(doc) / 1024 / 1024).toFixed(2)} MB → ${count} templates`]);
    rows.push(...(await composeRows(root, resourcesDir)));
    // maxRSS: the peak over the whole run (fonts, harfbuzz's memory, LibreOffice excluded: it is another process).
    // Stamp a signature + date onto a 200-page PDF (warm, in-process; the app runs the same code in a worker).
    const stamp = await benchStamp200(resourcesDir, 8);
    const stampWarm = stamp.times.slice(1).sort((a, b) => a - b);
    rows.push([
      'stamp signature + date onto a 200-page PDF',
      `first ${stamp.times[0]?.toFixed(0)} ms, warm p50 ${quantile(stampWarm, 0.5).toFixed(0)} ms (target < 300 ms)`,
      `${(stamp.inputBytes / 1024).toFixed(0)} KB → ${(stamp.outputBytes / 1024).toFixed(0)} KB (incremental update)`,
    ]);
    rows.push(['peak memory (RSS)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process, peak)`, `now ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`]);
    host.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => [...r[i as 0 | 1 | 2]].length), 10));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(['benchmark', 'Pledge Desk', 'peer / context']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

void main();
