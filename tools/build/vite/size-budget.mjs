import {readFileSync} from 'node:fs';
import {brotliCompressSync, gzipSync} from 'node:zlib';

/**
 * Each module's gzip ceiling, above which the build fails (vite.config.ts);
 * the bench prints them beside the sizes. The card's is what every partner
 * page loads (goal 12 KB); the directory's defines the card too.
 */
export const CEILINGS = {card: 13 * 1024, directory: 17.5 * 1024};

/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/**
 * Bytes of a built file as it is, gzipped (level 9) and brotli-compressed:
 * what the build's budget and the bench's size rows weigh.
 * @param {Uint8Array} code
 */
export const sizesOf = (code) => ({min: code.length, gzip: gzipSync(code, {level: 9}).length, brotli: brotliCompressSync(code).length});

/**
 * Min, gzip and brotli sizes of a built file, and the problem when its gzip
 * size is over `budget`: size is a feature for a script every partner page loads.
 * @param {string} name
 * @param {Uint8Array} code
 * @param {number} budget gzip bytes
 */
export function weigh(name, code, budget) {
  const {gzip, brotli} = sizesOf(code);
  return {
    line: `${name}: min ${kb(code.length)} | gzip ${kb(gzip)} | brotli ${kb(brotli)} (budget: ${kb(budget)} gzip)`,
    problem: gzip > budget ? `${name} is ${kb(gzip)} gzipped, over the ${kb(budget)} budget` : undefined,
  };
}

/**
 * Prints the sizes of each built chunk and fails the build above the budget.
 * @param {number} budget gzip bytes
 * @returns {import('vite').Plugin}
 */
export function sizeBudget(budget) {
  return {
    name: 'partner-card:size-budget',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const {line, problem} = weigh(file.fileName, readFileSync(`${options.dir}/${file.fileName}`), budget);
        console.log(`\n${line}`);
        if (problem) this.error(problem);
      }
    },
  };
}
