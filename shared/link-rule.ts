/**
 * One rule for every link an author gives the card (`href`, `back-href`, the
 * prerenderer's `base` and `--base`, the embed builder's fields): it must take
 * readers where it looks like it goes. The URL parser forgives a lot that
 * changes the host: `/\evil.example` and `\\evil.example` are read as
 * `//evil.example`, tabs and line breaks are dropped (`/<TAB>/evil.example`),
 * and `user@host` hides the host behind a name; characters the parser maps into
 * the host (a fraction slash, a full-width solidus) make it another host than
 * the text shows. Such links are refused, as are `<`, `>` and `"`, which have
 * no place in a written address.
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
    const host = /^\w+:\/\/([^/?#]*)/.exec(link)?.[1] ?? '';
    return (
      /[\0-\x1f\x7f\\<>"]/.test(link) ||
      !!(url.username || url.password) ||
      !/^https?:$/.test(url.protocol) ||
      // With a scheme, the host follows "//" plainly, written in letters, digits, dots, hyphens and a port:
      // a fraction or division slash, a full-width solidus or full stop is mapped into the host by the parser
      // (regionsyddanmark.dk⁄partnere/ goes to a host regionsyddanmark.xn--dkpartnere-…), so the text would
      // show one site and lead to another. Without a scheme, the link stays on the page's site.
      // A host in ASCII must be the one reached as written (not 8080 read as the address 0.0.31.144).
      (/^[a-z][\w+.-]*:/i.test(link)
        ? !/^[\p{L}\p{N}\p{M}.:[\]-]+$/u.test(host) || (/^[\0-\x7f]+$/.test(host) && url.host !== host.toLowerCase())
        : url.origin !== HERE.slice(0, -1))
    );
  } catch {
    return true;
  }
}

/** Whether `value` is a folder address the prerenderer can write into pages: an absolute http(s) URL or a path from the site root. */
export const isFolderAddress = (value: string) => !linkRefused(value) && /^(?:https?:\/\/|\/(?!\/))/i.test(value.trim());
