import { describe, expect, it } from 'vitest';
import { maskPersonal } from '../../../../electron/core/archive/mask-personal';
import { isPersonalField, mergePersonal, splitPersonal } from '../../../../electron/core/archive/personal-data';
import type { Signer } from '../../../../electron/shared/dto';
import type { TemplateField } from '../../../../electron/shared/template';
import { jcs, sha256 } from '../../../support/jcs';

const signer: Signer = { type: '个人', name: '李四', idNumber: '110101199003074514', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号', creditCode: '91330100MA2XXXXX0X' };
const fields: TemplateField[] = [
  { id: 'tel', kind: 'blank', label: '联系电话', valueType: 'phone', required: true },
  { id: 'addr', kind: 'blank', label: '经营地址', valueType: 'text', required: true },
  { id: 'days', kind: 'blank', label: '天数', valueType: 'duration', required: true },
];

describe('splitPersonal', () => {
  const salt = 'ab'.repeat(16);
  const split = splitPersonal(signer, { tel: '13900001111', addr: '义乌市某路 1 号', days: '5' }, fields, salt);

  it('keeps name, type, organisation and credit code in the row; ID, phone and address go to personal data', () => {
    expect(split.signer).toEqual({ type: '个人', name: '李四', creditCode: '91330100MA2XXXXX0X' });
    expect(split.values).toEqual({ days: '5' });
    expect(split.personal?.data).toEqual({
      salt,
      signer: { idNumber: '110101199003074514', phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' },
      values: { tel: '13900001111', addr: '义乌市某路 1 号' },
    });
  });

  it('stores canonical JSON under its SHA-256, salted so that the hash cannot be guessed from a phone number', () => {
    expect(split.personal?.json).toBe(jcs(split.personal?.data));
    expect(split.personal?.hash).toBe(sha256(split.personal?.json ?? ''));
    const other = splitPersonal(signer, { tel: '13900001111', addr: '义乌市某路 1 号', days: '5' }, fields, 'cd'.repeat(16));
    expect(other.personal?.hash).not.toBe(split.personal?.hash);
  });

  it('gives null personal data when there is none; without the template all values stay', () => {
    expect(splitPersonal({ type: '企业', name: '张三' }, { days: '5' }, fields, salt).personal).toBeNull();
    expect(splitPersonal({ type: '企业', name: '张三' }, { tel: '139' }, null, salt)).toMatchObject({ values: { tel: '139' }, personal: null });
  });

  it('mergePersonal puts the signed record back together, masked when asked', () => {
    const data = split.personal?.data ?? null;
    expect(mergePersonal(split.signer, split.values, data)).toEqual({ signer, values: { tel: '13900001111', addr: '义乌市某路 1 号', days: '5' } });
    const masked = mergePersonal(split.signer, split.values, data, maskPersonal);
    expect(masked.signer).toMatchObject({ idNumber: '110***********4514', phone: '138****5678', address: '浙江省杭州****' });
    expect(masked.values).toEqual({ tel: '139****1111', addr: '义乌市****', days: '5' });
  });
});

describe('isPersonalField', () => {
  it('is true for phone and ID-card blanks and address labels, false for choices and other blanks', () => {
    expect(isPersonalField({ kind: 'blank', valueType: 'idCard', label: '身份证号' })).toBe(true);
    expect(isPersonalField({ kind: 'blank', valueType: 'text', label: '住所' })).toBe(true);
    expect(isPersonalField({ kind: 'blank', valueType: 'text', label: '平台名称' })).toBe(false);
    expect(isPersonalField({ kind: 'choice', label: '联系地址' })).toBe(false);
  });
});

describe('maskPersonal', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['110101199003074514', '110***********4514'],
    ['11010119900307451X', '110***********451X'],
    ['12345', '***45'],
    ['123', '***'],
    ['北京市朝阳区建国路 1 号', '北京市朝****'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(maskPersonal(input)).toBe(output);
  });
});
