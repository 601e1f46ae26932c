#!/usr/bin/env node
// partner-card <command> [options]: the one command (package.json "bin") for every
// tool a site runs; the npm scripts call it too, so there is one path. Each
// command is a module with its HELP and main(args); this file picks it, answers
// --help and --version, and ends with main's exit code: 0 done, 1 a problem in
// the input (each named), 2 a usage error (one line and the usage).
//
// The package ships this file bundled (vite build --mode node → dist/cli.js).
import {installedPackage} from '../../node/publish.mjs';
import * as publish from './publish.mjs';
import * as prerender from './prerender.mjs';
import * as index from './partners.mjs';
import * as checkDeploy from './check-deploy.mjs';
import * as xliffExport from './export-profiles.mjs';
import * as xliffImport from './import-profiles.mjs';
import {runAsCommand} from '../../node/command-line.mjs';
import {own, say} from '../../node/terminal-text.mjs';
import {didYouMean} from '../../shared/closest.js';

/** @typedef {{HELP: string, main: (args: string[]) => number | Promise<number>}} Command */

/** @type {[name: string, command: Command, summary: string][]} */
export const COMMANDS = [
  ['publish', publish, 'write the whole folder a site uploads: modules, profiles, index, builder, preview'],
  ['prerender', prerender, 'write the cards and lists in HTML pages as HTML, shown before any script runs'],
  ['index', index, "check a folder's profiles and write its index.json for <partner-directory>"],
  ['check-deploy', checkDeploy, "check a deployed folder from outside, as partners' pages load it"],
  ['xliff export', xliffExport, "the profiles' texts as one XLIFF 1.2 file for translators"],
  ['xliff import', xliffImport, "a translated XLIFF file's Danish texts back into the profiles"],
];

export const EXIT_CODES = 'Exit codes: 0 done, 1 a problem in the input (each one named), 2 a usage error.';

export const HELP = `Usage: partner-card <command> [options]

Commands:
${COMMANDS.map(([name, , summary]) => `  ${name.padEnd(14)} ${summary}`).join('\n')}

Options:
  --help, -h     this help; \`partner-card <command> --help\` for a command's own
  --version, -v  the version of partner-card

${EXIT_CODES}`;

/** @param {string[]} args @returns {Promise<number>} exit code */
export async function main(args) {
  const [first] = args;
  // `partner-card` alone is a usage error (it does nothing); asking for help is not.
  if (!args.length) {
    say.error('name a command: partner-card <command>');
    own.error(HELP);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    own.log(HELP);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    say.log(installedPackage().version);
    return 0;
  }
  const found = COMMANDS.find(([name]) => {
    const words = name.split(' ');
    return words.every((word, i) => args[i] === word);
  });
  if (!found) {
    const group = COMMANDS.filter(([name]) => name.startsWith(`${first} `));
    // `partner-card xliff --help`: the group's own commands.
    if (group.length && (args[1] === '--help' || args[1] === '-h')) {
      own.log(
        `Usage: partner-card ${first} <command> [options]\n\nCommands:\n${group.map(([name, , summary]) => `  ${name.padEnd(14)} ${summary}`).join('\n')}\n\n${EXIT_CODES}`,
      );
      return 0;
    }
    const names = COMMANDS.map(([name]) => name.split(' ')[0]);
    const what = group.length
      ? `${first} needs one of: ${group.map(([name]) => name).join(', ')}`
      : `unknown command "${first}"${didYouMean(first, new Set(names))}`;
    // What was typed is shown with its control characters escaped.
    say.error(`${what}. Run \`partner-card --help\` for the commands.`);
    return 2;
  }
  const [name, command] = found;
  const rest = args.slice(name.split(' ').length);
  // --help is answered before the command reads its options, wherever it is
  // (not after `--`, where it would be a file's name).
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    own.log(`${command.HELP}\n\n${EXIT_CODES}`);
    return 0;
  }
  return command.main(rest);
}

await runAsCommand(import.meta, main);
