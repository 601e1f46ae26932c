// How every command reads its arguments and ends: arguments through
// node:util's parseArgs (an unknown option or a missing value is one line and
// the usage), and the exit code as main()'s answer, never process.exit(), so
// that output is flushed and a test can call main() itself.
import {parseArgs} from 'node:util';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {basename} from 'node:path';
import {realpathSync} from 'node:fs';
import {didYouMean} from '../shared/closest.js';
import {say} from './terminal-text.mjs';

/**
 * A usage error: one line saying what is wrong (what was typed shown with its
 * control characters escaped), then the usage. Answers the exit code, 2.
 * @param {string} problem @param {string} usage @returns {2}
 */
export function usageError(problem, usage) {
  say.error(problem);
  say.error(usage);
  return 2;
}

/**
 * What parseArgs said, in the words of the other usage errors; an unknown
 * option gets the closest known one.
 * @param {Error & {code?: string}} error @param {import('node:util').ParseArgsConfig} config
 */
export function argumentProblem(error, config) {
  const unknown = /^Unknown option '([^']*)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const known = Object.keys(config.options ?? {}).map((name) => `--${name}`);
    return `unknown option ${unknown[1]}${didYouMean(unknown[1], known, (name) => name)}`;
  }
  const missing = /^Option '(?:-\w, )?(--?[\w-]+) <value>' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value`;
  const extra = /^Unexpected argument '([^']*)'/.exec(error.message);
  if (extra) return `unexpected argument "${extra[1]}"`;
  return error.message;
}

/**
 * The parsed arguments (strict, as parseArgs is by default: an unknown option is an error), or undefined
 * after printing what is wrong (one line) and `usage`.
 * @template {import('node:util').ParseArgsConfig} T
 * @param {T} config (with `args`)
 * @param {string} usage
 * @returns {ReturnType<typeof parseArgs<T>> | undefined}
 */
export function readArgs(config, usage) {
  try {
    return parseArgs(config);
  } catch (error) {
    usageError(argumentProblem(/** @type {Error} */ (error), config), usage);
    return undefined;
  }
}

/**
 * Runs `main` with the command line when `meta` is the module node was asked
 * to run; its answer is the exit code. npm starts a package's command through a
 * link (node_modules/.bin/partner-card), and Node names the module by its real
 * path, so the two are compared as real paths.
 * @param {ImportMeta} meta
 * @param {(args: string[]) => number | Promise<number>} main
 */
export async function runAsCommand(meta, main) {
  const started = startedFile();
  if (!started || meta.url !== pathToFileURL(started).href) return;
  process.exitCode = await main(process.argv.slice(2));
}

/** The real path of the script node was asked to run; undefined for `node -e`, or a script that is gone. */
function startedFile() {
  try {
    return realpathSync(process.argv[1] ?? '');
  } catch {
    return undefined;
  }
}

/**
 * For a module of the partner-card command (tools/cli/partners.mjs…): started
 * on its own, it would load, do nothing and answer 0, so a script that still
 * runs it would go on as if it had; instead it says how to run it, with exit
 * code 2. `file` is the module's own name: bundled into dist/cli.js, every
 * module's URL is the bundle's, which never has that name.
 * @param {ImportMeta} meta @param {string} file @param {string} command
 */
export function partOfCommand(meta, file, command) {
  const own = fileURLToPath(meta.url);
  if (startedFile() !== own || basename(own) !== file) return;
  say.error(
    `${file} is part of the partner-card command: run \`partner-card ${command}\` (in this checkout: node tools/cli/partner-card.mjs ${command}).`,
  );
  process.exitCode = 2;
}
