// Ready-made embed code for every partner, written by the build into
// `partners/<id>.<lang>.html` when it knows the public address of the
// deployed folder (`npm run build -- --url https://project.example/embed/`):
// the pinned module and the full card prerendered, with its JSON-LD, exactly
// what the embed builder gives for its default choices. For a CMS that can
// include a file from the project site, or a coordinator who mails the code.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/**
 * @param {string} dist the folder to publish (with partners/ and release.json); cards are drawn by this checkout's dist/prerender.js
 * @param {string} url where that folder will be public, e.g. https://project.example/embed/
 * @returns {Promise<string[]>} the files written, relative to dist
 */
export async function writeSnippets(dist, url) {
  const folder = new URL(url.replace(/\/?$/, '/'));
  if (!/^https?:$/.test(folder.protocol)) throw new Error(`--url ${url} is not an http(s) address`);
  const release = JSON.parse(readFileSync(join(dist, 'release.json'), 'utf8'));
  /** @type {typeof import('../../node/prerender.js')} */
  const {renderCard} = await import(new URL('../../dist/prerender.js', import.meta.url).href);
  const moduleUrl = new URL(release.module, folder).href;
  const base = new URL('partners/', folder).href;
  /** @type {string[]} */
  const written = [];
  const ids = JSON.parse(readFileSync(join(dist, 'partners/index.json'), 'utf8')).partners.map((/** @type {{id: string}} */ p) => p.id);
  for (const id of ids) {
    const profile = JSON.parse(readFileSync(join(dist, 'partners', `${id}.json`), 'utf8'));
    for (const lang of ['en', 'da']) {
      const {html} = renderCard({profile, partner: id, base, lang});
      const code =
        `<script type="module" src="${moduleUrl}" integrity="${release.integrity}" crossorigin="anonymous"></script>\n` +
        `<partner-card partner="${id}" lang="${lang}">${html}</partner-card>\n`;
      writeFileSync(join(dist, 'partners', `${id}.${lang}.html`), code);
      written.push(`partners/${id}.${lang}.html`);
    }
  }
  return written;
}
