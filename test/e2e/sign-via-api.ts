import type { Page } from '@playwright/test';
import type { FinalizeResult, Signer } from '../../electron/shared/dto';
import type { FieldValues } from '../../electron/shared/template';
import { makeSignaturePng, pngDataUrl } from '../support/make-png';
import { api, residentId } from './api';
import { sampleValue } from './pages/WizardPage';

/** A company signer with every personal detail: what the archive masks, reveals on request and erases. */
export const COMPANY_SIGNER: Signer = {
  type: '企业',
  name: '张伟',
  organisation: '杭州青禾网络科技有限公司',
  idNumber: residentId('11010119900307451'),
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路 90 号',
};

/** An individual with a two-character name (the search's short-query path). */
export const PERSON_SIGNER: Signer = { type: '个人', name: '王芳' };

export interface Signed extends FinalizeResult {
  title: string;
}

/**
 * Fills and signs a pledge through the API, as the wizard would: every blank with a plausible value, every
 * choice with its first option, each signature with a drawn stroke. Returns the archive record's id and hashes.
 */
export async function signViaApi(page: Page, origin: string, templateId: string, signer: Signer, date = '2026-11-28'): Promise<Signed> {
  const template = await api(page, origin, 'templates.get', { id: templateId });
  const values: FieldValues = {};
  const signatures: Record<string, { png: string }> = {};
  const png = pngDataUrl(makeSignaturePng());
  for (const field of template.fields) {
    if (field.kind === 'choice') values[field.id] = { option: field.options?.[0] ?? '' };
    else if (field.kind === 'blank') values[field.id] = sampleValue(field.valueType ?? 'text', field.unit ?? '');
    else if (field.kind === 'signature') signatures[field.id] = { png };
  }
  const { id } = await api(page, origin, 'drafts.create', { templateId });
  await api(page, origin, 'drafts.update', { id, values, signer });
  const signed = await api(page, origin, 'signing.finalize', { draftId: id, signatures, date });
  return { ...signed, title: template.title };
}
