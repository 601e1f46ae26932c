// The last step of `npm run build`: publishes dist/ as the folder the project
// site uploads (README "Publish"), through the same code as `partner-card
// publish` (node/publish.mjs), from the package files the steps before built
// into dist/, which stay there beside what is published.
//
//   npm run build -- [--profiles <folder>] [--url <public address of dist/>]
//
// The profiles are the flags given now, else those kept in
// partner-card.config.json, else the demo's sample, which the build then names
// first and last.
import {copyFileSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {publish, PublishProblem} from '../../node/publish.mjs';
import {runAsCommand} from '../../node/command-line.mjs';
import {buildFlags, CONFIG_NAME, ConfigProblem, DEMO_NOTICE, siteSettings} from '../../node/site-config.mjs';

const root = new URL('../..', import.meta.url).pathname;
const dist = join(root, 'dist');

/** @param {string[]} args @returns {Promise<number>} exit code */
async function main(args) {
  /** @type {ReturnType<typeof siteSettings>} */
  let site;
  try {
    site = siteSettings(buildFlags(args));
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    return error instanceof ConfigProblem ? 2 : 1;
  }
  // The schema is one of the package's files (its export partner-card/profile.schema.json), published from there.
  copyFileSync(join(root, 'src/profile.schema.json'), join(dist, 'profile.schema.json'));
  const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const from = relative(root, site.profiles) || site.profiles;
  let summary;
  try {
    summary = await publish({
      profiles: site.profiles,
      out: dist,
      from: dist,
      version,
      url: site.url,
      onStep: (name, seconds) => {
        console.log(`  ${name}: ${seconds.toFixed(2)} s`);
      },
    });
  } catch (error) {
    if (!(error instanceof PublishProblem)) throw error;
    console.error(error.message);
    console.error(`The profiles in ${from} cannot be published: dist/ is not ready to upload.`);
    return 1;
  }
  for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
  console.log(
    `dist/ is ready to publish: ${summary.partners} profile(s) from ${from}, ${summary.untranslated} text(s) not yet translated, ${summary.files} files, ${(summary.bytes / 1024).toFixed(1)} KB, ` +
      (summary.snippets
        ? `${summary.snippets} ready-made embed code file(s) for ${site.url}.`
        : 'no ready-made embed code (give --url <public address of dist/> for partners/<id>.<lang>.html).'),
  );
  const saved = site.keep();
  if (saved) console.log(`Kept in ${CONFIG_NAME} for the next builds: ${saved}.`);
  // Last, where a maintainer looks before uploading.
  if (site.demo) console.log(DEMO_NOTICE);
  return 0;
}

await runAsCommand(import.meta, main);
