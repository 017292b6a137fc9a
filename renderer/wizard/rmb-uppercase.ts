/**
 * An amount in yuan written in Chinese financial capitals (人民币大写), as on cheques and contracts:
 * `1000.50` → `壹仟元伍角`, `20000` → `贰万元整`, `1010.05` → `壹仟零壹拾元零伍分`.
 *
 * Rules (as the 《支付结算办法》 writing conventions): 拾 is always written with its digit (壹拾); a run of zeros
 * inside the number is one 零; a whole amount ends in 整; jiao without fen has no 整 (`伍角`); fen after a zero
 * jiao takes 零 when there are yuan (`壹元零伍分`); an amount below one yuan has no 元 (`伍角`, `伍分`).
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
/** Integer parts up to 9999 9999 9999 9999 (just below 一亿亿). */
export const MAX_INTEGER_DIGITS = 16;

const digit = (d: string): string => DIGITS[Number(d)] as string;

/** The integer part (a string of decimal digits without leading zeros, not `0`) in capitals, without 元. */
function integerWords(digits: string): string {
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  let needYi = false;
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i] as string;
    const pos = digits.length - 1 - i;
    if (d === '0') {
      zeroPending = out !== '';
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += digit(d) + (SMALL_UNITS[pos % 4] as string);
      groupHasDigit = true;
    }
    if (pos % 4 === 0 && pos > 0) {
      const group = pos / 4;
      if (group === 1 && groupHasDigit) out += '万';
      if (group === 2 && (groupHasDigit || needYi)) out += '亿';
      if (group === 3 && groupHasDigit) {
        // 万亿: the 万 comes now, the 亿 after the next group even when that group is all zeros.
        out += '万';
        needYi = true;
      }
      groupHasDigit = false;
    }
  }
  return out;
}

/**
 * The capitals for an amount as typed (`1000`, `1000.5`, `1000.50`, `0.05`); null when the text is not a
 * non-negative amount with at most two decimals, or is too large to write.
 */
export function rmbUppercase(text: string): string | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const integer = (m[1] as string).replace(/^0+(?=\d)/, '');
  if (integer.length > MAX_INTEGER_DIGITS) return null;
  const fraction = (m[2] ?? '').padEnd(2, '0');
  const jiao = fraction[0] as string;
  const fen = fraction[1] as string;
  const hasYuan = integer !== '0';

  if (!hasYuan && jiao === '0' && fen === '0') return '零元整';
  let out = hasYuan ? `${integerWords(integer)}元` : '';
  if (jiao === '0' && fen === '0') return `${out}整`;
  if (jiao !== '0') out += `${digit(jiao)}角`;
  else if (hasYuan) out += '零';
  if (fen !== '0') out += `${digit(fen)}分`;
  return out;
}
