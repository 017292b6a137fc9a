import type { Template } from './template';

/**
 * The wizard's steps for a template, in order: `intro` (signer details and the preamble), one
 * `section-<n>` per top-level section (n is 1-based), `review` (what is missing or unconfirmed), and `sign`
 * (signatures and the date).
 * Drafts store the key, not the index, so a resumed draft opens where the signer left it.
 */
export function wizardSteps(template: Pick<Template, 'sections'>): string[] {
  return ['intro', ...template.sections.map((_, index) => `section-${index + 1}`), 'review', 'sign'];
}
