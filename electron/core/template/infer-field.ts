import type { ValueType } from '../../shared/template';

/**
 * Units that may follow a blank, longest first so that 个工作日 wins over 工作日 and 日.
 * Each maps to the value type a signer is expected to type.
 */
const UNITS: ReadonlyArray<readonly [string, ValueType]> = [
  ['个工作日', 'duration'],
  ['個工作日', 'duration'],
  ['個小時', 'duration'],
  ['個月', 'duration'],
  ['小時', 'duration'],
  ['萬元', 'money'],
  ['週', 'duration'],
  ['工作日', 'duration'],
  ['个小时', 'duration'],
  ['个月', 'duration'],
  ['小时', 'duration'],
  ['分钟', 'duration'],
  ['万元', 'money'],
  ['%', 'percent'],
  ['％', 'percent'],
  ['天', 'duration'],
  ['日', 'duration'],
  ['周', 'duration'],
  ['年', 'duration'],
  ['次', 'integer'],
  ['起', 'integer'],
  ['人', 'integer'],
  ['家', 'integer'],
  ['件', 'integer'],
  ['元', 'money'],
  ['倍', 'number'],
];

/** The unit written right after a blank, if the text there starts with one. */
export function unitAfter(textAfter: string): { unit: string; valueType: ValueType } | null {
  for (const [unit, valueType] of UNITS) {
    if (textAfter.startsWith(unit)) return { unit, valueType };
  }
  return null;
}

/** A value type implied by the label's words when no unit follows (phone, ID, credit code, date). */
export function valueTypeFromLabel(label: string): ValueType | null {
  if (/电话|電話|手机|手機|联系方式|聯繫方式/.test(label)) return 'phone';
  if (/身份证|身份證/.test(label)) return 'idCard';
  if (/信用代码|信用代碼/.test(label)) return 'creditCode';
  if (/日期/.test(label)) return 'date';
  return null;
}

const PHRASE_BREAK = /[，。；：、！？,.;:!?\s（）()《》“”]/;

/**
 * A short label for a blank from the words around it. After a "名称：" the name is the label; otherwise the
 * phrase before and the phrase after, with the blank shown as ＿ ("在＿小时内作出回应"). Phrases stop at
 * punctuation; a long one keeps its last (before) or first (after) 16 characters.
 */
export function labelAround(before: string, after: string): string {
  const named = /[：:]\s*$/.test(before);
  const tail = [...before.replace(/[：:\s]+$/, '')].reverse();
  const stop = tail.findIndex((c) => PHRASE_BREAK.test(c));
  const left = (stop === -1 ? tail : tail.slice(0, stop)).slice(0, 16).reverse().join('');
  if (named && left) return left;
  const head = [...after];
  const end = head.findIndex((c) => PHRASE_BREAK.test(c));
  const right = (end === -1 ? head : head.slice(0, end)).slice(0, 16).join('');
  return `${left}＿${right}`;
}
