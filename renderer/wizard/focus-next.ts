/**
 * Enter in a blank moves to the next input of the page; on the last one it presses the "next step" button.
 * A convenience only: Tab works as usual.
 */
export function focusNextInput(from: HTMLElement): void {
  const root = from.closest('.wizard-main') ?? document.body;
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('input:not([type="radio"]):not([disabled])'));
  const index = inputs.indexOf(from as HTMLInputElement);
  const next = inputs[index + 1];
  if (next) next.focus();
  else root.querySelector<HTMLButtonElement>('[data-action="next"]')?.click();
}
