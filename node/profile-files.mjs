// The profiles of a folder as the maintainers' scripts read them: every
// `<id>.json` but index.json and dotfiles, in id order, each with its text,
// parsed, and checked against the schema in plain words. A symbolic link is
// refused, not followed.
import {lstatSync, readFileSync, readdirSync} from 'node:fs';
import {basename, dirname, join, relative, resolve} from 'node:path';
import {checkProfile, parseProfile} from '../shared/profile-check.mjs';
import schemaJson from '../src/profile.schema.json' with {type: 'json'};

/** The published schema, read as the checker's schema type (JSON's strings are not its literal types). */
const schema = /** @type {import('../shared/profile-check.mjs').SchemaNode} */ (/** @type {unknown} */ (schemaJson));

/** @param {string} name */
export const isProfileFile = (name) => name.endsWith('.json') && name !== 'index.json' && !name.startsWith('.');

/**
 * @param {string} folder
 * @returns {{files: {file: string, where: string, text: string, profile: any}[], errors: string[]}}
 */
export function readProfiles(folder) {
  /** @type {string[]} */
  const errors = [];
  /** @type {{file: string, where: string, text: string, profile: any}[]} */
  const files = [];
  for (const name of readdirSync(folder).filter(isProfileFile).sort()) {
    const file = join(folder, name);
    const where = relative('.', file);
    // A link may lead out of the folder, and the tools that write profiles would write through it.
    if (lstatSync(file).isSymbolicLink()) {
      errors.push(`${where}: is a symbolic link: links are not followed; put the profile itself in the folder`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const problems = profileProblems(text, name);
    if (problems.length) errors.push(...problems.map((p) => `${where}${p}`));
    else files.push({file, where, text, profile: JSON.parse(text)});
  }
  return {files, errors};
}

/**
 * What is wrong with a profile file's text, each as `: $.path message` or
 * `:line:column: message`; empty when it is a valid profile named `name`.
 * @param {string} text @param {string} name
 */
export function profileProblems(text, name) {
  const parsed = parseProfile(text);
  if (parsed.error) return [`:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`];
  const problems = checkProfile(parsed.value, schema).map((p) => `: ${p.path} ${p.message}`);
  const expected = name.replace(/\.json$/, '');
  if (parsed.value && typeof parsed.value === 'object' && parsed.value.id !== expected) {
    problems.push(`: $.id is ${JSON.stringify(parsed.value.id)}, but the file is called ${name}: they must match.`);
  }
  return problems;
}

/**
 * Why `out` may not be written: it is one of the `folders` read, or a profile
 * (`<id>.json`) in one of them, which the run would replace. Undefined when it may.
 * @param {string} out @param {string[]} folders
 */
export function outOverInput(out, folders) {
  const target = resolve(out);
  for (const folder of folders) {
    if (target === resolve(folder)) return `--out ${out} is the profiles folder itself: name a file elsewhere`;
    if (dirname(target) === resolve(folder) && isProfileFile(basename(target)))
      return `--out ${out} would replace a profile in ${folder} (every <id>.json there is one): name a file elsewhere`;
  }
  return undefined;
}
