import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditorState } from '../../../renderer/editor/editor-state';
import { sample } from './fixture';

describe('editorReducer', () => {
  it('marks the state dirty on an edit and clean on save, with the version the host derived', () => {
    let state = initialEditorState(sample());
    expect(state.dirty).toBe(false);
    state = editorReducer(state, { type: 'title', title: '新标题' });
    state = editorReducer(state, { type: 'field', fieldId: 'c', patch: { max: 50 } });
    state = editorReducer(state, { type: 'merge', path: { section: 0, clauses: [0] } });
    expect(state.dirty).toBe(true);
    expect(state.template.title).toBe('新标题');
    expect(state.template.sections[0]!.clauses).toHaveLength(2);
    state = editorReducer(state, { type: 'saved', version: 'abc' });
    expect(state).toMatchObject({ dirty: false, template: { version: 'abc', title: '新标题' } });
  });

  it('ignores an edit that cannot apply: a split at the end, a text that loses a placeholder, a merge of the last clause', () => {
    const state = initialEditorState(sample());
    const path = { section: 0, clauses: [1] };
    expect(editorReducer(state, { type: 'split', path, caret: 0 })).toBe(state);
    expect(editorReducer(state, { type: 'clause-text', path, text: '每季度抽检商品' })).toBe(state);
    expect(editorReducer(state, { type: 'merge', path: { section: 0, clauses: [2] } })).toBe(state);
  });

  it('edits a clause wording and number in place', () => {
    const path = { section: 0, clauses: [1] };
    let state = initialEditorState(sample());
    state = editorReducer(state, { type: 'clause-text', path, text: '每季度至少抽检{{c}}%的商品，并在{{d}}小时内处理。' });
    state = editorReducer(state, { type: 'clause-number', path, number: '1.2（修）' });
    expect(state.template.sections[0]!.clauses[1]).toMatchObject({ number: '1.2（修）', text: '每季度至少抽检{{c}}%的商品，并在{{d}}小时内处理。' });
    state = editorReducer(state, { type: 'split', path, caret: 3, secondNumber: '1.2b' });
    expect(state.template.sections[0]!.clauses.map((c) => c.number)).toEqual(['1.1', '1.2（修）', '1.2b', '1.3']);
  });
});
