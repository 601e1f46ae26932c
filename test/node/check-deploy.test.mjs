// npm run check-deploy against real local servers: a static host configured
// with README's `_headers` block passes; hosts that get it wrong (no CORS,
// wrong MIME type, a missing profile or logo, a tampered versioned module,
// server errors, a slow server, no caching headers) fail or warn, each with
// a line that names the file and the fix.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {cpSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {readmeHeadersFile, startStaticHost} from '../support/static-host.mjs';
import {tempFolder} from '../support/temp-folders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);
const release = JSON.parse(readFileSync(join(root, 'dist/release.json'), 'utf8'));
const headersFile = await readmeHeadersFile();
const PROFILE = 'partners/region-southern-denmark.json';

/** A copy of the built dist/, as uploaded, that a test may break. */
function upload() {
  const dir = tempFolder('deploy');
  cpSync(join(root, 'dist'), dir, {recursive: true});
  return dir;
}

/**
 * Each finding's line with its fix, `error: file: problem. Fix: …`: the command says a fix once, after
 * the files it is for. @param {string} stdout
 */
function withFixes(stdout) {
  /** @type {string[]} */
  const done = [];
  /** @type {string[]} */
  let waiting = [];
  for (const line of stdout.split('\n')) {
    const fix = /^ {2}Fix(?: \(the (\d+) above\))?: (.*)$/.exec(line);
    if (fix) {
      const [, count = '1', text] = fix;
      assert.equal(Number(count), waiting.length, `the fix counts the files above it:\n${stdout}`);
      done.push(...waiting.map((finding) => `${finding} Fix: ${text}`));
      waiting = [];
    } else if (/^(error|warning): /.test(line)) waiting.push(line);
  }
  assert.deepEqual(waiting, [], 'every finding has its fix');
  return done;
}

/**
 * check-deploy against a host serving `dir` with README's headers and `faults`.
 * @param {{dir?: string, faults?: Record<string, import('../support/static-host.mjs').Fault>, headers?: string, args?: string[]}} [options]
 */
async function checkDeploy({dir = upload(), faults = {}, headers = headersFile, args = []} = {}) {
  const host = await startStaticHost({root: dir, headersFile: headers, faults});
  try {
    const started = Date.now();
    const {stdout, code} = await run(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), 'check-deploy', host.url, ...args]).then(
      ({stdout}) => ({stdout, code: 0}),
      (/** @type {unknown} */ e) => {
        const {stdout, code} = /** @type {{stdout: string, code: number}} */ (e);
        return {stdout, code};
      },
    );
    const lines = withFixes(stdout);
    return {
      code,
      stdout,
      errors: lines.filter((l) => l.startsWith('error: ')),
      warnings: lines.filter((l) => l.startsWith('warning: ')),
      seconds: (Date.now() - started) / 1000,
      requests: host.requests,
      mostAtOnce: host.inFlight.most,
    };
  } finally {
    await host.close();
  }
}

test('a host configured as README says passes, with no warning, having fetched every file partners need', async () => {
  const result = await checkDeploy();
  assert.equal(result.code, 0, result.stdout);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  assert.match(result.stdout, /0 error\(s\), 0 warning\(s\)/);
  for (const file of [
    'partner-card.js',
    release.module,
    'partner-directory.js',
    release.directory.module,
    'release.json',
    'partners/index.json',
    PROFILE,
    'partners/region-southern-denmark.svg',
  ]) {
    assert.ok(result.requests.includes(`/embed/${file}`), `${file} was checked`);
  }
});

test('no Access-Control-Allow-Origin: an error for both modules, their versioned copies, the index and every profile', async () => {
  const result = await checkDeploy({headers: headersFile.replace(/^\s*Access-Control-Allow-Origin.*\n/gm, '')});
  assert.equal(result.code, 1);
  for (const file of [
    'partner-card.js',
    release.module,
    'partner-directory.js',
    release.directory.module,
    'partners/index.json',
    PROFILE,
  ]) {
    assert.ok(
      result.errors.some(
        (l) =>
          l.startsWith(`error: ${file}: no Access-Control-Allow-Origin header`) && l.includes('Fix: send "Access-Control-Allow-Origin: *"'),
      ),
      `${file} in:\n${result.stdout}`,
    );
  }
});

test('a fix that many files need is printed once, after the files it is for', async () => {
  const result = await checkDeploy({headers: headersFile.replace(/^\s*Access-Control-Allow-Origin.*\n/gm, '')});
  const fixes = result.stdout.split('\n').filter((l) => l.includes('Access-Control-Allow-Origin: *'));
  assert.equal(fixes.length, 1, result.stdout);
  assert.match(fixes[0], /^ {2}Fix \(the \d+ above\): send "Access-Control-Allow-Origin: \*"/);
  assert.ok(result.errors.filter((l) => l.includes('no Access-Control-Allow-Origin header')).length >= 6, result.stdout);
});

