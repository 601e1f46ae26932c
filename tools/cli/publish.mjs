// partner-card publish [<profiles folder>] [--url <address>] [--out <folder>]
//
// Writes the whole folder a site uploads (node/publish.mjs): both modules and
// their pinned copies with release.json, the profiles and logos with the index
// made from them, ready-made embed code, the embed builder, the translator
// preview, the schema and the host's headers files. Works from the installed
// package alone. Defaults come from partner-card.config.json in the folder the
// command runs in; a folder or address given is kept there for next time.
import {relative} from 'node:path';
import {installedPackage, publish, PublishProblem} from '../../node/publish.mjs';
import {partOfCommand, readArgs, usageError} from '../../node/command-line.mjs';
import {CONFIG_NAME, siteSettings} from '../../node/site-config.mjs';
import {say} from '../../node/terminal-text.mjs';

export const HELP = `Usage: partner-card publish [<profiles folder>] --out <folder> [--url <public address>]

Writes the folder your site uploads, whole: both modules and their versioned
copies with release.json, the profiles and logos (each checked) with the index
made from them, the embed builder, the translator preview, the profile schema,
and the headers files for the host (_headers, .htaccess). With --url, also the
ready-made embed code of every partner in every language. The folder is made
beside the old one and swapped in at the end: a failed run changes nothing.

Arguments:
  <profiles folder>  default: "profiles" in partner-card.config.json
Options:
  --out <folder>     the folder to write (replaced whole); default: "out" in partner-card.config.json
  --url <address>    where the folder will be public, e.g. https://project.example/embed/;
                     default: "url" in partner-card.config.json

The folder and address given are kept in partner-card.config.json for the next run.`;
const USAGE = HELP.split('\n')[0];

/** @param {number} bytes */
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  const read = readArgs({args, allowPositionals: true, options: {out: {type: 'string'}, url: {type: 'string'}}}, USAGE);
  if (!read) return 2;
  const {values, positionals} = read;
  if (positionals.length > 1) return usageError(`one profiles folder at a time: "${positionals[1]}" is one argument too many`, USAGE);
  let site;
  try {
    site = siteSettings({profiles: positionals[0], url: values.url, out: values.out}, process.cwd());
  } catch (error) {
    return usageError(/** @type {Error} */ (error).message.split('\n')[0], USAGE);
  }
  // The demo's sample is the checkout's build's to publish (npm run build), never this command's default.
  if (site.demo) return usageError('name the folder of profiles (or keep it as "profiles" in partner-card.config.json)', USAGE);
  if (!site.out) return usageError('--out: name the folder to write (or keep it as "out" in partner-card.config.json)', USAGE);
  const started = performance.now();
  let summary;
  try {
    const {from, version} = installedPackage();
    summary = await publish({
      profiles: site.profiles,
      out: site.out,
      url: site.url,
      from,
      version,
      onStep: (name, seconds) => {
        say.log(`✓ ${name}: ${seconds.toFixed(2)} s`);
      },
    });
  } catch (error) {
    if (!(error instanceof PublishProblem)) throw error;
    for (const line of error.message.split('\n')) say.error(line.startsWith('Nothing') ? line : `error: ${line}`);
    if (!error.message.includes('Nothing was published')) say.error(`Nothing was published: ${site.out} is as it was.`);
    return 1;
  }
  for (const warning of summary.warnings) say.warn(`warning: ${warning}`);
  const where = relative('.', site.out) || site.out;
  say.log(
    `Published ${where}/ in ${((performance.now() - started) / 1000).toFixed(1)} s: ${summary.partners} partner(s) in ${summary.languages.join(' and ')}, ` +
      `${summary.untranslated} text(s) not yet translated (shown in English), ${summary.files} files, ${kilobytes(summary.bytes)}` +
      (summary.snippets
        ? `, ${summary.snippets} ready-made embed code file(s) for ${site.url}.`
        : '. Give --url <public address> for the ready-made embed code per partner.'),
  );
  const saved = site.keep();
  if (saved) say.log(`Kept in ${CONFIG_NAME} for the next run: ${saved}.`);
  say.log(`Upload ${where}/ as it is, then check it: partner-card check-deploy${site.url ? ` ${site.url}` : ' <its address>'}`);
  return 0;
}

partOfCommand(import.meta, 'publish.mjs', 'publish');
