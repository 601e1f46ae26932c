// Every command answers a bad argument the same way: one line saying what is
// wrong, the usage, exit code 2, and nothing written (node/command-line.mjs).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

const COMMANDS = [
  'tools/cli/prerender.mjs',
  'tools/cli/partners.mjs',
  'tools/cli/check-deploy.mjs',
  'tools/cli/i18n-check.mjs',
  'tools/cli/export-profiles.mjs',
  'tools/cli/import-profiles.mjs',
  'tools/cli/extract-page-strings.mjs',
  'tools/build/build.mjs',
  'tools/build/assemble-dist.mjs',
  'tools/dev/generate-partners.mjs',
  'tools/dev/screenshot.mjs',
];

test('an unknown option is a usage error: the option named, the usage, exit code 2', () => {
  for (const command of COMMANDS) {
    const run = spawnSync(process.execPath, [join(root, command), '--no-such-option'], {cwd: root, encoding: 'utf8'});
    assert.equal(run.status, 2, `${command}: ${run.stderr}`);
    assert.match(run.stderr, /'--no-such-option'/, command);
    assert.match(run.stderr, /usage/i, command);
    assert.equal(run.stdout, '', `${command} did nothing else`);
  }
});

test('an option without its value is a usage error too', () => {
  for (const [command, option] of [
    ['tools/cli/partners.mjs', '--out'],
    ['tools/cli/check-deploy.mjs', '--timeout'],
    ['tools/cli/export-profiles.mjs', '--out'],
    ['tools/dev/generate-partners.mjs', '--count'],
  ]) {
    const run = spawnSync(process.execPath, [join(root, command), option], {cwd: root, encoding: 'utf8'});
    assert.equal(run.status, 2, `${command} ${option}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(option), command);
  }
});
