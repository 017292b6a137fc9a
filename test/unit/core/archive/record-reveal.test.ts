import { describe, expect, it } from 'vitest';
import { revealedFields } from '../../../../electron/core/archive/record-reveal';

describe('revealedFields', () => {
  it('names the signer fields present, in a fixed order, then the personal values by sorted field id', () => {
    const personal = {
      salt: '0'.repeat(32),
      signer: { address: '浙江省杭州市西湖区文三路 90 号', phone: '13812345678', idNumber: '110101199003074514' },
      values: { 'c9-addr': '文三路 90 号', 'a1-phone': '13912345678' },
    };
    expect(revealedFields(personal)).toEqual(['signer.idNumber', 'signer.phone', 'signer.address', 'values.a1-phone', 'values.c9-addr']);
  });

  it('leaves out empty signer fields and names nothing for empty personal data', () => {
    expect(revealedFields({ salt: '0'.repeat(32), signer: { phone: '', address: '文三路' }, values: {} })).toEqual(['signer.address']);
    expect(revealedFields({ salt: '0'.repeat(32), signer: {}, values: {} })).toEqual([]);
  });
});
