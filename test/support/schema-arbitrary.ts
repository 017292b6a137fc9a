import fc from 'fast-check';

/** The part of JSON Schema (draft 2020-12) that `z.toJSONSchema` writes for the contract's validators. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  /** What a discriminated union (`jobs.start`) becomes. */
  oneOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** Generated strings and collections stay this small: the validators' limits are tested by the malformed side. */
const MAX_GEN_LENGTH = 24;
const MAX_GEN_ITEMS = 3;
/** Below this depth, recursive schemas (clause trees) get no more children. */
const MAX_GEN_DEPTH = 4;

/**
 * Values that satisfy `schema` as far as its JSON Schema says (zod refinements such as "exactly one of" are
 * not in it, so callers filter with the validator itself). Used to build inputs for every contract method at run
 * time from `methodSchemas()`, so a method added to the table is fuzzed without a test change.
 */
export function schemaArbitrary(schema: JsonSchema, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return schemaArbitrary(target, root, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => schemaArbitrary(s, root, depth)));
  switch (schema.type) {
    case 'string': {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? MAX_GEN_LENGTH, minLength + MAX_GEN_LENGTH);
      if (schema.pattern !== undefined) {
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
      }
      return fc.oneof(
        fc.string({ minLength, maxLength }),
        fc.string({ minLength, maxLength, unit: fc.constantFrom(...'承诺书企业个人其他年月日一二三、，。（）□_'.split('')) }),
      );
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number': {
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1e6;
      return fc
        .double({ min, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      // Built eagerly, so a recursive schema must stop here rather than in the generated values.
      if (depth >= MAX_GEN_DEPTH && minLength === 0) return fc.constant([]);
      const maxLength = Math.min(schema.maxItems ?? MAX_GEN_ITEMS, minLength + MAX_GEN_ITEMS);
      return fc.array(schema.items ? schemaArbitrary(schema.items, root, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
    }
    case 'object': {
      if (schema.properties) {
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, sub] of Object.entries(schema.properties)) props[key] = schemaArbitrary(sub, root, depth + 1);
        return fc.record(props, { requiredKeys: schema.required ?? [] });
      }
      if (typeof schema.additionalProperties === 'object') {
        const key = schema.propertyNames ? (schemaArbitrary(schema.propertyNames, root, depth + 1) as fc.Arbitrary<string>) : fc.string({ maxLength: MAX_GEN_LENGTH });
        return fc.dictionary(
          key.filter((k) => k !== '__proto__'),
          schemaArbitrary(schema.additionalProperties, root, depth + 1),
          { maxKeys: depth >= MAX_GEN_DEPTH ? 0 : MAX_GEN_ITEMS },
        );
      }
      return fc.constant({});
    }
    default:
      throw new Error(`schemaArbitrary: unsupported schema ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

/** Every path to an object or array inside `value` (the root is `[]`), to pick where a mutation lands. */
export function containerPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const out = [path];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) out.push(...containerPaths(child, [...path, key]));
  return out;
}

/** Deep copy of a JSON tree (structuredClone would keep `__proto__` semantics the same; this is clearer). */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function at(value: unknown, path: Array<string | number>): unknown {
  let node = value;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Values of every JSON type, and the edge cases JSON can smuggle in (1e999 parses to Infinity). */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', 'x', [], {}, Infinity, -Infinity, NaN, -0, 2 ** 53 + 2, 1e308, '1e999', '__proto__', 'constructor'),
  fc.constant(JSON.parse('1e999') as number),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** What a mutation does at its container. */
export type Mutation =
  | { op: 'wrong-type'; value: unknown }
  | { op: 'drop-key' }
  | { op: 'extra-key'; key: string; value: unknown }
  | { op: 'huge-string'; length: number }
  | { op: 'deep-nesting'; depth: number; asArray: boolean }
  | { op: 'repeat-path'; depth: number }
  | { op: 'proto-key'; json: string };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: junkValue.map((value) => ({ op: 'wrong-type' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: 'drop-key' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('extra-key' as const),
      key: fc.oneof(fc.constantFrom('constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', 'extra'), fc.string({ minLength: 1, maxLength: 12 })),
      value: junkValue,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(2_001, 200_001, 2_800_000).map((length) => ({ op: 'huge-string' as const, length })) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep-nesting' as const), depth: fc.integer({ min: 65, max: 50_000 }), asArray: fc.boolean() }) },
  { weight: 2, arbitrary: fc.integer({ min: 65, max: 20_000 }).map((depth) => ({ op: 'repeat-path' as const, depth })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"__proto__":{"polluted":true}}', '{"__proto__":"x"}', '{"__proto__":{"__proto__":{"isAdmin":true}}}').map((json) => ({ op: 'proto-key' as const, json })),
  },
);

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/**
 * Applies `mutation` to a copy of `valid` at the container picked by `pick` (an index into its container
 * paths; the root when `valid` is not a container). Keys come from the valid value itself, so a dropped key
 * or a wrongly typed value hits a property the validator knows. `__proto__` keys are added through
 * `JSON.parse`, exactly as they arrive over HTTP, so they are own properties rather than prototype changes.
 */
export function applyMutation(valid: unknown, pick: number, keyPick: number, mutation: Mutation): unknown {
  const paths = containerPaths(valid);
  if (paths.length === 0) return mutation.op === 'wrong-type' ? mutation.value : valid;
  const root = copy(valid);
  const path = paths[pick % paths.length] as Array<string | number>;
  const container = at(root, path) as Record<string | number, unknown>;
  const keys: Array<string | number> = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
  const key = keys.length > 0 ? (keys[keyPick % keys.length] as string | number) : null;
  const replace = (value: unknown): unknown => {
    if (key === null) return path.length === 0 ? value : (set(root, path, value), root);
    container[key] = value;
    return root;
  };
  switch (mutation.op) {
    case 'wrong-type':
      return replace(mutation.value);
    case 'drop-key':
      if (key === null) return path.length === 0 ? 'not an object' : root;
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
      return root;
    case 'extra-key':
      if (Array.isArray(container)) container.push(mutation.value);
      else container[mutation.key] = mutation.value;
      return root;
    case 'huge-string':
      return replace('承'.repeat(mutation.length));
    case 'deep-nesting':
      return replace(nest(mutation.depth, mutation.asArray));
    case 'repeat-path': {
      // The input's own shape, repeated: a clause inside its own children, thousands deep. Only this reaches
      // a validator's recursion (z.lazy); a foreign nested value is refused at its first level.
      const below = paths.filter((q) => q.length > path.length && path.every((k, i) => q[i] === k));
      if (below.length === 0) return replace(nest(mutation.depth, Array.isArray(container)));
      const segment = (below[keyPick % below.length] as Array<string | number>).slice(path.length);
      let current: unknown = at(container, segment);
      for (let i = 0; i < mutation.depth; i++) {
        const top = shallow(container);
        let node = top;
        for (const step of segment.slice(0, -1)) node = node[step] = shallow(node[step]);
        node[segment[segment.length - 1] as string | number] = current;
        current = top;
      }
      if (path.length === 0) return current;
      set(root, path, current);
      return root;
    }
    case 'proto-key': {
      // JSON.parse makes "__proto__" an own key, exactly as it arrives over HTTP (never a prototype change).
      const hostile = JSON.parse(mutation.json) as Record<string, unknown>;
      if (Array.isArray(container)) container.push(hostile);
      else Object.defineProperty(container, '__proto__', { ...Object.getOwnPropertyDescriptor(hostile, '__proto__'), enumerable: true });
      return root;
    }
  }
}

function shallow(value: unknown): Record<string | number, unknown> {
  return (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
}

function set(root: unknown, path: Array<string | number>, value: unknown): void {
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
}
