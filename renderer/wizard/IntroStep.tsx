import type { Signer } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { SignerForm } from './SignerForm';
import { TemplateParagraphs } from './TemplateParagraphs';

interface Props {
  template: Template;
  signer: Signer;
  onSignerChange: (next: Signer) => void;
}

/** First step: who signs, then the pledge's title and preamble with its blanks. */
export function IntroStep({ template, signer, onSignerChange }: Props) {
  return (
    <div className="intro-step">
      <SignerForm signer={signer} onChange={onSignerChange} />
      <h1 className="doc-title">{template.title}</h1>
      <TemplateParagraphs text={template.preamble.text} className="clause-text preamble" />
    </div>
  );
}
