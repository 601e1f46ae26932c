// A real nginx for the Node tests, serving a folder the way README's
// configuration says: `location` (README's block, its /var/www/project turned
// into the test's folder) inside a server that may also have a site's own
// `competing` locations. Its own process group, stopped as a whole by stop().
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** The nginx program, when installed (`.ci/run` installs Debian's nginx-light). */
export const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => spawnSync(path, ['-v']).status === 0);

/** @returns {Promise<number>} */
export const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => {
        resolve(port);
      });
    });
  });

/**
 * Starts nginx with `root` as /var/www/project (README's block's folder) and waits until
 * `probe` (a path) answers 200.
 * @param {{root: string, location: string, competing?: string, probe: string}} options
 * @returns {Promise<{origin: string, stop: () => void}>}
 */
export async function startNginx({root, location, competing = '', probe}) {
  if (!nginx) throw new Error('nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'partner-card-nginx-'));
  mkdirSync(join(dir, 'logs'));
  // Its workers run as an unprivileged user: everything they serve must be readable.
  spawnSync('chmod', ['-R', 'a+rX', root]);
  spawnSync('chmod', ['a+x', ...ancestors(root)]);
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/tmp;
  proxy_temp_path ${dir}/tmp;
  fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp;
  scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${root};
${competing}
${location.replaceAll('/var/www/project', root)}
  }
}
`,
  );
  const server = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir], {stdio: 'inherit', detached: true});
  const stop = () => {
    try {
      process.kill(-(server.pid ?? 0), 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dir, {recursive: true, force: true});
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(origin + probe).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i === 50) throw new Error(`nginx did not answer ${probe} within 5 s (see ${dir}/logs/error.log)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    stop();
    throw error;
  }
  return {origin, stop};
}

/** The folders above `path`, which nginx's workers must be able to pass through. @param {string} path */
function ancestors(path) {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}
