// README's nginx configuration, run for real: nginx serves a copy of dist/
// as /embed/ with exactly the `location` block README gives, and
// `npm run check-deploy` finds nothing to say. Skipped, visibly, where nginx
// is not installed (.ci/run installs it).
import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, spawn, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const root = new URL('../../', import.meta.url).pathname;
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

test("README's nginx configuration serves dist/ as partners' pages need it: check-deploy finds no error and no warning", {skip: nginx ? false : 'nginx is not installed (apt-get install nginx-light)'}, async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```nginx\n([^]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README has an ```nginx block');
  const site = mkdtempSync(join(tmpdir(), 'partner-card-nginx-'));
  after(() => rmSync(site, {recursive: true, force: true}));
  cpSync(join(root, 'dist'), join(site, 'www/embed'), {recursive: true});
  mkdirSync(join(site, 'logs'));
  // nginx's workers run as an unprivileged user: the uploaded files must be readable by anyone, as on a server.
  spawnSync('chmod', ['-R', 'a+rX', site]);
  const port = await freePort();
  // The block as README has it; only the folder it names is this test's.
  const location = block.replaceAll('/var/www/project', join(site, 'www'));
  assert.notEqual(location, block, 'the block names the folder /var/www/project');
  writeFileSync(
    join(site, 'nginx.conf'),
    `daemon off;
pid ${site}/nginx.pid;
error_log ${site}/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${site}/tmp;
  proxy_temp_path ${site}/tmp;
  fastcgi_temp_path ${site}/tmp;
  uwsgi_temp_path ${site}/tmp;
  scgi_temp_path ${site}/tmp;
  server {
    listen 127.0.0.1:${port};
${location}
  }
}
`,
  );
  const server = spawn(/** @type {string} */ (nginx), ['-c', join(site, 'nginx.conf'), '-p', site], {stdio: 'inherit'});
  after(() => server.kill());
  const url = `http://127.0.0.1:${port}/embed/`;
  for (let i = 0; i < 50; i++) {
    if (await fetch(url + 'release.json').then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const {stdout} = await promisify(execFile)(process.execPath, [join(root, 'scripts/check-deploy.mjs'), url]).catch((e) => e);
  assert.match(stdout, /: 0 error\(s\), 0 warning\(s\)\.\n/, stdout);
});
