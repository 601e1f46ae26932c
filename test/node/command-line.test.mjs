// Every command answers a bad argument the same way: one line saying what is
// wrong, the usage, exit code 2, and nothing written (node/command-line.mjs).
// `partner-card` is the one command users run: its subcommands, --help and
// --version, and its exit codes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, readFileSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../..', import.meta.url).pathname;
const CLI = 'tools/cli/partner-card.mjs';
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SUBCOMMANDS = [['publish'], ['prerender'], ['index'], ['check-deploy'], ['xliff', 'export'], ['xliff', 'import']];

/** @param {string[]} args @param {string} [program] */
const run = (args, program = join(root, CLI)) => spawnSync(process.execPath, [program, ...args], {cwd: root, encoding: 'utf8'});

const COMMANDS = [
  ...SUBCOMMANDS.map((words) => [CLI, ...words]),
  ['tools/cli/i18n-check.mjs'],
  ['tools/cli/extract-page-strings.mjs'],
  ['tools/build/build.mjs'],
  ['tools/build/publish-dist.mjs'],
  ['tools/dev/generate-partners.mjs'],
  ['tools/dev/screenshot.mjs'],
];

test('an unknown option is a usage error: the option named, the usage, exit code 2', () => {
  for (const [command, ...words] of COMMANDS) {
    const result = run([...words, '--no-such-option'], join(root, command));
    const name = [command, ...words].join(' ');
    assert.equal(result.status, 2, `${name}: ${result.stderr}`);
    const [problem, usage] = result.stderr.split('\n');
    assert.match(problem, /^unknown option --no-such-option$/, name);
    assert.match(usage, /^usage/i, name);
    assert.equal(result.stdout, '', `${name} did nothing else`);
  }
});

test('a usage error says in one line what is wrong (the value, the option), then the usage, exit code 2', () => {
  const cwd = tempFolder('usage');
  for (const [args, reason] of /** @type {[string[], RegExp][]} */ ([
    [[], /^name a command: partner-card <command>$/],
    [['check-deploy'], /^name the deployed folder's address \(or keep it as "url" in partner-card\.config\.json\)$/],
    [['check-deploy', 'not-a-url'], /^"not-a-url" is not an address: give the folder's public address/],
    [
      ['check-deploy', 'project.example/embed/'],
      /^"project\.example\/embed\/" has no scheme: did you mean https:\/\/project\.example\/embed\/\?$/,
    ],
    [['check-deploy', 'ftp://project.example/'], /^"ftp:\/\/project\.example\/" is not an http\(s\) address/],
    [['check-deploy', 'https://a.example/', '--timeout', 'abc'], /^--timeout "abc" is not a number of milliseconds/],
    [['check-deploy', 'https://a.example/', 'https://b.example/'], /^one address at a time: got 2/],
    [['xliff', 'export', 'partners'], /^--out: name the XLIFF file to write/],
    [['xliff', 'export', '--out', 'x.xlf'], /^name at least one folder of profiles$/],
    [['xliff', 'import'], /^name the translated XLIFF file and the folder of profiles$/],
    [['xliff', 'import', 'da.xlf'], /^name the folder of profiles to import da\.xlf into$/],
    [['xliff', 'import', 'da.xlf', 'partners', 'more'], /^one file and one folder: "more" is one argument too many$/],
    [['index', 'a', 'b'], /^one folder at a time: "b" is one argument too many$/],
    [['index', '--out'], /^--out needs a value$/],
    [['prerender'], /^name at least one page or folder$/],
    [['prerender', 'site', '--bsae', '/embed/partners/'], /^unknown option --bsae \(did you mean --base\?\)$/],
    [['prerender', 'site', '--profiles', 'partner'], /^the profiles folder "partner" \(--profiles\) does not exist$/],
    [['prerender', 'site', '--profile', 'partners'], /^unknown option --profile \(did you mean --profiles\?\)$/],
  ])) {
    const result = spawnSync(process.execPath, [join(root, CLI), ...args], {cwd, encoding: 'utf8'});
    const name = `partner-card ${args.join(' ')}`;
    assert.equal(result.status, 2, `${name}: ${result.stderr}`);
    const [problem, usage] = result.stderr.split('\n');
    assert.match(problem, reason, name);
    assert.match(usage, /^Usage: partner-card/, `${name}: the usage follows`);
    assert.equal(result.stdout, '', `${name} did nothing else`);
  }
});

test('a mistyped command gets the closest one; `partner-card xliff --help` lists its commands', () => {
  const typo = run(['prerendr']);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /^unknown command "prerendr" \(did you mean "prerender"\?\)/);
  const group = run(['xliff', '--help']);
  assert.equal(group.status, 0, group.stderr);
  assert.match(group.stdout, /^Usage: partner-card xliff <command>/);
  assert.match(group.stdout, /^ {2}xliff export /m);
  assert.match(group.stdout, /^ {2}xliff import /m);
});

test('an --out in a folder that does not exist is named as such, never by a temporary file name', () => {
  const result = run(['xliff', 'export', 'demo/embed/partners', '--out', 'no-such-folder/x.xlf']);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /no-such-folder: there is no such folder to write x\.xlf into/);
  assert.doesNotMatch(result.stderr, /\.tmp|ENOENT/);
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
  assert.match(none.stderr, /^name a command: partner-card <command>\nUsage: partner-card <command>/);
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
  const dir = tempFolder('bin');
  const link = join(dir, 'partner-card');
  symlinkSync(join(root, CLI), link);
  const result = run(['--version'], link);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${version}\n`);
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

test("no command prints a control character from its arguments: an option, a folder or a file's name reaches the terminal escaped", () => {
  const hostile = '\u001b[2J\u001b[31mred\r\u009b';
  for (const words of SUBCOMMANDS) {
    for (const args of [[`--${hostile}`], [hostile, '--out', `${hostile}.out`], [hostile]]) {
      const result = run([...words, ...args]);
      const out = `${result.stdout}${result.stderr}`;
      assert.ok(
        !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(out),
        `${words.join(' ')} ${JSON.stringify(args)} printed ${JSON.stringify(out)}`,
      );
    }
  }
});

test('an --out that is a profile of the folder read, or the folder itself, is refused (exit 2) and the profile is left as it was', () => {
  const dir = tempFolder('out');
  cpSync(join(root, 'demo/embed/partners'), dir, {recursive: true, filter: (f) => !f.endsWith('index.json')});
  const profile = join(dir, 'region-southern-denmark.json');
  const before = readFileSync(profile, 'utf8');
  for (const args of [
    ['index', dir, '--out', profile],
    ['xliff', 'export', dir, '--out', profile],
    ['xliff', 'export', dir, '--out', dir],
  ]) {
    const result = run(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr.split('\n')[0], /^--out .*(would replace a profile in|is the profiles folder itself)/);
    assert.equal(readFileSync(profile, 'utf8'), before);
  }
});
