import type { Signer } from '../../electron/shared/dto';
import type { TemplateField, ValueType } from '../../electron/shared/template';
import { fieldMessage } from './field-message';

/** The signer's checked numbers: each is validated like a template blank of its value type. */
export type SignerNumberKey = 'idNumber' | 'creditCode' | 'phone';

const NUMBER_TYPES: Record<SignerNumberKey, ValueType> = { idNumber: 'idCard', creditCode: 'creditCode', phone: 'phone' };

/** The optional signer details the form shows for a signer type: an ID for a person, a credit code for a company. */
export function signerDetailKeys(type: Signer['type']): Array<'idNumber' | 'creditCode' | 'phone' | 'address'> {
  if (type === '个人') return ['idNumber', 'phone', 'address'];
  if (type === '企业') return ['creditCode', 'phone', 'address'];
  return ['idNumber', 'creditCode', 'phone', 'address'];
}

/** The message for a signer number as typed (empty is fine: these details are optional), or null. */
export function signerNumberMessage(key: SignerNumberKey, value: string | undefined): string | null {
  const field: TemplateField = { id: `signer.${key}`, kind: 'blank', label: key, valueType: NUMBER_TYPES[key], required: false };
  return fieldMessage(field, value ?? '');
}

/** The signer with a new type; a number the new type does not ask for (a credit code for a person) is dropped. */
export function withSignerType(signer: Signer, type: Signer['type']): Signer {
  const keep = new Set<string>(signerDetailKeys(type));
  const next: Signer = { ...signer, type };
  if (!keep.has('idNumber')) delete next.idNumber;
  if (!keep.has('creditCode')) delete next.creditCode;
  return next;
}

/** Every problem with the signer's own details, in form order: name missing, then invalid numbers. */
export function signerProblems(signer: Signer): Array<{ key: 'name' | SignerNumberKey; message: string | null }> {
  const out: Array<{ key: 'name' | SignerNumberKey; message: string | null }> = [];
  if (signer.name.trim() === '') out.push({ key: 'name', message: null });
  for (const key of ['idNumber', 'creditCode', 'phone'] as const) {
    const message = signerNumberMessage(key, signer[key]);
    if (message) out.push({ key, message });
  }
  return out;
}