test('an Access-Control-Allow-Origin for one other site only is an error too', async () => {
  const result = await checkDeploy({faults: {'partner-card.js': {headers: {'access-control-allow-origin': 'https://project.example'}}}});
  assert.equal(result.code, 1);
  assert.match(result.errors.join('\n'), /^error: partner-card\.js: Access-Control-Allow-Origin is "https:\/\/project\.example"/m);
});

test('a module served as text/plain is an error: browsers do not run it', async () => {
  const result = await checkDeploy({faults: {[release.module]: {headers: {'content-type': 'text/plain'}}}});
  assert.equal(result.code, 1);
  assert.deepEqual(result.errors.length, 1, result.stdout);
  assert.match(
    result.errors[0],
    new RegExp(`^error: ${release.module.replace(/\./g, '\\.')}: served as "text/plain".*Fix: serve \\.js files as text/javascript$`),
  );
});

test('a profile listed in index.json but missing is an error naming it', async () => {
  const dir = upload();
  rmSync(join(dir, PROFILE));
  const result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.deepEqual(result.errors, [
    `error: ${PROFILE}: The profile of "region-southern-denmark", listed in index.json, is missing (HTTP 404). Fix: upload every profile that index.json lists (or rebuild the index)`,
  ]);
});

test('a missing logo, and a logo served as something else than an image, are errors', async () => {
  const dir = upload();
  rmSync(join(dir, 'partners/region-southern-denmark.svg'));
  let result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.match(
    result.errors.join('\n'),
    /^error: partners\/region-southern-denmark\.svg: The logo of "region-southern-denmark" is missing \(HTTP 404\)/m,
  );
  result = await checkDeploy({faults: {'partners/region-southern-denmark.svg': {headers: {'content-type': 'text/plain'}}}});
  assert.equal(result.code, 1);
  assert.match(result.errors.join('\n'), /^error: partners\/region-southern-denmark\.svg: served as "text\/plain"/m);
});

test("the directory's module is checked as the card's: its versioned copy's bytes against its integrity, and release.json must pin it", async () => {
  let dir = upload();
  const file = join(dir, release.directory.module);
  writeFileSync(file, readFileSync(file, 'utf8').replace('customElements.define', 'customElements.define '));
  let result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.deepEqual(
    result.errors.map((l) => l.split(':')[1].trim()),
    [release.directory.module],
    result.stdout,
  );
  assert.match(result.errors[0], /its bytes do not match the published integrity/);
  assert.match(result.warnings.join('\n'), /^warning: partner-directory\.js: is not the same code as partner-directory-/m);

  dir = upload();
  const {directory, ...withoutDirectory} = release;
  assert.ok(directory, 'the built release.json pins the directory (what this part takes away)');
  writeFileSync(join(dir, 'release.json'), JSON.stringify(withoutDirectory));
  result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.deepEqual(result.errors, [
    "error: release.json: does not name the directory's module (partner-directory-<version>.js) and its sha384 integrity. Fix: upload the whole folder `partner-card publish` wrote",
  ]);
});

test('a versioned module whose bytes differ from the published integrity is an error (and the moving module is not the release: a warning)', async () => {
  const dir = upload();
  const file = join(dir, release.module);
  writeFileSync(file, readFileSync(file, 'utf8').replace('customElements.define', 'customElements.define ')); // one byte changed
  const result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.equal(result.errors.length, 1, result.stdout);
  assert.match(
    result.errors[0],
    new RegExp(
      `^error: ${release.module.replace(/\./g, '\\.')}: its bytes do not match the published integrity \\(sha384-.*, not ${release.integrity.replace(/[+/]/g, '\\$&')}\\)`,
    ),
  );
  assert.match(result.warnings.join('\n'), /^warning: partner-card\.js: is not the same code as/m);
});

test('server errors: 500 for the index and for release.json are errors; nothing listed in an unreadable index is guessed', async () => {
  const result = await checkDeploy({faults: {'partners/index.json': {status: 500}, 'release.json': {status: 500}}});
  assert.equal(result.code, 1);
  assert.match(
    result.errors.join('\n'),
    /^error: partners\/index\.json: The index of partners answers HTTP 500\. Fix: the server must answer 200 for it \(a server error: see its log\)$/m,
  );
  assert.match(
    result.errors.join('\n'),
    /^error: release\.json: release\.json \(the version and integrity of the versioned modules\) answers HTTP 500/m,
  );
  assert.ok(!result.requests.includes(`/embed/${PROFILE}`));
});

