// partner-card/eleventy: an Eleventy plugin that prerenders every
// <partner-card> and <partner-directory> in the HTML Eleventy writes, as
// `partner-card prerender` does after a build, with the same reader, the same
// output and the same errors. A problem (unknown partner, invalid profile,
// unclosed tag, a symbolic link, no base) fails the build, named by the
// template the user wrote and the line there.
//
// With `publish`, it also publishes the folder partners' pages load (modules,
// profiles, index, embed builder, translator preview: `partner-card publish`)
// into Eleventy's output at that path, after each build.
//
//   import partnerCard from 'partner-card/eleventy';
//   export default (eleventyConfig) =>
//     eleventyConfig.addPlugin(partnerCard, {profiles: 'partners', publish: '/embed/'});
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {baseProblem, prerenderHTML} from 'partner-card/prerender';
import {profileSource} from './profile-source.mjs';
import {printable, say} from './terminal-text.mjs';
import {publishedProfiles, readSiteConfig} from './site-config.mjs';
import {installedPackage, publish as publishFolder, PublishProblem} from './publish.mjs';

/**
 * What the plugin uses of Eleventy's configuration API (Eleventy 3).
 * @typedef {object} EleventyConfig
 * @property {(name: string, transform: (this: {page: {inputPath: string, outputPath: string | false}}, content: string) => string) => unknown} addTransform
 * @property {(event: string, listener: (event: {directories?: {output?: string}}) => unknown) => unknown} on
 * @property {(path: string) => unknown} [addWatchTarget]
 */

/**
 * @typedef {object} PartnerCardOptions
 * @property {string} profiles the folder of profiles (<id>.json; index.json for directories), from where Eleventy runs
 * @property {string} [base] where browsers find that folder, for logos and links: an absolute URL or a path from the
 *   site root (/embed/partners/); a tag's own `base` attribute wins; default with `publish`: its partners/
 * @property {string} [publish] the path in the site where the plugin publishes the folder partners' pages load
 *   (`/embed/`), written into Eleventy's output after each build, as `partner-card publish` writes it
 */

/**
 * The plugin's own errors: what is wrong is the user's input, not the code, so
 * Eleventy shows no stack trace for it (its `skipOriginalStack`).
 */
export class PartnerCardPluginError extends Error {
  /** @override */
  name = 'PartnerCardPluginError';
  skipOriginalStack = true;
}

/** Where the plugin's options are given, for a problem in them. */
const OPTIONS = 'addPlugin(partnerCard, {…}) in your Eleventy config';

/** The opening tags of the elements in a text, with the line each starts on. @param {string} text */
function openingTags(text) {
  return [...text.matchAll(/<partner-(?:card|directory)\b[^>]*>/gi)].map((match) => ({
    tag: match[0],
    line: text.slice(0, match.index).split('\n').length,
  }));
}

/**
 * The line in the user's template that holds the tag found at `line` of the
 * page Eleventy wrote: the same opening tag, as often before it, in both
 * texts. Undefined when the template does not hold it as written (a layout, a
 * loop or an include made it).
 * @param {string} template @param {string} output @param {number} line
 */
export function templateLine(template, output, line) {
  const written = openingTags(output);
  const at = written.findIndex((tag) => tag.line === line);
  if (at < 0) return undefined;
  const same = (/** @type {{tag: string}} */ tag) => tag.tag === written[at].tag;
  const nth = written.slice(0, at).filter(same).length;
  const inTemplate = openingTags(template).filter(same);
  return inTemplate.length === written.filter(same).length ? inTemplate[nth]?.line : undefined;
}

/**
 * Each problem named by the template and its line (`./src/team.md:9: <partner-card …>: …`),
 * or by the written page's line when the template does not hold the tag as written.
 * @param {string[]} problems @param {{inputPath: string, outputPath: string}} page @param {string} content
 */
function located(problems, {inputPath, outputPath}, content) {
  let template = '';
  try {
    template = readFileSync(inputPath, 'utf8');
  } catch {
    // (A virtual template: no file to read; the written page's line is said.)
  }
  return problems.map((problem) => {
    const found = /^line (\d+): ([\s\S]*)$/.exec(problem);
    if (!found) return `${inputPath}: ${problem}`;
    const line = templateLine(template, content, Number(found[1]));
    return line
      ? `${inputPath}:${line}: ${found[2]}`
      : `${inputPath} (line unknown: a layout, loop or include wrote the tag; line ${found[1]} of ${outputPath}): ${found[2]}`;
  });
}

