import { EditorText } from './EditorText';
import { useEditor } from './editor-context';
import { SelectedFieldPanel } from './SelectedFieldPanel';

/** A block of text without numbering (preamble, a section's body, the closing), with its chips. */
export function EditorBlock({ text, className, label }: { text: string; className: string; label: string }) {
  const { showInSource } = useEditor();
  if (text.trim() === '') return null;
  return (
    <div className={`editor-block ${className}`} role="group" aria-label={label} onClick={() => showInSource(text)}>
      <p className="editor-text">
        <EditorText text={text} />
      </p>
      <SelectedFieldPanel text={text} />
    </div>
  );
}