test('an invalid profile is an error with its JSON path; a profile that is not JSON too', async () => {
  const dir = upload();
  const profile = JSON.parse(readFileSync(join(dir, PROFILE), 'utf8'));
  writeFileSync(join(dir, PROFILE), JSON.stringify({...profile, country: 'dk'}));
  let result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.match(result.errors.join('\n'), /^error: partners\/region-southern-denmark\.json: \$\.country is "dk", which does not fit/m);
  writeFileSync(join(dir, PROFILE), '{"id": "region-southern-denmark",');
  result = await checkDeploy({dir});
  assert.match(result.errors.join('\n'), /^error: partners\/region-southern-denmark\.json: is not JSON/m);
});

test('a slow server: each request gives up after --timeout, and the whole check stays bounded', async () => {
  const result = await checkDeploy({faults: {'*': {delay: 3000}}, args: ['--timeout', '400']});
  assert.equal(result.code, 1);
  assert.match(result.errors.join('\n'), /^error: partner-card\.js: no answer within 0\.4 s/m);
  // Four requests in the first round, then nothing more can be learnt: far below 3 s.
  assert.ok(result.seconds < 2.5, `took ${result.seconds} s`);
});

test('a few requests at a time: 25 partners, each profile and logo slow, never more than four requests at once, and more than one', async () => {
  const dir = upload();
  rmSync(join(dir, 'partners'), {recursive: true});
  cpSync(join(root, 'demo/generated/partners'), join(dir, 'partners'), {recursive: true});
  const result = await checkDeploy({dir, faults: {'*': {delay: 100}}});
  assert.equal(result.code, 0, result.stdout);
  assert.equal(result.requests.filter((r) => r.startsWith('/embed/partners/') && r.endsWith('.json')).length, 26);
  assert.equal(result.mostAtOnce, 4);
});

test('a host that cannot be reached is an error, exit code 1', async () => {
  const host = await startStaticHost({root: upload()});
  await host.close();
  const {stdout} = await run(process.execPath, [
    join(root, 'tools/cli/partner-card.mjs'),
    'check-deploy',
    host.url,
    '--timeout',
    '2000',
  ]).catch((/** @type {unknown} */ e) => /** @type {{stdout: string, stderr: string, code: number}} */ (e));
  assert.match(stdout, /^error: partner-card\.js: cannot be reached \(ECONNREFUSED\)/m);
});

test('no caching headers: warnings only (the card works), each with the header to send', async () => {
  const result = await checkDeploy({headers: headersFile.replace(/^\s*Cache-Control.*\n/gm, '')});
  assert.equal(result.code, 0, result.stdout);
  const warnings = result.warnings.join('\n');
  assert.match(
    warnings,
    /^warning: partner-card\.js: no Cache-Control header.*Fix: send "Cache-Control: public, max-age=300, must-revalidate"$/m,
  );
  assert.match(
    warnings,
    new RegExp(
      `^warning: ${release.module.replace(/\./g, '\\.')}: no Cache-Control header.*"Cache-Control: public, max-age=31536000, immutable"`,
      'm',
    ),
  );
  assert.match(warnings, /^warning: partners\/index\.json: no Cache-Control header/m);
  assert.match(warnings, /^warning: partners\/region-southern-denmark\.json: no Cache-Control header/m);
});

test('caching the wrong way round: the moving module immutable, the versioned one revalidated: warnings', async () => {
  const result = await checkDeploy({
    faults: {
      'partner-card.js': {headers: {'cache-control': 'public, max-age=31536000, immutable'}},
      [release.module]: {headers: {'cache-control': 'no-cache'}},
    },
  });
  assert.equal(result.code, 0);
  assert.match(
    result.warnings.join('\n'),
    /^warning: partner-card\.js: Cache-Control "public, max-age=31536000, immutable" keeps the newest card's module too long/m,
  );
  assert.match(result.warnings.join('\n'), /makes browsers ask again for a file that never changes/);
});

