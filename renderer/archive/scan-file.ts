/** What "附加纸质签署扫描件" and "核验文件" accept: PDF, PNG and JPEG (the host sniffs the bytes again). */
export const SCAN_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A download name for a record's n-th scan: `PD-20261128-7K3M9QXA-scan-1.png`. */
export function scanFileName(recordId: string, index: number, contentType: string): string {
  return `${recordId}-scan-${index}.${EXTENSIONS[contentType] ?? 'bin'}`;
}
