// How every command reads its arguments and ends: arguments through
// node:util's parseArgs (an unknown option or a missing value is one line and
// the usage), and the exit code as main()'s answer, never process.exit(), so
// that output is flushed and a test can call main() itself.
import {parseArgs} from 'node:util';
import {pathToFileURL} from 'node:url';

/**
 * The parsed arguments (strict, as parseArgs is by default: an unknown option is an error), or undefined
 * after printing what is wrong and `usage`.
 * @template {import('node:util').ParseArgsConfig} T
 * @param {T} config (with `args`)
 * @param {string} usage
 * @returns {ReturnType<typeof parseArgs<T>> | undefined}
 */
export function readArgs(config, usage) {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n${usage}`);
    return undefined;
  }
}

/**
 * Runs `main` with the command line when `meta` is the module node was asked
 * to run; its answer is the exit code.
 * @param {ImportMeta} meta
 * @param {(args: string[]) => number | Promise<number>} main
 */
export async function runAsCommand(meta, main) {
  if (meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  process.exitCode = await main(process.argv.slice(2));
}
