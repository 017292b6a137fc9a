import { useId } from 'react';
import { MAX_COPIES, clampCopies } from './copies';

/** "份数 [ 1 ]" for a print. */
export function CopiesInput({ label, value, onChange }: { label: string; value: number; onChange: (copies: number) => void }) {
  const id = useId();
  return (
    <>
      <label className="control-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        className="text-input copies-input"
        min={1}
        max={MAX_COPIES}
        value={value}
        onChange={(e) => onChange(clampCopies(e.target.value))}
        data-testid="print-copies"
      />
    </>
  );
}
