import { splitTemplateText } from '../../electron/shared/template';
import { FieldChip } from './FieldChip';

/** A template text in the editor: literal runs as text (line breaks kept), each placeholder as a chip. */
export function EditorText({ text }: { text: string }) {
  return (
    <>
      {splitTemplateText(text).map((part, i) =>
        'literal' in part ? (
          <span key={i} className="lit">
            {part.literal}
          </span>
        ) : (
          <FieldChip key={i} fieldId={part.fieldId} />
        ),
      )}
    </>
  );
}
