// Pages of older partner sites, in single-byte encodings, prerendered by the
// real command into test/generated/encodings/: the encodings browser test
// (test/encodings.test.ts) holds them to the three engines, served with no
// charset in Content-Type, so each page's own <meta charset> decides, as on
// the sites that still use them. Written afresh each run (it takes no time).
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {decode} from 'whatwg-encoding';

const root = new URL('../../', import.meta.url).pathname;
export const ENCODED = join(root, 'test/generated/encodings');

/** Each page's own text, outside the card: characters of its encoding only. */
export const PAGES = {
  'windows-1252': 'København og Århus: prisen er 10 € – “gratis” for børn',
  'ISO-8859-2': 'Łódź, Košice és Győr: žluťoučký kůň',
};

/**
 * `text` in `encoding`: each character as the byte the standard's decoder reads
 * as it (the Encoding Standard's table as whatwg-encoding decodes it, read back), so the page is what a
 * site in that encoding serves.
 * @param {string} encoding @param {string} text
 */
function encode(encoding, text) {
  const table = decode(
    Uint8Array.from({length: 256}, (_, i) => i),
    encoding,
  );
  return Uint8Array.from(
    // Characters, not code units: every one of these pages' characters is in the BMP.
    Array.from(text, (c) => {
      const byte = table.indexOf(c);
      if (byte < 0) throw new Error(`${c} is not in ${encoding}`);
      return byte;
    }),
  );
}

export function writeEncodedPages() {
  rmSync(ENCODED, {recursive: true, force: true});
  mkdirSync(ENCODED, {recursive: true});
  for (const [encoding, text] of Object.entries(PAGES)) {
    const page = `<!doctype html><html lang="da"><head><meta charset="${encoding}"><title>${text}</title></head><body><p id="own">${text}</p>\n<partner-card partner="odense-lab" lang="da"></partner-card>\n<partner-card partner="odense-lab" lang="en" variant="compact"></partner-card>\n</body></html>\n`;
    writeFileSync(join(ENCODED, `${encoding}.html`), encode(encoding, page));
  }
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'tools/cli/partner-card.mjs'),
      'prerender',
      ENCODED,
      '--profiles',
      join(root, 'test/fixtures/encodings'),
      '--base',
      '/test/fixtures/encodings/',
    ],
    {encoding: 'utf8'},
  );
  if (run.status !== 0) throw new Error(`prerendering the encoded pages failed:\n${run.stdout}${run.stderr}`);
}
