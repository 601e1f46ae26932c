// The last step of `npm run build`: makes dist/ the folder the project site
// uploads as it is (README "Hosting the card").
//
//   npm run build -- [--profiles <folder>] [--url <public address of dist/>]
//
// - partners/: the profiles and their logos from <folder> (default: the
//   demo's, demo/embed/partners), checked, with their index.json, and with
//   --url, ready-made embed code per partner and language (embed-snippets.mjs);
// - partner-card-<version>.js and partner-directory-<version>.js: each module
//   under a name that never changes meaning, for caching forever and pinning
//   with `integrity`;
// - release.json: the version, those files' names and integrity (the card's as
//   `module` and `integrity`, the directory's under `directory`), the CSP
//   hashes of prerendered styles (the embed builder and check-deploy read it);
// - embed.html, embed.js, embed.css: the embed builder;
// - profile.schema.json.
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {releaseOf} from '../../node/release.mjs';
import {writeSnippets} from './embed-snippets.mjs';
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
  const {profiles, url: publicUrl} = site;
  if (!statSync(profiles, {throwIfNoEntry: false})?.isDirectory()) {
    console.error(`--profiles ${profiles}: there is no such folder.`);
    return 1;
  }

  // Profiles and logos as they are (subfolders too); index.json is written afresh below.
  const partners = join(dist, 'partners');
  rmSync(partners, {recursive: true, force: true});
  cpSync(profiles, partners, {
    recursive: true,
    filter: (from) => !/(^|\/)\.[^/]+$/.test(relative(profiles, from)) && relative(profiles, from) !== 'index.json',
  });
  const checked = spawnSync(
    process.execPath,
    [join(root, 'tools/cli/partner-card.mjs'), 'index', profiles, '--out', join(partners, 'index.json')],
    {
      stdio: 'inherit',
    },
  );
  if (checked.status !== 0) {
    console.error(`The profiles in ${profiles} are not valid: dist/ is not ready to publish.`);
    return 1;
  }

  const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  // The same release the builder's script was bundled with (vite build --mode builder).
  const {release, copies} = await releaseOf(dist, version);
  for (const copy of copies) {
    writeFileSync(join(dist, copy.file), copy.code);
    writeFileSync(join(dist, `${copy.file}.map`), copy.map);
  }
  const moduleName = release.module;

  // The builder: its script and style are bundled by Vite (the script carries the release); its page loads the pinned module itself.
  writeFileSync(
    join(dist, 'embed.html'),
    readFileSync(join(root, 'pages/embed-builder/embed.html'), 'utf8')
      .replaceAll('%MODULE%', moduleName)
      .replaceAll('%INTEGRITY%', release.integrity),
  );
  cpSync(join(root, 'src/profile.schema.json'), join(dist, 'profile.schema.json'));
  // Written last: its presence says the build finished (test/support/build-if-stale.mjs).
  writeFileSync(join(dist, 'release.json'), `${JSON.stringify(release, null, 2)}\n`);

  // Ready-made embed code per partner and language, when the public address is known.
  let snippets = 'no ready-made embed code (give --url <public address of dist/> for partners/<id>.<lang>.html)';
  if (publicUrl) {
    try {
      snippets = `${(await writeSnippets(dist, publicUrl)).length} ready-made embed code file(s) for ${publicUrl}`;
    } catch (error) {
      console.error(/** @type {Error} */ (error).message);
      return 1;
    }
  }

  const count = readdirSync(partners).filter((f) => f.endsWith('.json') && f !== 'index.json').length;
  console.log(
    `dist/ is ready to publish: ${moduleName} (${release.integrity}), ${release.directory.module} (${release.directory.integrity}), ${count} profile(s) from ${relative(root, profiles) || profiles}, ${snippets}.`,
  );
  if (site.saved)
    console.log(
      `Kept in ${CONFIG_NAME} for the next builds: ${[`profiles ${relative(root, profiles) || profiles}`, publicUrl && `url ${publicUrl}`].filter(Boolean).join(', ')}.`,
    );
  // Last, where a maintainer looks before uploading.
  if (site.demo) console.log(DEMO_NOTICE);
  return 0;
}

await runAsCommand(import.meta, main);
