/** The inputs that Enter walks through: text-like inputs, not radios or checkboxes (Space toggles those). */
export const TEXT_INPUTS = 'input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]):not([disabled])';

/**
 * Enter in an input moves to the next text input of the step; on the last one it presses the "next step"
 * button (the wizard then focuses the first input of the new step). A convenience only: Tab works as usual.
 */
export function focusNextInput(from: HTMLElement): void {
  const root = from.closest('.wizard-main') ?? document.body;
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>(TEXT_INPUTS));
  const index = inputs.indexOf(from as HTMLInputElement);
  const next = inputs[index + 1];
  if (next) next.focus();
  else root.querySelector<HTMLButtonElement>('[data-action="next"]')?.click();
}

/** Focuses the first text input (or radio group) under `root`; false when there is none. */
export function focusFirstInput(root: ParentNode): boolean {
  const first = root.querySelector<HTMLElement>(`${TEXT_INPUTS}, input[type="radio"]:checked, input[type="radio"]`);
  if (!first) return false;
  first.focus();
  return true;
}

/** Scrolls an element into the middle of the view and focuses it (the review step's links land here). */
export function revealAndFocus(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** The enter-key handler shared by every text input of the wizard. */
export function onEnterFocusNext(e: { key: string; nativeEvent: KeyboardEvent; preventDefault: () => void; currentTarget: HTMLElement }): void {
  if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
    e.preventDefault();
    focusNextInput(e.currentTarget);
  }
}

/** The element to focus for a review link's target: the input itself, or the (checked) input inside a group. */
export function focusableIn(el: Element): HTMLElement | null {
  if (el.matches('input, select, textarea, button')) return el as HTMLElement;
  return el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea, button');
}
