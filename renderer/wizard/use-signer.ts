import { useCallback, useMemo, useState } from 'react';
import type { Signer } from '../../electron/shared/dto';
import type { FieldValue, FieldValues, Template } from '../../electron/shared/template';
import type { DraftPatch } from './use-draft-saver';

const SIGNER_TYPES: ReadonlyArray<Signer['type']> = ['企业', '个人', '其他'];
const EMPTY_SIGNER: Signer = { type: '企业', name: '', organisation: '' };

const isSignerType = (option: string): option is Signer['type'] => (SIGNER_TYPES as readonly string[]).includes(option);

/**
 * The signer, kept in step with a "承诺方类型：□企业□个人□其他" choice in the text: templates often ask the
 * signer's type a second time, and the two answers must not disagree. Returns the signer, its setter, and a
 * field setter that updates the signer's type when such a choice changes.
 */
export function useSigner(
  initial: Signer | null,
  template: Template,
  values: FieldValues,
  setValue: (fieldId: string, value: FieldValue) => void,
  queue: (patch: DraftPatch) => void,
): { signer: Signer; changeSigner: (next: Signer) => void; setFieldValue: (fieldId: string, value: FieldValue) => void } {
  const [signer, setSigner] = useState<Signer>(initial ?? EMPTY_SIGNER);
  const typeFields = useMemo(
    () => template.fields.filter((f) => f.kind === 'choice' && ['企业', '个人'].every((o) => f.options?.includes(o))),
    [template],
  );

  const changeSigner = (next: Signer): void => {
    setSigner(next);
    queue({ signer: next });
    if (next.type === signer.type) return;
    for (const field of typeFields) {
      if (!field.options?.includes(next.type)) continue;
      const current = values[field.id];
      const other = typeof current === 'object' ? current.other : undefined;
      setValue(field.id, next.type === field.otherOption ? { option: next.type, other: other ?? '' } : { option: next.type });
    }
  };

  const setFieldValue = useCallback(
    (fieldId: string, value: FieldValue) => {
      setValue(fieldId, value);
      const option = typeof value === 'string' ? value : value.option;
      if (!typeFields.some((f) => f.id === fieldId) || !isSignerType(option) || option === signer.type) return;
      const next = { ...signer, type: option };
      setSigner(next);
      queue({ signer: next });
    },
    [setValue, typeFields, signer, queue],
  );

  return { signer, changeSigner, setFieldValue };
}
