// A static host for tests of a deployment: serves a folder under a path
// prefix (as a project site serves the uploaded dist/ under /embed/), with
// Content-Type by extension like any static host, and the response headers
// of a `_headers` file (the format of Netlify, Cloudflare Pages and similar
// hosts). The tests feed it the `_headers` block of README, so the documented
// configuration is the one tested. Faults can be planted per test.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Rules of a `_headers` file: a line with a path (`*` matches anything), then
 * indented `Name: value` lines. Every matching rule applies.
 * @param {string} text
 * @returns {{pattern: RegExp, headers: [string, string][]}[]}
 */
export function parseHeadersFile(text) {
  /** @type {{pattern: RegExp, headers: [string, string][]}[]} */
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      rules.push({pattern: new RegExp(`^${source}$`), headers: []});
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The `_headers` block of README ("Hosting the card"). */
export async function readmeHeadersFile() {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /```text\n(# _headers[^]*?)```/.exec(readme);
  if (!block) throw new Error('README has no ```text block starting with "# _headers"');
  return block[1];
}

/**
 * @typedef {{status?: number, delay?: number, body?: (body: Buffer) => Buffer, headers?: Record<string, string | null>, location?: (path: string) => string}} Fault
 *   location: a Location header for the file's path under the prefix (with a 3xx status, a redirect)
 * @param {{root: string, prefix?: string, headersFile?: string, faults?: Partial<Record<string, Fault>>}} options
 *   faults: by path under the prefix (`partners/x.json`), or `*` for every file
 *   inFlight counts the requests under partners/ at once
 * @returns {Promise<{url: string, requests: string[], inFlight: {now: number, most: number}, close(): Promise<void>}>}
 */
export async function startStaticHost({root, prefix = '/embed/', headersFile = '', faults = {}}) {
  const rules = parseHeadersFile(headersFile);
  /** @type {string[]} */
  const requests = [];
  const inFlight = {now: 0, most: 0};
  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  const serve = async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    requests.push(path);
    // Counted for the profiles' folder, where a deployment has the most files.
    if (path.includes('/partners/')) {
      inFlight.most = Math.max(inFlight.most, ++inFlight.now);
      response.on('close', () => inFlight.now--);
    }
    const inside = path.startsWith(prefix) ? normalize(path.slice(prefix.length)) : '';
    const fault = faults[inside] ?? faults['*'] ?? {};
    if (fault.delay) await new Promise((resolve) => setTimeout(resolve, fault.delay));
    if (response.destroyed) return;
    let body;
    try {
      if (!inside || inside.startsWith('..')) throw new Error('outside');
      body = await readFile(join(root, inside));
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
      return;
    }
    /** @type {Record<string, string>} */
    const headers = {'content-type': /** @type {Partial<Record<string, string>>} */ (TYPES)[extname(inside)] ?? 'application/octet-stream'};
    for (const rule of rules) if (rule.pattern.test(path)) for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    for (const [name, value] of Object.entries(fault.headers ?? {})) {
      if (value === null) Reflect.deleteProperty(headers, name.toLowerCase());
      else headers[name.toLowerCase()] = value;
    }
    if (fault.location) headers.location = fault.location(inside);
    if (fault.body) body = fault.body(body);
    response.writeHead(fault.status ?? 200, headers).end(body);
  };
  const server = createServer((request, response) => void serve(request, response));
  await new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(undefined);
    }),
  );
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    requests,
    inFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
