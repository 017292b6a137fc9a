import { describe, expect, it } from 'vitest';
import { parseQrPayload, parseVerificationCode } from '../../../../electron/core/archive/parse-verification';

const HASH = '3b5c7639f30a3d1587ccd58688ff06d74a9727e8e7b0e3250251b747a0c25287';

describe('parseVerificationCode', () => {
  it.each([
    'PD-20261128-818ABXH9-3b5c7639f30a',
    'pd-20261128-818abxh9-3B5C7639F30A',
    ' PD-20261128-818ABXH9-3b5c 7639 f30a ',
    '校验码 PD-20261128-818ABXH9-3b5c7639f30a',
    'PD－20261128－818ABXH9－3b5c7639f30a',
    'PD-20261128-8I8ABXH9-3b5c7639f30a'.replace('8I8', '818'),
    'PD20261128818ABXH93b5c7639f30a',
  ])('reads %j', (code) => {
    expect(parseVerificationCode(code)).toEqual({ docId: 'PD-20261128-818ABXH9', hex: '3b5c7639f30a', normalised: 'PD-20261128-818ABXH9-3b5c7639f30a' });
  });

  it('reads O as 0 and I, L as 1 in the random part (Crockford base32)', () => {
    expect(parseVerificationCode('PD-20261128-8L8ABXHO-3b5c7639f30a')?.docId).toBe('PD-20261128-818ABXH0');
  });

  it.each(['', 'hello', 'PD-20261128-818ABXH9', 'PD-20261128-818ABXH9-3b5c7639f30', 'PD-2026112-818ABXH9-3b5c7639f30a', 'PD-20261128-818ABXU9-3b5c7639f30a'])(
    'refuses %j',
    (code) => {
      expect(parseVerificationCode(code)).toBeNull();
    },
  );
});

describe('parseQrPayload', () => {
  it('reads PLEDGEDESK:1:<docId>:<contentHash>', () => {
    expect(parseQrPayload(`PLEDGEDESK:1:PD-20261128-818ABXH9:${HASH}`)).toEqual({ docId: 'PD-20261128-818ABXH9', contentHash: HASH });
  });

  it('refuses other payloads and versions', () => {
    expect(parseQrPayload('https://example.com')).toBeNull();
    expect(parseQrPayload(`PLEDGEDESK:2:PD-20261128-818ABXH9:${HASH}`)).toBeNull();
    expect(parseQrPayload(`PLEDGEDESK:1:PD-20261128-818ABXH9:${HASH.slice(1)}`)).toBeNull();
  });
});
