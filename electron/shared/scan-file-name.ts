const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A file name for a record's n-th scan (counting from 1): `PD-20261128-7K3M9QXA-scan-1.png`. */
export function scanFileName(recordId: string, index: number, contentType: string): string {
  return `${recordId}-scan-${index}.${EXTENSIONS[contentType] ?? 'bin'}`;
}
