// What the benchmark's page (written by bench.mjs) and Chromium add to the
// page's globals, for type-checking the functions bench.mjs runs in the page.
export {};

declare global {
  /** Shows a <partner-directory> for `base` on the bench page and resolves with it when it has drawn its list. */
  function showDirectory(base: string, href?: string): Promise<import('../../src/partner-directory.js').PartnerDirectory>;
  interface Window {
    /** Cumulative layout shift, summed by an observer the benchmark installs. */
    __cls: number;
  }
  interface Performance {
    /** Chromium only. */
    memory: {usedJSHeapSize: number};
  }
  interface PerformanceEntry {
    /** Layout-shift entries. */
    hadRecentInput?: boolean;
    value?: number;
  }
}
