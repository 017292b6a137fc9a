import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { FieldValue, FieldValues, TemplateField } from '../../electron/shared/template';
import type { Acks } from './acks';

export interface FieldContextValue {
  fields: ReadonlyMap<string, TemplateField>;
  values: FieldValues;
  /** Server-side rejections by field id (Chinese text), cleared when the field changes. */
  rejected: Readonly<Record<string, string>>;
  setValue: (fieldId: string, value: FieldValue) => void;
  /** Clause key → time the signer confirmed it. */
  acks: Acks;
  setAck: (clauseKey: string, confirmed: boolean) => void;
  /**
   * How a signature or date placeholder is drawn. Section steps show a pointer to the sign step; the sign
   * step supplies the pad and the date input.
   */
  renderSpecial: (field: TemplateField) => ReactNode;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

/** The wizard's field state, for any placeholder inside the current step. */
export function useFieldContext(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('useFieldContext outside the wizard');
  return value;
}
