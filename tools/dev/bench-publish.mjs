// node tools/dev/bench-publish.mjs: how long `partner-card publish` takes for
// 10, 100 and 1,000 partners (goal: 1,000 within 10 s on a 2-core machine),
// and what the Eleventy plugin adds to a 200-page site's build, without it,
// with prerendering only, and with `publish` too. Each figure is the median of
// RUNS runs (BENCH_PUBLISH_RUNS, default 3), each in a fresh process, run one
// after the other in one go so they meet the same machine. Needs the built
// dist/ (npm run build). Prints a table; writes nothing but temporary folders.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {readArgs, runAsCommand} from '../../node/command-line.mjs';

const root = new URL('../..', import.meta.url).pathname;
const USAGE = 'Usage: node tools/dev/bench-publish.mjs';

/** Seconds a command took, the median of `runs`; throws with its output when it fails. @param {string[]} args @param {string} cwd @param {number} runs */
function seconds(args, cwd, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, {cwd, encoding: 'utf8'});
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** @param {string[]} args @returns {number} exit code */
function main(args) {
  if (!readArgs({args, options: {}}, USAGE)) return 2;
  const runs = Number(process.env.BENCH_PUBLISH_RUNS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'partner-card-bench-publish-'));
  try {
    console.log(`partner-card publish (median of ${runs}, each a fresh process)`);
    console.log('| partners | seconds |\n| ---: | ---: |');
    for (const count of [10, 100, 1000]) {
      const profiles = join(dir, `profiles-${count}`);
      // The sample too (count + 1 partners): the Eleventy site's cards show it.
      spawnSync(
        process.execPath,
        [join(root, 'tools/dev/generate-partners.mjs'), '--count', String(count - 1), '--out', profiles, '--with-sample'],
        {
          cwd: root,
        },
      );
      const time = seconds(
        [
          join(root, 'tools/cli/partner-card.mjs'),
          'publish',
          profiles,
          '--out',
          join(dir, `out-${count}`),
          '--url',
          'https://project.example/embed/',
        ],
        dir,
        runs,
      );
      console.log(`| ${count} | ${time.toFixed(2)} |`);
    }

    // A 200-page Eleventy site, each page with a card, one with the directory of 100 partners.
    const site = join(dir, 'site');
    mkdirSync(join(site, 'src'), {recursive: true});
    for (let i = 0; i < 200; i++)
      writeFileSync(
        join(site, 'src', `page-${i}.md`),
        `# Page ${i}\n\nSome text.\n\n<partner-card partner="region-southern-denmark" variant="compact"></partner-card>\n`,
      );
    writeFileSync(join(site, 'src/partners.html'), '<html lang="en"><body><partner-directory></partner-directory></body></html>\n');
    const plugin = pathToFileURL(join(root, 'dist/eleventy.js')).href;
    const configs = {
      'without the plugin': '',
      'with the plugin (prerender)': `{profiles: ${JSON.stringify(join(dir, 'profiles-100'))}, base: '/embed/partners/'}`,
      'with the plugin (prerender and publish)': `{profiles: ${JSON.stringify(join(dir, 'profiles-100'))}, publish: '/embed/'}`,
    };
    console.log(`\nEleventy 3, 200 pages (median of ${runs})`);
    console.log('| build | seconds | added |\n| --- | ---: | ---: |');
    let plain = 0;
    for (const [name, options] of Object.entries(configs)) {
      writeFileSync(
        join(site, 'eleventy.config.mjs'),
        options
          ? `import partnerCard from ${JSON.stringify(plugin)};\nexport default (c) => c.addPlugin(partnerCard, ${options});\n`
          : 'export default () => {};\n',
      );
      rmSync(join(site, '_site'), {recursive: true, force: true});
      const time = seconds(
        [join(root, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.mjs', '--input=src', '--output=_site', '--quiet'],
        site,
        runs,
      );
      if (!options) plain = time;
      console.log(`| ${name} | ${time.toFixed(2)} | ${options ? `+${(time - plain).toFixed(2)}` : '–'} |`);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  return 0;
}

await runAsCommand(import.meta, main);
