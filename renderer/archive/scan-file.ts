/** What "附加纸质签署扫描件" and "核验文件" accept: PDF, PNG and JPEG (the host sniffs the bytes again). */
export const SCAN_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
