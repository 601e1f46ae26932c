// What a release pins, computed from the built files in dist/: each module's
// versioned copy (`<name>-<version>.js`, which never changes meaning) and its
// integrity, and the CSP hashes of the prerendered styles. The builder's
// bundle (vite.config.ts) carries it and node/publish.mjs writes it, both
// from this one function, so they cannot disagree.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * `<name>-<version>.js` and its map: the same code as `<name>.js`, pointing at
 * its own source map, since a later build's map must not be read against it.
 * @param {string} dist
 * @param {string} name
 * @param {string} version
 */
function versionedCopy(dist, name, version) {
  const file = `${name}-${version}.js`;
  const code = readFileSync(join(dist, `${name}.js`), 'utf8').replace(
    new RegExp(`//# sourceMappingURL=${name}\\.js\\.map\\s*$`),
    `//# sourceMappingURL=${file}.map\n`,
  );
  const map = JSON.stringify({...JSON.parse(readFileSync(join(dist, `${name}.js.map`), 'utf8')), file});
  return {file, code, map, integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`};
}

/**
 * The release of the modules built into `dist`: the card's as `module` and
 * `integrity`, the directory's under `directory`, and the style hashes; with
 * the versioned copies it pins (`copies`), for the build to write.
 * @param {string} dist
 * @param {string} version
 */
export async function releaseOf(dist, version) {
  /** @type {typeof import('./prerender.js')} */
  const {STYLE_HASH, DIRECTORY_STYLE_HASH} = await import(pathToFileURL(join(dist, 'prerender.js')).href);
  const card = versionedCopy(dist, 'partner-card', version);
  const directory = versionedCopy(dist, 'partner-directory', version);
  return {
    release: {
      version,
      module: card.file,
      integrity: card.integrity,
      directory: {module: directory.file, integrity: directory.integrity},
      styleHashes: {card: STYLE_HASH, directory: DIRECTORY_STYLE_HASH},
    },
    copies: [card, directory],
  };
}
