// npm run build -- [--profiles <folder>] [--url <public address of dist/>]
//
// The build as named steps, each printed with its time, each run once; the first
// failing step stops it with that step's exit code. The last step assembles dist/
// (publish-dist.mjs, node/publish.mjs) from the site's settings (site-config.mjs): the flags given now,
// else those kept in partner-card.config.json, else the demo's sample profile,
// which the build then names first and last.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {runAsCommand} from '../../node/command-line.mjs';
import {buildFlags, ConfigProblem, DEMO_NOTICE, readSiteConfig} from '../../node/site-config.mjs';

const root = new URL('../..', import.meta.url).pathname;
const bin = (/** @type {string} */ name) => join(root, 'node_modules/.bin', name);

/** @param {string[]} args @returns {number} exit code */
function main(args) {
  /** @type {ReturnType<typeof buildFlags>} */
  let flags;
  let demo;
  try {
    flags = buildFlags(args);
    demo = !flags.profiles && !readSiteConfig().profiles;
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    return error instanceof ConfigProblem ? 2 : 1;
  }
  if (demo) console.log(DEMO_NOTICE);

  /** @type {[string, string, string[]][]} name, program, arguments */
  const STEPS = [
    ['check the interface translations', process.execPath, ['tools/cli/i18n-check.mjs', '--interface-only']],
    ['compile the translations', bin('lit-localize'), ['build']],
    ["bundle the card's module", bin('vite'), ['build']],
    ["bundle the directory's module", bin('vite'), ['build', '--mode', 'directory']],
    ['bundle the prerenderer, the command and the Eleventy plugin', bin('vite'), ['build', '--mode', 'node']],
    ['bundle the embed builder', bin('vite'), ['build', '--mode', 'builder']],
    ['bundle the translator preview', bin('vite'), ['build', '--mode', 'preview']],
    [
      "generate the demo's 24 partners",
      process.execPath,
      ['tools/dev/generate-partners.mjs', '--count', '24', '--out', 'demo/generated/partners', '--with-sample'],
    ],
    ["prerender the demo's pages", process.execPath, ['tools/build/demo-prerender.mjs']],
    ['write the type declarations', bin('tsc'), ['-p', 'tsconfig.build.json']],
    ['write the custom-elements manifest', bin('cem'), ['analyze']],
    [
      'publish dist/',
      process.execPath,
      [
        'tools/build/publish-dist.mjs',
        ...(flags.profiles ? ['--profiles', flags.profiles] : []),
        ...(flags.url ? ['--url', flags.url] : []),
      ],
    ],
  ];

  if (flags.plan) {
    for (const [i, [name, program, args]] of STEPS.entries())
      console.log(
        `${i + 1}/${STEPS.length} ${name}: ${program === process.execPath ? 'node' : program.split('/').pop()} ${args.join(' ')}`,
      );
    return 0;
  }

  const started = performance.now();
  for (const [i, [name, program, args]] of STEPS.entries()) {
    console.log(`\n▸ ${i + 1}/${STEPS.length} ${name}`);
    const start = performance.now();
    const run = spawnSync(program, args, {cwd: root, stdio: 'inherit'});
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    if (run.status !== 0) {
      console.error(`✗ ${name} failed after ${seconds} s${run.signal ? ` (${run.signal})` : ''}: the build stops here.`);
      return run.status || 1;
    }
    console.log(`✓ ${name}: ${seconds} s`);
  }
  console.log(`\nBuilt in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  // publish-dist.mjs said it last of its lines; said again as the build's very last.
  if (demo) console.log(DEMO_NOTICE);
  return 0;
}

await runAsCommand(import.meta, main);
