// Every command answers a bad argument the same way: one line saying what is
// wrong, the usage, exit code 2, and nothing written (node/command-line.mjs).
// `partner-card` is the one command users run: its subcommands, --help and
// --version, and its exit codes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const CLI = 'tools/cli/partner-card.mjs';
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SUBCOMMANDS = [['prerender'], ['index'], ['check-deploy'], ['xliff', 'export'], ['xliff', 'import']];

/** @param {string[]} args @param {string} [program] */
const run = (args, program = join(root, CLI)) => spawnSync(process.execPath, [program, ...args], {cwd: root, encoding: 'utf8'});

const COMMANDS = [
  ...SUBCOMMANDS.map((words) => [CLI, ...words]),
  ['tools/cli/i18n-check.mjs'],
  ['tools/cli/extract-page-strings.mjs'],
  ['tools/build/build.mjs'],
  ['tools/build/assemble-dist.mjs'],
  ['tools/dev/generate-partners.mjs'],
  ['tools/dev/screenshot.mjs'],
];

test('an unknown option is a usage error: the option named, the usage, exit code 2', () => {
  for (const [command, ...words] of COMMANDS) {
    const result = run([...words, '--no-such-option'], join(root, command));
    const name = [command, ...words].join(' ');
    assert.equal(result.status, 2, `${name}: ${result.stderr}`);
    assert.match(result.stderr, /'--no-such-option'/, name);
    assert.match(result.stderr, /usage/i, name);
    assert.equal(result.stdout, '', `${name} did nothing else`);
  }
});

test('an option without its value is a usage error too', () => {
  for (const [command, ...words] of [
    [CLI, 'index', '--out'],
    [CLI, 'check-deploy', '--timeout'],
    [CLI, 'xliff', 'export', '--out'],
    ['tools/dev/generate-partners.mjs', '--count'],
  ]) {
    const result = run(words, join(root, command));
    const option = words.at(-1) ?? '';
    assert.equal(result.status, 2, `${command} ${words.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(option), command);
  }
});

test('partner-card --help lists every subcommand and the exit codes; each subcommand has its own --help', () => {
  for (const flag of ['--help', '-h', 'help']) {
    const help = run([flag]);
    assert.equal(help.status, 0, help.stderr);
    for (const words of SUBCOMMANDS)
      assert.match(help.stdout, new RegExp(`^  ${words.join(' ')} `, 'm'), `${flag} lists ${words.join(' ')}`);
    assert.match(help.stdout, /Exit codes: 0 done, 1 a problem in the input .*, 2 a usage error/);
  }
  for (const words of SUBCOMMANDS) {
    // Wherever --help stands, before any argument is checked (none is given here).
    const own = run([...words, '--help']);
    assert.equal(own.status, 0, `${words.join(' ')} --help: ${own.stderr}`);
    assert.match(own.stdout, new RegExp(`^Usage: partner-card ${words.join(' ')}\\b`), words.join(' '));
    assert.match(own.stdout, /Exit codes:/);
    assert.equal(own.stderr, '');
  }
  // After `--`, --help is a file's name, not a request for help.
  assert.equal(run(['prerender', '--', '--help']).status, 1);
});

test('partner-card --version prints the version; a missing or unknown command is a usage error', () => {
  for (const flag of ['--version', '-v']) {
    const result = run([flag]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${version}\n`);
  }
  const none = run([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^Usage: partner-card <command>/);
  const unknown = run(['partners']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, 'unknown command "partners". Run `partner-card --help` for the commands.\n');
  const half = run(['xliff']);
  assert.equal(half.status, 2);
  assert.match(half.stderr, /^xliff needs one of: xliff export, xliff import\./);
  assert.equal(run(['xliff', 'translate']).status, 2);
  const hostile = run(['\u001b[2Jprerender']);
  assert.equal(hostile.status, 2);
  assert.ok(hostile.stderr.startsWith('unknown command "\\x1b[2Jprerender"'), hostile.stderr);
});

test('started through a link, as npm starts a package command (node_modules/.bin/partner-card), it runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partner-card-bin-'));
  try {
    const link = join(dir, 'partner-card');
    symlinkSync(join(root, CLI), link);
    const result = run(['--version'], link);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${version}\n`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('a part of the command started on its own says how to run it, exit code 2, instead of doing nothing and answering 0', () => {
  for (const [file, ...words] of [
    ['prerender.mjs', 'prerender'],
    ['partners.mjs', 'index'],
    ['check-deploy.mjs', 'check-deploy'],
    ['export-profiles.mjs', 'xliff', 'export'],
    ['import-profiles.mjs', 'xliff', 'import'],
  ]) {
    const result = run([], join(root, 'tools/cli', file));
    assert.equal(result.status, 2, `${file}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(`^${file} is part of the partner-card command: run \`partner-card ${words.join(' ')}\``));
  }
});
