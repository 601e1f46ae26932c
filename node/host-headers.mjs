// The headers a host must send for the published folder (README "Hosting the
// card"), as the files `publish` writes into it: `_headers` (Netlify,
// Cloudflare Pages and other static hosts) and `.htaccess` (Apache). README
// shows the same text; a test holds the two together, and the tests serve the
// folder through a host that applies `_headers` and through a real Apache.

/**
 * `_headers` for the folder published at `path` (`/embed/`). No two rules set
 * the same header for one file: some hosts join such values with a comma.
 * @param {string} path the folder's path on the site, with slashes at both ends
 */
export function headersFile(path) {
  const at = path.replace(/^\/?/, '/').replace(/\/?$/, '/');
  return `# _headers (Netlify, Cloudflare Pages and other static hosts) for the folder published as ${at}
${at}*
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
${at}partner-card.js
  Cache-Control: public, max-age=300, must-revalidate
${at}partner-directory.js
  Cache-Control: public, max-age=300, must-revalidate
${at}partner-card-*
  Cache-Control: public, max-age=31536000, immutable
${at}partner-directory-*
  Cache-Control: public, max-age=31536000, immutable
${at}partners/*
  Cache-Control: public, max-age=300, must-revalidate
`;
}

/** `.htaccess` in the published folder (Apache with mod_headers and mod_mime). */
export const HTACCESS = `# Apache: .htaccess in the published folder (mod_headers and mod_mime on).
AddType text/javascript .js
AddType application/json .json .map
Header set Access-Control-Allow-Origin "*"
Header set X-Content-Type-Options "nosniff"
Header set Cache-Control "public, max-age=300, must-revalidate"
<FilesMatch "^partner-(card|directory)-.+">
    Header set Cache-Control "public, max-age=31536000, immutable"
</FilesMatch>
`;
