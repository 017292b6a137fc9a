import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, METHODS, methodSchemas } from '../../../electron/shared/api';
import { ERROR_CODES, isErrorCode } from '../../../electron/shared/api-error';
import { CHANNEL_PREFIX, METHOD_NAMES, isMethodName } from '../../../electron/shared/method-names';

const parses = (method: keyof typeof METHODS, input: unknown): boolean => METHODS[method].safeParse(input).success;

describe('the contract table', () => {
  it('has exactly one validator per method name, in the same order', () => {
    expect(Object.keys(METHODS)).toEqual([...METHOD_NAMES]);
  });

  it('names methods area.verb (lowerCamelCase verbs: archive.verifyAll) and channels pledge:<method>', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z]+(?:[A-Z][a-z]+)*$/);
    expect(CHANNEL_PREFIX).toBe('pledge:');
  });

  it('recognises method names and error codes only from its lists', () => {
    expect(isMethodName('drafts.update')).toBe(true);
    expect(isMethodName('drafts.delete')).toBe(true);
    expect(isMethodName('drafts.purge')).toBe(false);
    expect(isMethodName('Drafts.update')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName(undefined)).toBe(false);
    expect(isErrorCode('DB_NEWER_VERSION')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('publishes a JSON Schema per method; signing.finalize requires draftId, signatures and date', () => {
    const schemas = methodSchemas() as Record<string, { type?: string; required?: string[]; additionalProperties?: unknown }>;
    expect(Object.keys(schemas).sort()).toEqual([...METHOD_NAMES].sort());
    expect(schemas['signing.finalize']?.required?.sort()).toEqual(['date', 'draftId', 'signatures']);
    expect(schemas['drafts.get']?.required).toEqual(['id']);
    expect(schemas['drafts.get']?.additionalProperties).toBe(false);
  });
});

describe('input validators', () => {
  it('are strict: an extra key is refused', () => {
    expect(parses('templates.list', {})).toBe(true);
    expect(parses('templates.list', { all: true })).toBe(false);
    expect(parses('drafts.get', { id: 'd_1', extra: 1 })).toBe(false);
  });

  it('bound ids to 1–128 characters', () => {
    expect(parses('drafts.get', { id: '' })).toBe(false);
    expect(parses('drafts.get', { id: 'x'.repeat(128) })).toBe(true);
    expect(parses('drafts.get', { id: 'x'.repeat(129) })).toBe(false);
    expect(parses('drafts.get', { id: 42 })).toBe(false);
  });

  it('accept draft values as strings or {option, other?} and refuse other shapes', () => {
    expect(parses('drafts.update', { id: 'd', values: { a: '1', b: { option: '其他', other: 'x' } } })).toBe(true);
    expect(parses('drafts.update', { id: 'd', values: { a: 1 } })).toBe(false);
    expect(parses('drafts.update', { id: 'd', values: { a: null } })).toBe(false);
    expect(parses('drafts.update', { id: 'd', values: { a: 'x'.repeat(2001) } })).toBe(false);
    expect(parses('drafts.update', { id: 'd', values: { a: { option: 'x', extra: 1 } } })).toBe(true);
  });

  it('check the signer type against 企业/个人/其他', () => {
    expect(parses('drafts.update', { id: 'd', signer: { type: '个人', name: '张三' } })).toBe(true);
    expect(parses('drafts.update', { id: 'd', signer: { type: '公司', name: '张三' } })).toBe(false);
    expect(parses('drafts.update', { id: 'd', signer: { type: '个人' } })).toBe(false);
  });

  it('require a YYYY-MM-DD date and PNG/JPEG data URLs for signing', () => {
    const png = { png: 'data:image/png;base64,iVBORw0KGgo=' };
    expect(parses('signing.finalize', { draftId: 'd', signatures: { 'signature-1': png }, date: '2026-11-28' })).toBe(true);
    expect(parses('signing.finalize', { draftId: 'd', signatures: {}, date: '2026/11/28' })).toBe(false);
    expect(parses('signing.finalize', { draftId: 'd', signatures: {}, date: '2026-11-28T00:00:00Z' })).toBe(false);
    expect(parses('signing.finalize', { draftId: 'd', signatures: { s: { png: 'data:text/plain;base64,aGk=' } }, date: '2026-11-28' })).toBe(false);
    expect(parses('signing.finalize', { draftId: 'd', signatures: { s: { png: 'data:image/svg+xml;base64,aGk=' } }, date: '2026-11-28' })).toBe(false);
    expect(parses('signing.finalize', { draftId: 'd', signatures: { s: { png: 'https://example.com/a.png' } }, date: '2026-11-28' })).toBe(false);
  });

  it('refuse an image data URL above the 2 MB limit', () => {
    const limitChars = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64;
    const prefix = 'data:image/png;base64,';
    const atLimit = prefix + 'A'.repeat(limitChars - prefix.length);
    const over = `${atLimit}A`;
    expect(parses('signing.finalize', { draftId: 'd', signatures: { s: { png: atLimit } }, date: '2026-11-28' })).toBe(true);
    expect(parses('signing.finalize', { draftId: 'd', signatures: { s: { png: over } }, date: '2026-11-28' })).toBe(false);
  });
});
