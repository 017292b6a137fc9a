import { useCallback, useMemo, useRef, useState } from 'react';
import { clauseOfField } from '../../electron/shared/clause-index';
import type { Draft } from '../../electron/shared/dto';
import type { FieldValue, FieldValues, Template } from '../../electron/shared/template';
import type { Acks } from './acks';
import { ackWithdrawnBy, withAck } from './acks';
import type { DraftPatch } from './draft-patch';

export interface Answers {
  values: FieldValues;
  acks: Acks;
  /** Sets an answer; a changed answer in a confirmed clause withdraws that confirmation (as the host does). */
  setValue: (fieldId: string, value: FieldValue) => void;
  /** Confirms ("已阅读并同意本条款") or withdraws one leaf clause. */
  setAck: (clauseKey: string, confirmed: boolean) => void;
}

/** The draft's answers and clause confirmations as the screen shows them; every change is queued for saving. */
export function useAnswers(draft: Pick<Draft, 'values' | 'acks'>, template: Template, queue: (patch: DraftPatch) => void, onChanged: (fieldId: string) => void): Answers {
  const clauseOf = useMemo(() => clauseOfField(template), [template]);
  const [values, setValues] = useState<FieldValues>(draft.values);
  const [acks, setAcks] = useState<Acks>(draft.acks);
  // The latest state, for handlers that run again before the next render.
  const valuesRef = useRef(values);
  const acksRef = useRef(acks);
  const changed = useRef(onChanged);
  changed.current = onChanged;

  const setValue = useCallback(
    (fieldId: string, value: FieldValue) => {
      const withdrawn = ackWithdrawnBy(clauseOf, acksRef.current, valuesRef.current, fieldId, value);
      valuesRef.current = { ...valuesRef.current, [fieldId]: value };
      setValues(valuesRef.current);
      changed.current(fieldId);
      if (withdrawn === null) {
        queue({ values: { [fieldId]: value } });
        return;
      }
      acksRef.current = withAck(acksRef.current, withdrawn, false, '');
      setAcks(acksRef.current);
      queue({ values: { [fieldId]: value }, acks: { [withdrawn]: false } });
    },
    [queue, clauseOf],
  );

  const setAck = useCallback(
    (clauseKey: string, confirmed: boolean) => {
      acksRef.current = withAck(acksRef.current, clauseKey, confirmed, new Date().toISOString());
      setAcks(acksRef.current);
      queue({ acks: { [clauseKey]: confirmed } });
    },
    [queue],
  );

  return { values, acks, setValue, setAck };
}
