import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../electron/host/call-errors';
import { MAX_INPUT_DEPTH, MAX_INPUT_NODES, inputShapeProblem } from '../../../electron/host/input-shape-problem';

/** `{a:{a:…{a:leaf}}}` nested `depth` objects deep, built without recursion. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A template whose one section holds a clause chain `levels` deep (the shape zod walks through z.lazy). */
function deepTemplate(levels: number): unknown {
  let clause: Record<string, unknown> = { number: '1', text: '条款', fields: [], children: [] };
  for (let i = 0; i < levels; i++) clause = { number: '1', text: '条款', fields: [], children: [clause] };
  return {
    template: {
      id: 'deep',
      title: '承诺书',
      preamble: { text: '', fields: [] },
      sections: [{ number: '一', heading: '总则', text: '', fields: [], clauses: [clause] }],
      closing: { text: '', fields: [] },
      fields: [],
    },
  };
}

describe('inputShapeProblem', () => {
  it('accepts JSON values up to the depth limit, and refuses one level more', () => {
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputShapeProblem(nested(MAX_INPUT_DEPTH + 1))).toMatch(/nested deeper than 64/);
    expect(inputShapeProblem('text')).toBeNull();
    expect(inputShapeProblem(undefined)).toBeNull();
    expect(inputShapeProblem({ values: { a: 'x', b: { option: '其他', other: 'y' } }, list: [1, null, true] })).toBeNull();
  });

  it('refuses a __proto__ key anywhere (zod would drop it from a record without a word)', () => {
    expect(inputShapeProblem(JSON.parse('{"id":"x","values":{"__proto__":"5"}}'))).toBe('forbidden key "__proto__"');
    expect(inputShapeProblem(JSON.parse('[{"a":[{"__proto__":{}}]}]'))).toBe('forbidden key "__proto__"');
    // Own keys named like Object's members are plain data; the validators decide about them.
    expect(inputShapeProblem({ constructor: 'x', prototype: 1, toString: 2 })).toBeNull();
  });

  it('refuses what structured clone can carry but JSON cannot: class instances, functions, cycles', () => {
    expect(inputShapeProblem({ png: new Uint8Array(16) })).toMatch(/Uint8Array object/);
    expect(inputShapeProblem({ when: new Date(0) })).toMatch(/Date object/);
    expect(inputShapeProblem({ m: new Map() })).toMatch(/Map object/);
    expect(inputShapeProblem({ f: () => 1 })).toMatch(/function/);
    const cycle: Record<string, unknown> = { id: 'x' };
    cycle.self = cycle;
    expect(inputShapeProblem(cycle)).toMatch(/nested deeper/);
  });

  it('stops an object shared exponentially often at the node limit, and still accepts a shared image', () => {
    let dag: unknown = 'leaf';
    for (let i = 0; i < 40; i++) dag = [dag, dag];
    const started = performance.now();
    expect(inputShapeProblem(dag)).toBe(`input holds more than ${MAX_INPUT_NODES} values`);
    expect(performance.now() - started).toBeLessThan(5_000);
    const image = { png: 'data:image/png;base64,AAAA' };
    expect(inputShapeProblem({ signatures: { 'signature-1': image, 'signature-2': image } })).toBeNull();
  });

  it('walks a million ids (the largest real input) and refuses a larger array without listing it all', () => {
    expect(inputShapeProblem({ ids: Array.from({ length: 1_000_000 }, (_, i) => `id-${i}`) })).toBeNull();
    expect(inputShapeProblem({ ids: new Array(MAX_INPUT_NODES + 1).fill(0) })).toMatch(/more than/);
  });
});

describe('checkCall on inputs the validators cannot walk', () => {
  it('a clause tree 20,000 deep → VALIDATION, where zod alone overflowed the stack', () => {
    const result = checkCall('templates.save', deepTemplate(20_000));
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: `input nested deeper than ${MAX_INPUT_DEPTH} levels` } });
  });

  it('a clause tree 20 deep is still a valid template', () => {
    expect(checkCall('templates.save', deepTemplate(20)).ok).toBe(true);
  });

  it('a __proto__ draft value → VALIDATION instead of being dropped', () => {
    const result = checkCall('drafts.update', JSON.parse('{"id":"d1","values":{"__proto__":"5","c1":"3"}}'));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'forbidden key "__proto__"' } });
  });

  it('a getter that throws → VALIDATION, never an exception', () => {
    const hostile = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => checkCall('drafts.get', hostile)).not.toThrow();
    expect(checkCall('drafts.get', hostile)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('null and undefined are the empty input', () => {
    expect(checkCall('templates.list', null)).toEqual({ ok: true, method: 'templates.list', input: {} });
    expect(checkCall('templates.list', undefined)).toEqual({ ok: true, method: 'templates.list', input: {} });
    expect(checkCall('drafts.get', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'id' } });
  });
});
