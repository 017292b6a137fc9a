import { TemplateText } from './TemplateText';

/** A block text (preamble, section body, closing) as one paragraph per line; a placeholder never spans lines. */
export function TemplateParagraphs({ text, className }: { text: string; className: string }) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} className={className}>
          <TemplateText text={line} />
        </p>
      ))}
    </>
  );
}
