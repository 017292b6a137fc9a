import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../electron/shared/dto';
import { cleanSigner, profileSigner, profileToUpdate } from '../../../renderer/wizard/profiles';
import { signerDetailKeys, signerNumberMessage, signerProblems, withSignerType } from '../../../renderer/wizard/signer-fields';

const VALID_ID = '11010519491231002X';
const VALID_CODE = '91350100M000100Y43';

describe('signer details by type', () => {
  it('asks a person for an ID, a company for a credit code, others for both', () => {
    expect(signerDetailKeys('个人')).toEqual(['idNumber', 'phone', 'address']);
    expect(signerDetailKeys('企业')).toEqual(['creditCode', 'phone', 'address']);
    expect(signerDetailKeys('其他')).toEqual(['idNumber', 'creditCode', 'phone', 'address']);
  });

  it('drops the number a new type does not ask for, keeping the rest', () => {
    const company = { type: '企业' as const, name: '张伟', creditCode: VALID_CODE, phone: '13800138000' };
    expect(withSignerType(company, '个人')).toEqual({ type: '个人', name: '张伟', phone: '13800138000' });
    expect(withSignerType({ type: '个人', name: 'a', idNumber: VALID_ID }, '其他')).toEqual({ type: '其他', name: 'a', idNumber: VALID_ID });
  });

  it('checks numbers as typed, in Chinese, and lets empty ones pass', () => {
    expect(signerNumberMessage('idNumber', VALID_ID)).toBeNull();
    expect(signerNumberMessage('idNumber', VALID_ID.toLowerCase())).toBeNull();
    expect(signerNumberMessage('idNumber', '110105194912310021')).toBe('身份证号校验位不正确');
    expect(signerNumberMessage('idNumber', '1101051949')).toBe('身份证号应为 18 位（17 位数字加 1 位数字或 X）');
    expect(signerNumberMessage('creditCode', VALID_CODE)).toBeNull();
    expect(signerNumberMessage('creditCode', '91350100M000100Y44')).toBe('统一社会信用代码校验位不正确');
    expect(signerNumberMessage('creditCode', '9135')).toBe('统一社会信用代码应为 18 位数字或大写字母');
    expect(signerNumberMessage('phone', '0571-88888888')).toBeNull();
    expect(signerNumberMessage('phone', '12345')).toBe('请输入有效的手机号码或座机号码');
    expect(signerNumberMessage('phone', '')).toBeNull();
    expect(signerNumberMessage('phone', undefined)).toBeNull();
  });

  it('lists the signer’s problems in form order', () => {
    expect(signerProblems({ type: '其他', name: '', idNumber: 'x', creditCode: VALID_CODE, phone: '1' }).map((p) => p.key)).toEqual([
      'name',
      'idNumber',
      'phone',
    ]);
    expect(signerProblems({ type: '企业', name: '张伟' })).toEqual([]);
  });
});

describe('profiles', () => {
  const p = (id: string, name: string, organisation?: string): Profile => ({
    id,
    type: '企业',
    name,
    ...(organisation !== undefined ? { organisation } : {}),
    updatedAt: '2026-11-28T00:00:00.000Z',
  });
  const list = [p('p1', '张伟', '青禾'), p('p2', '王芳')];

  it('updates the chosen profile, else the same merchant’s, else makes a new one', () => {
    expect(profileToUpdate(list, 'p2', { type: '企业', name: '改名了' })).toBe('p2');
    expect(profileToUpdate(list, 'gone', { type: '企业', name: ' 张伟 ', organisation: '青禾' })).toBe('p1');
    expect(profileToUpdate(list, null, { type: '个人', name: '王芳', organisation: '' })).toBe('p2');
    expect(profileToUpdate(list, null, { type: '企业', name: '张伟', organisation: '别家' })).toBeUndefined();
  });

  it('turns a profile into a signer and a signer into a clean profile', () => {
    expect(profileSigner({ ...p('p1', '张伟', '青禾'), phone: '13800138000', address: '' })).toEqual({
      type: '企业',
      name: '张伟',
      organisation: '青禾',
      phone: '13800138000',
    });
    expect(cleanSigner({ type: '个人', name: ' 王芳 ', organisation: ' ', idNumber: ` ${VALID_ID}` })).toEqual({ type: '个人', name: '王芳', idNumber: VALID_ID });
  });
});
