import { describe, expect, it } from 'vitest';
import type { Template } from '../../../electron/shared/template';
import { precheck } from '../../../renderer/wizard/precheck';
import type { SignOptions } from '../../../renderer/wizard/sign-options';
import { DEFAULT_SIGN_OPTIONS, finalizeRequest, formatSigningDate, newPassphraseProblem, optionProblems } from '../../../renderer/wizard/sign-options';

const BLOB = 'a'.repeat(64);
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const SEAL = 'data:image/png;base64,c2VhbA==';

describe('date format', () => {
  it('writes the Chinese form without leading zeros, or ISO as is', () => {
    expect(formatSigningDate('2026-11-28', 'zh')).toBe('2026年11月28日');
    expect(formatSigningDate('2026-03-05', 'zh')).toBe('2026年3月5日');
    expect(formatSigningDate('2026-11-28', 'iso')).toBe('2026-11-28');
    expect(formatSigningDate('not a date', 'zh')).toBe('not a date');
  });
});

describe('finalize request', () => {
  const options: SignOptions = { ...DEFAULT_SIGN_OPTIONS, seal: SEAL, dateFormat: 'iso' };

  it('sends the chosen images, the seal and the date format; skips cleared fields', () => {
    expect(finalizeRequest('d1', { a: PNG, b: null }, '2026-11-28', options, false)).toEqual({
      draftId: 'd1',
      signatures: { a: { png: PNG } },
      seal: { png: SEAL },
      date: '2026-11-28',
      dateFormat: 'iso',
    });
  });

  it('sends no images nor seal for a wet-ink copy', () => {
    expect(finalizeRequest('d1', { a: PNG }, '2026-11-28', options, true)).toEqual({
      draftId: 'd1',
      signatures: {},
      date: '2026-11-28',
      dateFormat: 'iso',
      wetInk: true,
    });
  });

  it('adds the digital signature only when it is on and has a certificate', () => {
    const on = { ...DEFAULT_SIGN_OPTIONS, digital: { enabled: true, p12BlobId: BLOB, source: 'generated', passphrase: 'secret1' } };
    expect(finalizeRequest('d', {}, '2026-11-28', on, false).digitalSignature).toEqual({ p12BlobId: BLOB, passphrase: 'secret1' });
    const off = { ...on, digital: { ...on.digital, enabled: false } };
    expect(finalizeRequest('d', {}, '2026-11-28', off, false).digitalSignature).toBeUndefined();
  });
});

describe('option problems', () => {
  it('needs a certificate and a passphrase once the digital signature is on', () => {
    expect(optionProblems(DEFAULT_SIGN_OPTIONS)).toEqual([]);
    const on = { ...DEFAULT_SIGN_OPTIONS, digital: { enabled: true, p12BlobId: null, source: null, passphrase: '' } };
    expect(optionProblems(on).map((p) => p.message)).toEqual(['已选择数字签名，但尚未选择或生成证书', '请输入证书密码']);
    expect(optionProblems({ ...on, digital: { ...on.digital, p12BlobId: BLOB, passphrase: 'x' } })).toEqual([]);
  });

  it('checks a new passphrase typed twice', () => {
    expect(newPassphraseProblem('abc', 'abc')).toMatch(/至少 6 位/);
    expect(newPassphraseProblem('secret1', 'secret2')).toBe('两次输入的密码不一致');
    expect(newPassphraseProblem('secret1', 'secret1')).toBeNull();
  });
});

describe('precheck for the wet-ink path', () => {
  const template = {
    fields: [{ id: 'sig', kind: 'signature', label: '承诺人签字', required: true }],
    sections: [],
    closing: { text: '', fields: ['sig'] },
  } as unknown as Template;
  const base = { template, values: {}, signer: { type: '个人' as const, name: '张伟' }, acks: {}, date: '2026-11-28', signatures: {} };

  it('asks for the signature when signing on screen, not when signing on paper', () => {
    expect(precheck(base).map((p) => p.message)).toContain('请先在“承诺人签字”处签名');
    expect(precheck({ ...base, wetInk: true }).map((p) => p.message)).not.toContain('请先在“承诺人签字”处签名');
  });
});