test('usage: no URL or not http(s) is refused with exit code 2 (a usage error)', async () => {
  for (const args of [[], ['ftp://example.org/embed/'], ['not a url']]) {
    /** @type {{stderr: string, code?: number}} */
    const {stderr, code} = await run(process.execPath, [join(root, 'tools/cli/partner-card.mjs'), 'check-deploy', ...args]).catch(
      (/** @type {unknown} */ e) => /** @type {{stdout: string, stderr: string, code: number}} */ (e),
    );
    assert.equal(code, 2);
    // One line saying what is wrong, then the usage.
    assert.match(
      stderr,
      /^(name the deployed folder's address|"[^"]+" is not an (http\(s\) )?address)[^\n]*\nUsage: partner-card check-deploy \[</,
    );
  }
});

test('an index.json that is not what the deployed profiles say: an error per difference, naming the partner and the field', async () => {
  const dir = upload();
  const index = JSON.parse(readFileSync(join(dir, 'partners/index.json'), 'utf8'));
  index.partners[0].summary = {en: 'An old summary.', da: 'Et gammelt resumé.'};
  index.partners.push({...index.partners[0], id: 'gone-partner'});
  writeFileSync(join(dir, 'partners/index.json'), JSON.stringify(index));
  // The profile listed but not there is its own error (a 404); the stale summary is the index's.
  const result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.ok(
    result.errors.some(
      (l) =>
        l.startsWith(
          "error: partners/index.json: is not what the deployed profiles say: region-southern-denmark: its summary is not the profile's",
        ) && l.includes('Fix: publish again (`partner-card publish`)'),
    ),
    result.stdout,
  );
  assert.ok(
    result.errors.some((l) => l.startsWith('error: partners/gone-partner.json: The profile of "gone-partner"')),
    result.stdout,
  );
});

test("an index.json without the countries' names, as one written before them: an error naming what is missing", async () => {
  const dir = upload();
  const index = JSON.parse(readFileSync(join(dir, 'partners/index.json'), 'utf8'));
  delete index.countries;
  writeFileSync(join(dir, 'partners/index.json'), JSON.stringify(index));
  const result = await checkDeploy({dir});
  assert.equal(result.code, 1);
  assert.deepEqual(result.errors, [
    'error: partners/index.json: is not what the deployed profiles say: it has no "countries" (their names in each language). Fix: publish again (`partner-card publish`) and upload the whole folder',
  ]);
});

test('redirects are followed as a browser follows them: a hop without Access-Control-Allow-Origin stops a CORS load, named with the hop', async () => {
  // The files moved to another host, which sends the headers; the old one redirects without them.
  const moved = await startStaticHost({root: upload(), headersFile});
  try {
    const withoutCors = await checkDeploy({
      faults: {'*': {status: 302, location: (path) => `${moved.url}${path}`, headers: {'access-control-allow-origin': null}}},
    });
    assert.equal(withoutCors.code, 1, withoutCors.stdout);
    for (const file of ['partner-card.js', release.module, 'partners/index.json'])
      assert.ok(
        withoutCors.errors.some(
          (l) =>
            l.startsWith(`error: ${file}: redirects (HTTP 302 at `) &&
            l.includes('without Access-Control-Allow-Origin on the redirect, so browsers stop there'),
        ),
        `${file} in:\n${withoutCors.stdout}`,
      );
    // The same redirects with the header on each hop: browsers follow them, and so does the check.
    const withCors = await checkDeploy({faults: {'*': {status: 302, location: (path) => `${moved.url}${path}`}}});
    assert.equal(withCors.code, 0, withCors.stdout);
    assert.deepEqual(withCors.errors, []);
  } finally {
    await moved.close();
  }
});

test('an answer larger than 16 MB is an error, read no further; a logo outside the folder is named and never requested', async () => {
  const dir = upload();
  const profile = JSON.parse(readFileSync(join(dir, PROFILE), 'utf8'));
  const result = await checkDeploy({
    dir,
    faults: {
      'partner-card.js': {body: () => Buffer.alloc(64 * 1024 * 1024, 32)},
      [PROFILE]: {
        body: () => Buffer.from(JSON.stringify({...profile, logo: {...profile.logo, src: 'http://127.0.0.1:9/internal-admin?token=1'}})),
      },
    },
  });
  assert.equal(result.code, 1, result.stdout);
  assert.ok(
    result.errors.some((l) => l.startsWith('error: partner-card.js: answers more than 16 MB')),
    result.stdout,
  );
  assert.ok(
    result.errors.some((l) =>
      l.startsWith(`error: ${PROFILE}: its logo http://127.0.0.1:9/internal-admin?token=1 is not in the folder's partners/`),
    ),
    result.stdout,
  );
  assert.ok(!result.stdout.includes('cannot be reached'), 'the address was not requested');
});

test('a redirect loop is named after 5 hops, not followed until the timeout', async () => {
  // Every file redirects to itself, with the header on each hop: only the hop count stops it.
  const result = await checkDeploy({faults: {'*': {status: 302, location: (path) => `/embed/${path}`}}});
  assert.equal(result.code, 1, result.stdout);
  assert.ok(
    result.errors.some((l) => l.startsWith('error: partner-card.js: redirects more than 5 times')),
    result.stdout,
  );
  assert.ok(!result.stdout.includes('no answer within'), result.stdout);
});
