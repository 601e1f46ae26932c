/**
 * Only http(s) URLs become links, images or fetches. Everything is resolved
 * with the URL parser first, so `JaVaScRiPt:`, leading whitespace, control
 * characters and entity tricks are judged by the scheme the browser would
 * really use, not by how the string looks.
 */
export function safeUrl(value: string | null | undefined, base: string | URL): URL | undefined {
  if (value == null) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
