import type { MethodInput } from '../../electron/shared/api';
import { t } from '../i18n/t';
import type { SignProblem } from './precheck';
import { SIGN_STEP } from './steps';

export type DateFormat = 'zh' | 'iso';

/** The optional digital signature: a .p12 in the blob store (uploaded or generated here) and its passphrase. */
export interface DigitalChoice {
  enabled: boolean;
  p12BlobId: string | null;
  /** What the identity is, for the screen: a file name or "generated". */
  source: string | null;
  passphrase: string;
}

/** Everything the sign step adds to `signing.finalize` besides the signatures and the date. */
export interface SignOptions {
  seal: string | null;
  dateFormat: DateFormat;
  digital: DigitalChoice;
}

export const DEFAULT_SIGN_OPTIONS: SignOptions = {
  seal: null,
  dateFormat: 'zh',
  digital: { enabled: false, p12BlobId: null, source: null, passphrase: '' },
};

/** The date line as the PDF will print it: 2026年11月28日 or 2026-11-28 (no leading zeros in the Chinese form). */
export function formatSigningDate(iso: string, format: DateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  if (format === 'iso') return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The `signing.finalize` input; a wet-ink copy carries no signature images and no seal. */
export function finalizeRequest(
  draftId: string,
  signatures: Readonly<Record<string, string | null>>,
  date: string,
  options: SignOptions,
  wetInk: boolean,
): MethodInput<'signing.finalize'> {
  const input: MethodInput<'signing.finalize'> = { draftId, signatures: {}, date, dateFormat: options.dateFormat };
  if (wetInk) input.wetInk = true;
  else {
    for (const [fieldId, png] of Object.entries(signatures)) if (png) input.signatures[fieldId] = { png };
    if (options.seal) input.seal = { png: options.seal };
  }
  const d = options.digital;
  if (d.enabled && d.p12BlobId) input.digitalSignature = { p12BlobId: d.p12BlobId, passphrase: d.passphrase };
  return input;
}

/** What blocks signing in the options: a digital signature switched on without its certificate or passphrase. */
export function optionProblems(options: SignOptions): SignProblem[] {
  const d = options.digital;
  if (!d.enabled) return [];
  const out: SignProblem[] = [];
  if (!d.p12BlobId) out.push({ message: t.sign.digital.missingIdentity, step: SIGN_STEP });
  if (d.passphrase === '') out.push({ message: t.sign.digital.missingPassphrase, step: SIGN_STEP });
  return out;
}

/** Shortest passphrase accepted for a generated identity. */
export const MIN_PASSPHRASE = 6;

/** Why a new identity's passphrase (typed twice) is not acceptable, or null. */
export function newPassphraseProblem(first: string, second: string): string | null {
  if (first.length < MIN_PASSPHRASE) return t.sign.digital.passphraseShort(MIN_PASSPHRASE);
  if (first !== second) return t.sign.digital.passphraseMismatch;
  return null;
}
