import type { Signer } from '../../shared/dto';
import type { FieldValues, TemplateField } from '../../shared/template';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256-hex';

/** Signer details that are personal data: erasable, masked in lists, never in the immutable row. */
export const PERSONAL_SIGNER_KEYS = ['idNumber', 'phone', 'address'] as const;
type PersonalSignerKey = (typeof PERSONAL_SIGNER_KEYS)[number];

const PERSONAL_VALUE_TYPES: ReadonlySet<string> = new Set(['idCard', 'phone']);
const ADDRESS_LABEL = /地址|住址|住所|居住地/;

/**
 * The personal part of a record, stored as canonical JSON in `personal_data` under its SHA-256. The random
 * `salt` makes that hash useless for guessing a phone or ID number from the archive row that references it;
 * once the row is erased, the hash reveals nothing.
 */
export interface PersonalData {
  /** 32 hex digits of randomness. */
  salt: string;
  signer: Partial<Pick<Signer, PersonalSignerKey>>;
  /** Values of personal fields (phone and ID-card blanks, address blanks) by field id. */
  values: FieldValues;
}

export interface SplitRecord {
  /** The signer without `idNumber`, `phone` and `address`. */
  signer: Signer;
  /** The values without those of personal fields. */
  values: FieldValues;
  /** Null when the record holds no personal data. */
  personal: { data: PersonalData; json: string; hash: string } | null;
}

/** True for a blank whose value is personal data: a phone or ID-card number, or an address. */
export function isPersonalField(field: Pick<TemplateField, 'kind' | 'valueType' | 'label'>): boolean {
  if (field.kind !== 'blank') return false;
  return PERSONAL_VALUE_TYPES.has(field.valueType ?? '') || ADDRESS_LABEL.test(field.label);
}

/**
 * Separates personal data from what the immutable archive row keeps. `fields` (the template's) tells which
 * values are personal; without it (template missing) all values stay in the row. Deterministic for a salt.
 */
export function splitPersonal(signer: Signer, values: FieldValues, fields: readonly TemplateField[] | null, salt: string): SplitRecord {
  const publicSigner: Signer = { ...signer };
  const personalSigner: PersonalData['signer'] = {};
  for (const key of PERSONAL_SIGNER_KEYS) {
    const value = signer[key];
    delete publicSigner[key];
    if (value !== undefined && value !== '') personalSigner[key] = value;
  }
  const personalIds = new Set((fields ?? []).filter(isPersonalField).map((f) => f.id));
  const publicValues: FieldValues = {};
  const personalValues: FieldValues = {};
  for (const [id, value] of Object.entries(values)) {
    if (personalIds.has(id)) personalValues[id] = value;
    else publicValues[id] = value;
  }
  if (Object.keys(personalSigner).length === 0 && Object.keys(personalValues).length === 0) {
    return { signer: publicSigner, values: publicValues, personal: null };
  }
  const data: PersonalData = { salt, signer: personalSigner, values: personalValues };
  const json = canonicalJson(data);
  return { signer: publicSigner, values: publicValues, personal: { data, json, hash: sha256Hex(json) } };
}

/** The record as signed: the row's signer and values with the personal part put back (masked when asked). */
export function mergePersonal(
  signer: Signer,
  values: FieldValues,
  personal: PersonalData | null,
  mask: (text: string) => string = (text) => text,
): { signer: Signer; values: FieldValues } {
  if (!personal) return { signer, values };
  const outSigner: Signer = { ...signer };
  for (const key of PERSONAL_SIGNER_KEYS) {
    const value = personal.signer[key];
    if (value !== undefined) outSigner[key] = mask(value);
  }
  const outValues: FieldValues = { ...values };
  for (const [id, value] of Object.entries(personal.values)) {
    outValues[id] = typeof value === 'string' ? mask(value) : { option: value.option, ...(value.other ? { other: mask(value.other) } : {}) };
  }
  return { signer: outSigner, values: outValues };
}
