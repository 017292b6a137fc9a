import { describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS, type RegisterRow } from '../../../../../electron/core/archive/register/register-columns';
import { csvField, registerCsv } from '../../../../../electron/core/archive/register/register-csv';
import { parseCsv } from '../../../../support/parse-csv';

const ROW: RegisterRow = {
  seq: 1,
  id: 'PD-20261128-7K3M9QXA',
  title: '电商平台服务承诺书',
  kind: '在线填写签署',
  template: 'ecommerce-service（版本 abc）',
  signer: '王小明',
  signerType: '企业',
  organisation: '杭州某某网店',
  creditCode: '',
  date: '2026-11-28',
  signedAt: '2026-11-28T02:30:00.000Z',
  status: '有效',
  supersededBy: '',
  fileSha256: 'a'.repeat(64),
  contentHash: 'b'.repeat(64),
  code: 'PD-20261128-7K3M9QXA-bbbbbbbbbbbb',
  idNumber: '110***********4514',
  phone: '138****5678',
  address: '浙江省杭州****',
};

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('王小明')).toBe('王小明');
    expect(csvField(12)).toBe('12');
    expect(csvField('')).toBe('');
  });

  it('quotes a field holding a comma, a quote, CR or LF, doubling the quotes (RFC 4180)', () => {
    expect(csvField('杭州,某某')).toBe('"杭州,某某"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('一行\n两行')).toBe('"一行\n两行"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx'])('prefixes a formula-like field %j with an apostrophe', (value) => {
    const out = csvField(value);
    expect(out.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(out).toContain(value.replaceAll('"', '""'));
  });

  it('defends and quotes at once: =HYPERLINK("http://x","点我")', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
  });

  it('does not touch a formula character that is not first', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('2026-11-28')).toBe('2026-11-28');
  });
});

describe('registerCsv', () => {
  const bytes = registerCsv([ROW, { ...ROW, seq: 2, organisation: '=cmd|"/c calc"!A1', title: '标题, 含逗号\n和换行' }]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('starts with the UTF-8 BOM (EF BB BF) and ends every line with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every LF outside a quoted field is part of a CRLF: 3 lines, one LF inside the quoted title.
    expect(text.match(/\r\n/g)).toHaveLength(3);
  });

  it('has the header row, then one row per record, each with every column', () => {
    const rows = parseCsv(text.slice(1), '\r\n', true);
    expect(rows[0]).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(REGISTER_COLUMNS.length);
    expect(rows[1]?.slice(0, 3)).toEqual(['1', 'PD-20261128-7K3M9QXA', '电商平台服务承诺书']);
    expect(rows[2]?.[2]).toBe('标题, 含逗号\n和换行');
    expect(rows[2]?.[7]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('writes the masked values it is given, never more', () => {
    const rows = parseCsv(text.slice(1), '\r\n', true);
    const at = (key: string) => REGISTER_COLUMNS.findIndex((c) => c.key === key);
    expect(rows[1]?.[at('phone')]).toBe('138****5678');
    expect(rows[1]?.[at('idNumber')]).toBe('110***********4514');
  });

  it('an empty register is the header line only', () => {
    expect(new TextDecoder().decode(registerCsv([]))).toBe(`${REGISTER_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  });
});
