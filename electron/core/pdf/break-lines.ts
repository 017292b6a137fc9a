/**
 * Chinese line breaking for the composer: a break may fall between any two atoms (a Han character is one
 * atom; a Latin word or number is one atom), except that no line may start with closing punctuation and no
 * line may end with opening punctuation (kinsoku), and an atom marked `glue` stays with the one before it
 * (a number and its unit). Where a forbidden character would start a line, the previous atom is carried down
 * with it ("push-out"), which keeps every line within the measure.
 */
export interface Atom {
  text: string;
  /** Advance width in PDF points. */
  width: number;
  /** True when no break is allowed before this atom. */
  glue?: boolean;
}

/** Characters that must not start a line (GB/T 15834 closing marks, plus their half-width forms). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%％,.;:?!)]}']);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

function breakForbiddenBefore(atoms: readonly Atom[], index: number): boolean {
  const atom = atoms[index] as Atom;
  const previous = atoms[index - 1];
  if (atom.glue) return true;
  if (NO_LINE_START.has([...atom.text][0] ?? '')) return true;
  return previous !== undefined && NO_LINE_END.has([...previous.text].at(-1) ?? '');
}

/**
 * Greedy fill of `atoms` into lines no wider than `width` points (the first line `firstWidth`, for an
 * indent). Returns each line's atoms. An atom wider than a whole line is placed alone on its line.
 */
export function breakLines(atoms: readonly Atom[], firstWidth: number, width: number): Atom[][] {
  const lines: Atom[][] = [];
  let start = 0;
  while (start < atoms.length) {
    const measure = lines.length === 0 ? firstWidth : width;
    let used = 0;
    let end = start;
    while (end < atoms.length && used + (atoms[end] as Atom).width <= measure + 1e-6) {
      used += (atoms[end] as Atom).width;
      end++;
    }
    if (end < atoms.length) {
      // Move the break back until it is allowed; never past the line start.
      let candidate = end;
      while (candidate > start + 1 && breakForbiddenBefore(atoms, candidate)) candidate--;
      if (candidate > start && !breakForbiddenBefore(atoms, candidate)) end = candidate;
      if (end === start) end = start + 1;
    }
    lines.push(atoms.slice(start, end));
    start = end;
    // Spaces at a line start are dropped, as in any typeset text.
    while (start < atoms.length && /^\s+$/.test((atoms[start] as Atom).text)) start++;
  }
  return lines;
}

/**
 * Breaks `atoms` into as few lines of at most `width` as `breakLines` does, but with lines as even as the
 * breaks allow: the narrowest measure that still needs no more lines. A long title then comes out as two
 * lines of about equal length (GB/T 9704's balanced 梯形 titles) rather than one full line and a stub.
 */
export function balanceLines(atoms: readonly Atom[], width: number): Atom[][] {
  const greedy = breakLines(atoms, width, width);
  if (greedy.length < 2) return greedy;
  const total = atoms.reduce((s, a) => s + a.width, 0);
  let lo = total / greedy.length;
  let hi = width;
  // 24 halvings resolve the measure to well under a hundredth of a point.
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (breakLines(atoms, mid, mid).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return breakLines(atoms, hi, hi);
}
