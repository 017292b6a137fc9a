import type { Signer } from '../../electron/shared/dto';
import type { Template } from '../../electron/shared/template';
import { SignerForm } from './SignerForm';
import { SignerProfiles } from './SignerProfiles';
import { TemplateParagraphs } from './TemplateParagraphs';

interface Props {
  template: Template;
  signer: Signer;
  onSignerChange: (next: Signer) => void;
}

/** First step: who signs (or a saved signer), then the pledge's title and preamble with its blanks. */
export function IntroStep({ template, signer, onSignerChange }: Props) {
  return (
    <div className="intro-step">
      <SignerForm signer={signer} onChange={onSignerChange} profiles={<SignerProfiles signer={signer} onPick={onSignerChange} />} />
      <h1 className="doc-title" tabIndex={-1}>
        {template.title}
      </h1>
      <TemplateParagraphs text={template.preamble.text} className="clause-text preamble" />
    </div>
  );
}
