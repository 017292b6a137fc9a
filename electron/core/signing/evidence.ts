import type { Signer } from '../../shared/dto';

/** The statement printed on every evidence page and stored in evidence.json. */
export const EVIDENCE_STATEMENT =
  '本承诺书由 Pledge Desk 在签署人本机生成。签名与印章以图像形式呈现，仅凭图像不构成《中华人民共和国电子签名法》所称的“可靠的电子签名”；' +
  '本页记录的内容摘要（SHA-256）与各条款的确认时间可用于核对承诺内容是否被改动、何时被确认。';

/** Appended to the statement of a pledge printed to be signed in ink. */
export const WET_INK_NOTE = '本件为纸质签署用打印件：签名与盖章在纸面完成，签署后的扫描件附加于本记录。';

/**
 * What the evidence page shows and `evidence.json` (embedded in the PDF) holds: enough for a program to tell
 * what was signed, by whom, when each clause was confirmed, and to recompute the content hash.
 */
export interface Evidence {
  schema: 1;
  documentId: string;
  templateId: string;
  templateTitle: string;
  /** Hex SHA-256 of the template version's content. */
  templateVersion: string;
  signer: Signer;
  /** ISO 8601 instants. */
  draftStartedAt: string;
  signedAt: string;
  /** The date written on the pledge, YYYY-MM-DD. */
  date: string;
  clauses: Array<{ key: string; number: string; acknowledgedAt: string | null }>;
  contentHash: string;
  imageSha256s: Record<string, string>;
  appVersion: string;
  statement: string;
}
