/**
 * One rule for every link an author gives the card (`href`, `back-href`, the
 * prerenderer's `base` and `--base`, the embed builder's fields): it must take
 * readers where it looks like it goes. The URL parser forgives a lot that
 * changes the host: `/\evil.example` and `\\evil.example` are read as
 * `//evil.example`, tabs and line breaks are dropped (`/<TAB>/evil.example`),
 * and `user@host` hides the host behind a name. Such links are refused, as are
 * `<`, `>` and `"`, which have no place in a written address.
 */

/** What the builder and the command line say about a refused link (the builder's Danish is in locales/pages.da.xlf). */
export const LINK_RULE =
  'Give a web address that starts with https:// or http://, or a path on your site such as /partners/. Links with \\, <, >, ", a user name, or a tab or line break are refused: browsers may take them to another site.';

/** Stands in for the page's own origin while a path is resolved. */
const HERE = 'https://page.partner-card.invalid/';

/**
 * Whether `value` breaks the rule: true when it is not an http(s) link, or a
 * browser could take it elsewhere than it says (controls, tab and line breaks
 * among them, DEL, `\`, `<`, `>`, `"`, a user name, `//host` without a
 * scheme); false for an empty value (no link).
 */
export function linkRefused(value: string): boolean {
  const link = value.trim();
  if (!link) return false;
  try {
    const url = new URL(link, HERE);
    return (
      /[\0-\x1f\x7f\\<>"]/.test(link) ||
      !!(url.username || url.password) ||
      !/^https?:$/.test(url.protocol) ||
      // With a scheme, the host follows "//" plainly; without one, the link stays on the page's site.
      (/^[a-z][\w+.-]*:/i.test(link) ? !/^https?:\/\/[^/]/i.test(link) : url.origin !== HERE.slice(0, -1))
    );
  } catch {
    return true;
  }
}

/** Whether `value` is a folder address the prerenderer can write into pages: an absolute http(s) URL or a path from the site root. */
export const isFolderAddress = (value: string) => !linkRefused(value) && /^(?:https?:\/\/|\/(?!\/))/i.test(value.trim());
