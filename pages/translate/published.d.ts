/**
 * Defined by the bundler in the published translator preview (vite.config.ts,
 * mode preview): the page's Danish, read from locales/pages.da.xlf as it was
 * bundled. Not defined in a checkout, where the page reads the XLIFF itself.
 */
declare const PREVIEW_DANISH: Partial<Record<string, string>> | undefined;
