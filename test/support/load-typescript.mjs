// Node tests that call the browser's TypeScript (the card's profile
// validation) load it bundled by Vite, the project's one bundler, in memory.
import {build} from 'vite';

/**
 * The module at `file` (a path), bundled with its imports, as Node imports it.
 * @param {string} file
 * @returns {Promise<any>}
 */
export async function loadTypeScript(file) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {write: false, minify: false, lib: {entry: file, formats: ['es'], fileName: 'module'}},
  });
  const output = /** @type {import('vite').Rolldown.RolldownOutput} */ (Array.isArray(result) ? result[0] : result).output[0];
  return import(`data:text/javascript;base64,${Buffer.from(output.code).toString('base64')}`);
}
