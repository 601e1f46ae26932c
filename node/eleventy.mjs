// partner-card/eleventy: an Eleventy plugin that prerenders every
// <partner-card> and <partner-directory> in the HTML Eleventy writes, as
// `partner-card prerender` does after a build, with the same reader, the same
// output and the same errors. A problem (unknown partner, invalid profile,
// unclosed tag, a symbolic link, no base) fails the build, naming the page.
//
//   import partnerCard from 'partner-card/eleventy';
//   export default (eleventyConfig) =>
//     eleventyConfig.addPlugin(partnerCard, {profiles: 'partners', base: '/embed/partners/'});
import {statSync} from 'node:fs';
import {prerenderHTML} from 'partner-card/prerender';
import {profileSource} from './profile-source.mjs';
import {printable} from './terminal-text.mjs';

/**
 * What the plugin uses of Eleventy's configuration API (Eleventy 3).
 * @typedef {object} EleventyConfig
 * @property {(name: string, transform: (this: {page: {inputPath: string, outputPath: string | false}}, content: string) => string) => unknown} addTransform
 * @property {(event: string, listener: () => void) => unknown} on
 */

/**
 * @typedef {object} PartnerCardOptions
 * @property {string} profiles the folder of profiles (<id>.json; index.json for directories), from where Eleventy runs
 * @property {string} [base] where browsers find that folder, for logos and links: an absolute URL or a path from the
 *   site root (/embed/partners/); a tag's own `base` attribute wins
 */

/** The plugin's own errors: the build stops with one line saying what is wrong. */
export class PartnerCardPluginError extends Error {
  /** @override */
  name = 'PartnerCardPluginError';
}

/**
 * @param {EleventyConfig} eleventyConfig
 * @param {PartnerCardOptions} [options]
 */
export default function partnerCard(eleventyConfig, options) {
  // Checked here, since a site's config is plain JavaScript: addPlugin(partnerCard) alone gives none.
  const {profiles, base} = /** @type {Partial<PartnerCardOptions>} */ (options ?? {});
  if (typeof profiles !== 'string' || !profiles) {
    throw new PartnerCardPluginError('partner-card/eleventy: give the folder of profiles, addPlugin(partnerCard, {profiles: "partners"})');
  }
  if (base !== undefined && (typeof base !== 'string' || !base)) {
    throw new PartnerCardPluginError('partner-card/eleventy: base must be a URL or a path from the site root, such as "/embed/partners/"');
  }
  if (!statSync(profiles, {throwIfNoEntry: false})?.isDirectory()) {
    throw new PartnerCardPluginError(`partner-card/eleventy: the profiles folder ${profiles} does not exist`);
  }
  // Read afresh on each build, so that `eleventy --serve` shows profiles edited meanwhile.
  let source = profileSource(profiles);
  eleventyConfig.on('eleventy.before', () => {
    source = profileSource(profiles);
  });
  eleventyConfig.addTransform('partner-card', function (content) {
    const {inputPath, outputPath} = this.page;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
    const page = `${outputPath} (from ${inputPath})`;
    let result;
    try {
      result = prerenderHTML(content, {profile: source.profile, index: source.index, ...(base && {base})});
    } catch (error) {
      throw new PartnerCardPluginError(`partner-card: ${page}: ${printable(/** @type {Error} */ (error).message)}`);
    }
    for (const warning of result.warnings) console.warn(`partner-card: warning: ${page}: ${printable(warning)}`);
    if (result.errors.length) {
      throw new PartnerCardPluginError(`partner-card: ${page}: ${result.errors.map(printable).join('; ')}`);
    }
    return result.html;
  });
}