/**
 * @param {EleventyConfig} eleventyConfig
 * @param {PartnerCardOptions} [options]
 */
export default function partnerCard(eleventyConfig, options) {
  // Checked here, once, since a site's config is plain JavaScript: addPlugin(partnerCard) alone gives none.
  const {profiles, publish} = /** @type {Partial<PartnerCardOptions>} */ (options ?? {});
  if (
    publish !== undefined &&
    (typeof publish !== 'string' || !/^\/([^/?#:]+\/)*$/.test(publish.replace(/\/?$/, '/')) || publish.includes('..'))
  ) {
    throw new PartnerCardPluginError(
      `partner-card/eleventy: the option publish ${printable(JSON.stringify(publish))} is not a path in the site such as "/embed/" (${OPTIONS})`,
    );
  }
  const at = publish?.replace(/\/?$/, '/');
  const base = /** @type {Partial<PartnerCardOptions>} */ (options ?? {}).base ?? (at && `${at}partners/`);
  if (typeof profiles !== 'string' || !profiles) {
    throw new PartnerCardPluginError('partner-card/eleventy: give the folder of profiles, addPlugin(partnerCard, {profiles: "partners"})');
  }
  if (base !== undefined) {
    const problem = baseProblem(base);
    if (problem) throw new PartnerCardPluginError(`partner-card/eleventy: the option ${printable(problem)} (${OPTIONS})`);
  }
  if (!statSync(profiles, {throwIfNoEntry: false})?.isDirectory()) {
    throw new PartnerCardPluginError(`partner-card/eleventy: the profiles folder ${printable(profiles)} does not exist (${OPTIONS})`);
  }
  // The published address kept in partner-card.config.json where Eleventy runs, as the command reads it:
  // a base that is not where the profiles are published is warned about, naming the tag.
  let kept;
  try {
    kept = readSiteConfig(process.cwd());
  } catch (error) {
    throw new PartnerCardPluginError(`partner-card/eleventy: ${printable(/** @type {Error} */ (error).message)}`);
  }
  const published = kept.url && publishedProfiles(kept.url);
  // Read afresh on each build, so that `eleventy --serve` shows profiles edited meanwhile.
  let source = profileSource(profiles);
  eleventyConfig.on('eleventy.before', () => {
    source = profileSource(profiles);
  });
  // An added, edited or removed profile rebuilds the site under --serve (and republishes the folder).
  eleventyConfig.addWatchTarget?.(profiles);
  eleventyConfig.on('eleventy.after', async ({directories}) => {
    const stale = source.staleIndex();
    if (stale) say.warn(`partner-card: warning: ${printable(stale)}`);
    if (!at) return;
    const out = join(directories?.output ?? '_site', at);
    const started = performance.now();
    try {
      const {from, version} = installedPackage();
      // The ready-made embed code needs the folder's full address: the kept one, when it is this path's.
      const done = await publishFolder({
        profiles,
        out,
        from,
        version,
        ...(kept.url && new URL(kept.url).pathname === at && {url: kept.url}),
      });
      say.log(
        `partner-card: published ${at} (${out}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${done.partners} partner(s), ${done.untranslated} text(s) not yet translated, ${(done.bytes / 1024).toFixed(0)} KB`,
      );
    } catch (error) {
      if (!(error instanceof PublishProblem)) throw error;
      for (const line of error.message.split('\n')) say.error(`partner-card: error: ${printable(line)}`);
      throw new PartnerCardPluginError(`partner-card: ${at} could not be published: each problem is named above`);
    }
  });
  eleventyConfig.addTransform('partner-card', function (content) {
    const {inputPath, outputPath} = this.page;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
    const page = {inputPath, outputPath};
    let result;
    try {
      result = prerenderHTML(content, {...source, ...(base && {base}), ...(published && {published})});
    } catch (error) {
      // A profile file that is a link, or an index.json that is not JSON: the message names the file.
      result = {html: content, warnings: [], errors: [/** @type {Error} */ (error).message]};
    }
    for (const warning of located(result.warnings, page, content)) say.warn(`partner-card: warning: ${printable(warning)}`);
    if (!result.errors.length) return result.html;
    // Said here, once: Eleventy logs a failed write twice (as it happens and as the build ends).
    const errors = located(result.errors, page, content);
    for (const error of errors) say.error(`partner-card: error: ${printable(error)}`);
    throw new PartnerCardPluginError(`partner-card: ${printable(inputPath)}: ${errors.length} problem(s), each named above`);
  });
}
