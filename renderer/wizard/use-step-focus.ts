import { useLayoutEffect, useRef } from 'react';
import type { StepKey } from '../../electron/shared/dto';
import { focusFirstInput, focusableIn, revealAndFocus } from './focus-next';

/**
 * Where the focus goes when the step changes: what a review link asked for (`request(selector)` before the
 * change); else, when the focus fell out of the page (Enter on the last input), the first input of the new
 * step so that typing carries on; else (a button was used) the step's heading, so that Tab goes on from there.
 */
export function useStepFocus(step: StepKey): (selector: string | null) => void {
  const pending = useRef<string | null>(null);
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector('.wizard-main');
    if (!main) return;
    const selector = pending.current;
    pending.current = null;
    const target = selector ? main.querySelector(selector) : null;
    const focusable = target ? focusableIn(target) : null;
    if (focusable) {
      revealAndFocus(focusable);
      return;
    }
    const paper = main.querySelector('.paper') ?? main;
    const active = document.activeElement;
    if ((active === null || active === document.body || !document.contains(active)) && focusFirstInput(paper)) return;
    paper.querySelector<HTMLElement>('[tabindex="-1"]')?.focus({ preventScroll: true });
  }, [step]);
  return (selector) => {
    pending.current = selector;
  };
}
