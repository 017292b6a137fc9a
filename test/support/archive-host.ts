import { createHost } from '../../electron/host/create-host';
import type { Host, HostPorts } from '../../electron/host/host';
import type { FinalizeResult, Signer } from '../../electron/shared/dto';
import type { FieldValues } from '../../electron/shared/template';
import { seededRandomBytes } from './lcg';
import { makeSignaturePng, pngDataUrl } from './make-png';
import { RESOURCES_DIR } from './paths';
import { type ManualClock, SIGNER, TEMPLATE_ID, VALID_VALUES, manualClock, ok } from './test-host';

/** The signature image every archive test signs with. */
export const SIGNATURES = { 'signature-1': { png: pngDataUrl(makeSignaturePng()) } };

/** A signer with every personal detail filled: what the archive must mask, and erase on request. */
export const PERSONAL_SIGNER: Signer = {
  ...SIGNER,
  idNumber: '110101199003074514',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路 90 号',
};

export interface ArchiveHost {
  host: Host;
  clock: ManualClock;
  /** Print and save calls the fake ports received, and what they answer next. */
  calls: { print: Array<[string, number]>; save: Array<[string, string]> };
  answers: { printed: boolean; path: string | null };
  /** Fills and signs a pledge of the built-in template; an hour passes on the clock first. */
  sign(options?: { signer?: Signer; values?: FieldValues; supersedes?: string }): Promise<FinalizeResult>;
}

/** `createHost` on `dataDir` with fake print and save ports whose answers a test can change. */
export function archiveHost(dataDir: string, seed = 7): ArchiveHost {
  const clock = manualClock();
  const calls: ArchiveHost['calls'] = { print: [], save: [] };
  const answers: ArchiveHost['answers'] = { printed: true, path: '/home/user/pledge.pdf' };
  const ports: HostPorts = {
    printPdf: async (blobId, copies) => {
      calls.print.push([blobId, copies]);
      return answers.printed;
    },
    saveFile: async (name, blobId) => {
      calls.save.push([name, blobId]);
      return answers.path;
    },
  };
  const host = createHost({ dataDir, resourcesDir: RESOURCES_DIR, clock, randomBytes: seededRandomBytes(seed), ports, log: () => undefined });
  return {
    host,
    clock,
    calls,
    answers,
    async sign(options = {}) {
      clock.tick(3_600_000);
      const { id } = ok<{ id: string }>(await host.dispatch('drafts.create', { templateId: TEMPLATE_ID }));
      ok(await host.dispatch('drafts.update', { id, values: options.values ?? VALID_VALUES, signer: options.signer ?? SIGNER }));
      const date = clock().toISOString().slice(0, 10);
      return ok<FinalizeResult>(
        await host.dispatch('signing.finalize', { draftId: id, signatures: SIGNATURES, date, ...(options.supersedes ? { supersedes: options.supersedes } : {}) }),
      );
    },
  };
}
