/**
 * Deepest nesting of arrays and objects an API input may have. The deepest real input is an edited template
 * (`templates.save`): input → template → sections[] → section → clauses[] → clause → children[] → …, two levels
 * per clause level, so 64 allows clauses nested some 28 deep; real pledges stop at 4 (1.1.1.1).
 */
export const MAX_INPUT_DEPTH = 64;

/**
 * Most arrays, objects and values an input may hold in all. The largest real input is `archive.exportBundle`
 * with up to 1,000,000 ids; this leaves room for that and stops an input that shares one object many times
 * over (which structured clone keeps as references, so it is small to send but exponential to walk).
 */
export const MAX_INPUT_NODES = 2_500_000;

/** Keys that would reach `Object.prototype` if code ever copied them with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/**
 * Why this runs before the contract's validators: zod recurses into nested values (and into `z.lazy` clause
 * trees), so an input nested some thousands deep overflows the stack inside `safeParse`, which throws a
 * RangeError instead of answering. Over IPC, structured clone also delivers what JSON cannot: a cycle (zod
 * would recurse forever; here it is simply too deep), one object shared many times over (parsed once per path:
 * exponential; here it hits the node limit), typed arrays and other class instances (a 100 MB Uint8Array has
 * 100 million keys to list). And zod silently drops a `__proto__` key from a record, so a draft value stored
 * under that id would vanish without an error. So only JSON-like values pass: plain objects and arrays, at most
 * `maxDepth` deep and `MAX_INPUT_NODES` in all, without a `__proto__` key. The walk is iterative (it cannot
 * overflow itself) and stops at the first problem.
 *
 * Returns a message naming the problem (no stack, no input echoed), or null when the shape is acceptable.
 */
export function inputShapeProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  let nodes = 1;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'function' || typeof value === 'symbol') return `input holds a ${typeof value}, which is not JSON`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return `input nested deeper than ${maxDepth} levels`;
    if (Array.isArray(value)) {
      if ((nodes += value.length) > MAX_INPUT_NODES) return `input holds more than ${MAX_INPUT_NODES} values`;
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `input holds a ${value.constructor?.name ?? 'non-plain'} object, which is not JSON`;
    const keys = Object.keys(value);
    if ((nodes += keys.length) > MAX_INPUT_NODES) return `input holds more than ${MAX_INPUT_NODES} values`;
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `forbidden key "${key}"`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
