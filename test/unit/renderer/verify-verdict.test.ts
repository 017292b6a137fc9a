import { describe, expect, it } from 'vitest';
import type { ArchiveProblem, VerifyResult } from '../../../electron/shared/dto';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';
import { codeVerdict, fileVerdict, problemText, splitElapsed } from '../../../renderer/verify/verdict';

const id = 'PD-20261128-AAAAAAAA';

describe('file verdicts', () => {
  it('says 一致（原件） for the archived bytes', () => {
    expect(fileVerdict({ verdict: 'exact', recordId: id, details: [] }, zh)).toEqual({ tone: 'ok', headline: '一致（原件）', body: `与记录 ${id} 存档的 PDF 逐字节相同。`, recordId: id });
  });

  it('names the record of a modified copy and compares its content hash', () => {
    const same = fileVerdict({ verdict: 'modified-copy', recordId: id, contentHashMatches: true, details: [] }, zh);
    expect(same.headline).toBe(`是记录 ${id} 的修改副本`);
    expect(same.hashLine).toEqual({ text: '内容摘要 一致', matches: true });
    expect(same.tone).toBe('warn');
    const altered = fileVerdict({ verdict: 'modified-copy', recordId: id, contentHashMatches: false, details: [] }, zh);
    expect(altered.hashLine).toEqual({ text: '内容摘要 不一致', matches: false });
    expect(altered.tone).toBe('bad');
    expect(fileVerdict({ verdict: 'modified-copy', recordId: id, details: [] }, zh).hashLine).toEqual({ text: '文件未携带内容摘要', matches: null });
  });

  it('points a scan to its record', () => {
    const scan = fileVerdict({ verdict: 'scan', recordId: id, contentHashMatches: true, details: [] }, zh);
    expect(scan.headline).toBe(`扫描件，指向记录 ${id}`);
    expect(scan.recordId).toBe(id);
    expect(fileVerdict({ verdict: 'scan', recordId: id, contentHashMatches: true, details: [] }, en).headline).toBe(`A scan pointing to record ${id}`);
  });

  it('says 未知文件 for anything else, also for a verdict naming no record', () => {
    expect(fileVerdict({ verdict: 'unknown', details: [] }, zh)).toEqual({ tone: 'bad', headline: '未知文件', body: '与本机档案中的任何记录都对不上。' });
    expect(fileVerdict({ verdict: 'exact', details: [] } as VerifyResult, zh).headline).toBe('未知文件');
  });
});

describe('code verdicts', () => {
  it('tells a match, a mismatch, an unknown record and text that is not a code apart', () => {
    const record = { id } as never;
    expect(codeVerdict({ verdict: 'match', normalised: `${id}-0123456789ab`, record }, zh)).toMatchObject({ tone: 'ok', headline: `校验码一致：记录 ${id}`, recordId: id });
    expect(codeVerdict({ verdict: 'mismatch', normalised: `${id}-0123456789ab`, record }, zh)).toMatchObject({ tone: 'bad', headline: `校验码与记录 ${id} 不符` });
    expect(codeVerdict({ verdict: 'unknown', normalised: `${id}-0123456789ab` }, zh)).toMatchObject({ headline: '找不到对应的记录' });
    expect(codeVerdict({ verdict: 'unknown', normalised: null }, zh)).toMatchObject({ headline: '这不是有效的校验码' });
  });
});

describe('verify all', () => {
  it('names every problem in Chinese and English, and an unknown one by its code', () => {
    const problems: ArchiveProblem[] = ['pdf-missing', 'pdf-altered', 'row-altered', 'row-missing', 'not-in-chain', 'event-altered', 'chain-broken', 'personal-data-altered', 'personal-data-missing', 'erased-data-remains', 'scan-missing', 'scan-altered'];
    for (const p of problems) {
      expect(problemText(p, zh)).toMatch(/[\u4e00-\u9fff]/u);
      expect(problemText(p, en)).toMatch(/^[A-Z]/);
    }
    expect(problemText('pdf-altered', zh)).toBe('存档的 PDF 文件被改动（摘要不符）');
    expect(problemText('time-travel', zh)).toBe('time-travel');
    expect(problemText('toString', zh)).toBe('toString');
  });

  it('splits the elapsed time into minutes and seconds', () => {
    expect(splitElapsed(0)).toEqual({ minutes: 0, seconds: 0 });
    expect(splitElapsed(12_900)).toEqual({ minutes: 0, seconds: 12 });
    expect(splitElapsed(65_000)).toEqual({ minutes: 1, seconds: 5 });
    expect(splitElapsed(-5)).toEqual({ minutes: 0, seconds: 0 });
    expect(zh.verify.elapsed(1, 5)).toBe('已用时 1 分 05 秒');
    expect(zh.verify.elapsed(0, 12)).toBe('已用时 12 秒');
  });
});
