import { describe, expect, it } from 'vitest';
import type { ArchiveEvent } from '../../../electron/shared/dto';
import type { TemplateField } from '../../../electron/shared/template';
import { eventDetails, eventLabel, latestEvent } from '../../../renderer/archive/event-text';
import { valueRows, valueText } from '../../../renderer/archive/record-values';
import { scanFileName } from '../../../electron/shared/scan-file-name';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';

const event = (kind: ArchiveEvent['kind'], details: Record<string, unknown>, seq = 1): ArchiveEvent => ({
  seq,
  recordId: 'PD-20261128-AAAAAAAA',
  kind,
  at: `2026-11-28T0${seq}:00:00.000Z`,
  details,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

describe('audit events in words', () => {
  it('names every kind in both languages, and shows an unknown kind as it is', () => {
    expect(eventLabel('voided', zh)).toBe('作废');
    expect(eventLabel('redacted', zh)).toBe('删除个人信息');
    expect(eventLabel('scan-attached', en)).toBe('Scan attached');
    expect(eventLabel('notarised', zh)).toBe('notarised');
  });

  it('gives the reason of a void, the copies printed, the record replacing a superseded one', () => {
    expect(eventDetails(event('voided', { reason: '商户已注销' }), zh)).toEqual(['理由：商户已注销']);
    expect(eventDetails(event('printed', { copies: 2 }), zh)).toEqual(['2 份 · 未标注“副本” · 系统打印对话框']);
    expect(eventDetails(event('superseded', { by: 'PD-20261129-BBBBBBBB', reason: '地址有误' }), zh)).toEqual(['由记录 PD-20261129-BBBBBBBB 取代', '理由：地址有误']);
    expect(eventDetails(event('exported', {}), zh)).toEqual([]);
  });

  it('names the scan a desktop save wrote out', () => {
    expect(eventDetails(event('exported', { scan: '7'.repeat(64) }), zh)).toEqual(['另存了扫描件 SHA-256 777777777777…']);
    expect(eventDetails(event('exported', { scan: '7'.repeat(64) }), en)).toEqual(['Saved the scan SHA-256 777777777777…']);
  });

  it('says how a print was made: copies, 副本 mark, desktop or browser, and the marked file', () => {
    expect(eventDetails(event('printed', { copies: 3, copyMark: false, via: 'desktop' }), zh)).toEqual(['3 份 · 未标注“副本” · 系统打印对话框']);
    const marked = { copies: null, copyMark: true, via: 'browser', copySha256: '12'.repeat(32) };
    expect(eventDetails(event('printed', marked), zh)).toEqual(['份数在浏览器的打印对话框中选择 · 标注“副本” · 浏览器打印', '副本文件 SHA-256 121212121212…']);
    expect(eventDetails(event('printed', { ...marked, copies: 2, via: 'desktop' }), en)).toEqual(['2 copies · marked as a copy · system print dialog', 'copy file SHA-256 121212121212…']);
  });

  it('shows the first 12 hex digits of the hashes of a signing and a scan', () => {
    const signed = eventDetails(event('signed', { rowHash: 'r', fileSha256: 'ab'.repeat(32), contentHash: 'cd'.repeat(32) }), zh);
    expect(signed).toEqual(['PDF 摘要 abababababab… · 内容摘要 cdcdcdcdcdcd…']);
    expect(eventDetails(event('scan-attached', { sha256: 'ef'.repeat(32), bytes: 11_264, contentType: 'image/png' }), zh)).toEqual(['PNG 图片 · 11 KB · SHA-256 efefefefefef…']);
    expect(eventDetails(event('scan-attached', { sha256: 'ef'.repeat(32), bytes: 100, contentType: 'application/pdf' }), en)).toEqual(['PDF · 1 KB · SHA-256 efefefefefef…']);
  });

  it('says what an erasure removed', () => {
    const details = { reason: '当事人申请', erased: { personalData: true, pdf: 'a'.repeat(64), scans: ['s1', 's2'], searchEntries: true, draft: 'd1' } };
    expect(eventDetails(event('redacted', details), zh)).toEqual(['理由：当事人申请', '已删除：个人信息、检索条目、PDF 文件、2 份扫描件、草稿中的个人信息']);
    expect(eventDetails(event('redacted', { reason: 'asked', erased: { personalData: false, pdf: null, scans: [], searchEntries: true } }), en)).toEqual(['Reason: asked', 'Erased: search entries']);
  });

  it('names the bundle an import came from', () => {
    expect(eventDetails(event('imported', { bundle: '9'.repeat(64), personalData: true, source: 'x' }), zh)).toEqual(['交换包 SHA-256 999999999999…（含个人信息）']);
  });

  it('names the register (台账) that showed the personal data in full', () => {
    expect(eventDetails(event('exported', { register: '8'.repeat(64), format: 'xlsx', personalData: true }), zh)).toEqual(['台账（XLSX）SHA-256 888888888888…，含完整个人信息']);
    expect(eventDetails(event('exported', { register: '8'.repeat(64), format: 'csv', personalData: true }), en)).toEqual(['Register (CSV) SHA-256 888888888888…, with full personal data']);
    expect(eventDetails(event('exported', {}), zh)).toEqual([]);
  });

  it('names the scan a desktop save wrote out', () => {
    expect(eventDetails(event('exported', { scan: '7'.repeat(64) }), zh)).toEqual(['另存了扫描件 SHA-256 777777777777…']);
    expect(eventDetails(event('exported', { scan: '7'.repeat(64) }), en)).toEqual(['Saved the scan SHA-256 777777777777…']);
  });

  it('says where personal data was shown in full and which, never the data itself', () => {
    expect(eventLabel('revealed', zh)).toBe('查看了完整个人信息');
    expect(eventLabel('revealed', en)).toBe('Personal data shown in full');
    const fields = ['signer.phone', 'signer.idNumber', 'values.f3', 'values.f7'];
    expect(eventDetails(event('revealed', { via: 'app', fields }), zh)).toEqual(['在本应用中显示：身份证号、电话号码、2 项填写内容']);
    expect(eventDetails(event('revealed', { via: 'cli', fields: ['signer.address'] }), en)).toEqual(['On the command line: address']);
    expect(eventDetails(event('revealed', { via: 'app', fields: 'all' }), zh)).toEqual([]);
    expect(eventDetails(event('revealed', {}), en)).toEqual([]);
  });

  it('reads details of an older or damaged shape without failing', () => {
    expect(eventDetails(event('voided', {}), zh)).toEqual([]);
    expect(eventDetails(event('printed', { copies: 'two' }), zh)).toEqual([]);
    expect(eventDetails(event('redacted', { reason: 'r', erased: 'everything' }), zh)).toEqual(['理由：r']);
  });

  it('finds the latest event of a kind', () => {
    const events = [event('signed', {}, 1), event('voided', { reason: 'a' }, 2), event('printed', {}, 3), event('voided', { reason: 'b' }, 4)];
    expect(latestEvent(events, 'voided')?.details.reason).toBe('b');
    expect(latestEvent(events, 'redacted')).toBeUndefined();
  });
});

describe('filled values', () => {
  const fields: TemplateField[] = [
    { id: 'type', kind: 'choice', label: '承诺方类型', options: ['企业', '其他'], otherOption: '其他', required: true },
    { id: 'days', kind: 'blank', label: '资质信息变更后__个工作日内完成更新', unit: '个工作日', valueType: 'integer', required: true },
    { id: 'sig', kind: 'signature', label: '承诺人签名', required: true },
    { id: 'date', kind: 'date', label: '签订日期', required: true },
    { id: 'phone', kind: 'blank', label: '联系电话', valueType: 'phone', required: false },
  ];

  it('labels values in the template order, with units, choices and dates as written', () => {
    const values = { phone: '138****5678', date: '2026-11-28', days: '3', type: { option: '其他', other: '个体工商户' }, gone: '旧值', sig: 'x' };
    expect(valueRows(values, fields)).toEqual([
      { fieldId: 'type', label: '承诺方类型', text: '其他（个体工商户）' },
      { fieldId: 'days', label: '资质信息变更后__个工作日内完成更新', text: '3 个工作日' },
      { fieldId: 'date', label: '签订日期', text: '2026年11月28日' },
      { fieldId: 'phone', label: '联系电话', text: '138****5678' },
      { fieldId: 'gone', label: 'gone', text: '旧值' },
    ]);
  });

  it('falls back to field ids without the template, and leaves out empty values', () => {
    expect(valueRows({ a: '1', b: '' }, null)).toEqual([{ fieldId: 'a', label: 'a', text: '1' }]);
    expect(valueText({ option: '企业' })).toBe('企业');
    expect(valueText('', '元')).toBe('');
  });

  it('names scan downloads by record and type', () => {
    expect(scanFileName('PD-20261128-AAAAAAAA', 2, 'image/jpeg')).toBe('PD-20261128-AAAAAAAA-scan-2.jpg');
    expect(scanFileName('PD-20261128-AAAAAAAA', 1, 'application/octet-stream')).toBe('PD-20261128-AAAAAAAA-scan-1.bin');
  });
});
