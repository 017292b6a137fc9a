import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../electron/shared/template';
import { checkTemplate } from '../../../electron/core/template/check-template';
import { parseTemplateText } from '../../../electron/core/template/parse-template-text';
import type { ClausePath } from '../../../renderer/editor/clause-path';
import { textNodeAt } from '../../../renderer/editor/clause-path';
import { checkForSave } from '../../../renderer/editor/check-for-save';
import { documentFieldOrder } from '../../../renderer/editor/field-order';
import { mergeWithNext } from '../../../renderer/editor/merge-clauses';
import { splitClause } from '../../../renderer/editor/split-clause';
import { REPO_ROOT } from '../../support/paths';
import { flatSample, sample } from './fixture';

/** The built-in templates, parsed as the host parses them. */
const dir = join(REPO_ROOT, 'resources', 'templates');
const builtins: Template[] = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => parseTemplateText(name.replace(/\.txt$/, ''), readFileSync(join(dir, name), 'utf8')));

/** Every clause path of a template, depth-first. */
function clausePaths(template: Template): ClausePath[] {
  const out: ClausePath[] = [];
  template.sections.forEach((section, s) => {
    if (section.clauses.length === 0) out.push({ section: s, clauses: [] });
    const walk = (count: number, prefix: number[]): void => {
      for (let i = 0; i < count; i++) {
        const path = { section: s, clauses: [...prefix, i] };
        out.push(path);
        walk(textNodeAt(template, path)?.children.length ?? 0, [...prefix, i]);
      }
    };
    walk(section.clauses.length, []);
  });
  return out;
}

/** The host's own consistency check (what `templates.save` runs) accepts the template. */
const hostAccepts = (template: Template): boolean => {
  checkTemplate(template);
  return true;
};

const templates = [sample(), flatSample(), ...builtins];

describe('editor edits always give a template the host accepts', () => {
  it('holds for the fixture and the built-in templates as they are', () => {
    expect(builtins.length).toBeGreaterThanOrEqual(7);
    for (const t of templates) {
      expect(checkForSave(t)).toEqual([]);
      expect(hostAccepts(t)).toBe(true);
    }
  });

  it('after any sequence of merges and splits, with the same fields in document order', () => {
    const edit = fc.record({ merge: fc.boolean(), pick: fc.nat(), caret: fc.nat() });
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let t = start;
        for (const e of edits) {
          const paths = clausePaths(t);
          if (paths.length === 0) break;
          const path = paths[e.pick % paths.length] as ClausePath;
          if (e.merge) t = mergeWithNext(t, path);
          else {
            const text = textNodeAt(t, path)?.text ?? '';
            t = splitClause(t, path, e.caret % (text.length + 1)) ?? t;
          }
          expect(checkForSave(t)).toEqual([]);
          expect(hostAccepts(t)).toBe(true);
          expect(new Set(t.fields.map((f) => f.id))).toEqual(new Set(start.fields.map((f) => f.id)));
          expect(t.fields.map((f) => f.id)).toEqual(documentFieldOrder(t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a split keeps every word: the two texts joined are the original text less the whitespace at the cut', () => {
    fc.assert(
      fc.property(fc.constantFrom(...builtins), fc.nat(), fc.nat(), (start, pick, caret) => {
        const paths = clausePaths(start);
        if (paths.length === 0) return;
        const path = paths[pick % paths.length] as ClausePath;
        const before = textNodeAt(start, path)?.text ?? '';
        const split = splitClause(start, path, caret % (before.length + 1));
        if (!split) return;
        const first = textNodeAt(split, path)?.text ?? '';
        const next =
          path.clauses.length === 0
            ? { section: path.section + 1, clauses: [] }
            : { ...path, clauses: [...path.clauses.slice(0, -1), (path.clauses.at(-1) ?? 0) + 1] };
        const second = textNodeAt(split, next)?.text ?? '';
        expect((first + second).replace(/\s/g, '')).toBe(before.replace(/\s/g, ''));
        expect(before.startsWith(first)).toBe(true);
        expect(before.endsWith(second)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
