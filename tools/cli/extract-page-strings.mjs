// npm run i18n:extract (after lit-localize's own extraction): the pages' English
// into locales/pages.<lang>.xlf for every target language, new strings without
// a target, every translation kept, one whose English changed marked for review.
import {existsSync, readFileSync} from 'node:fs';
import {relative} from 'node:path';
import {englishStrings, pagesXliff, writePagesXliff} from '../../node/page-strings.mjs';
import {readPagesXliff} from '../../shared/xliff.mjs';
import {writeAllOrNone} from '../../node/safe-files.mjs';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';
import {say} from '../../node/terminal-text.mjs';

const USAGE = 'Usage: npm run i18n:extract';

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  if (!readArgs({args}, USAGE)) return 2;
  const {targetLocales} = /** @type {{targetLocales: string[]}} */ (JSON.parse(readFileSync('lit-localize.json', 'utf8')));
  const english = await englishStrings();
  for (const lang of targetLocales) {
    const file = pagesXliff(lang);
    const read = existsSync(file) ? readPagesXliff(readFileSync(file, 'utf8')) : {pages: {}};
    if ('error' in read) {
      say.error(`error: ${file}: ${read.error}. Fix the file first; nothing was written.`);
      return 1;
    }
    writeAllOrNone([[file, writePagesXliff(english, read.pages, lang)]]);
    const units = Object.values(english).reduce((n, strings) => n + Object.keys(strings).length, 0);
    say.log(`${relative(process.cwd(), file)}: ${units} page strings, every translation kept.`);
  }
  return 0;
}

await runAsCommand(import.meta, main);
