export declare function untranslated(
  value: unknown,
  lang: string,
  path?: string,
  found?: {path: string; en: unknown}[],
): {path: string; en: unknown}[];
