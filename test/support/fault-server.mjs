// Dev-server middleware that lets tests meet real HTTP behaviour: answers with
// a chosen status, or serves fixtures to another origin with CORS.
//
//   /status/<code>/<anything>   → that HTTP status, plain-text body
//   /cors/<path>                → <path> as usual, plus Access-Control-Allow-Origin: *
//   /flaky/<key>/<path>         → 503 the first time <key> is asked for, then <path> as usual
//   /alias/<key>/<path>         → <path>: a fresh URL for the same file, so a test has its own cache entry
//   /slow/<ms>/<path>           → <path>, after a delay of <ms> milliseconds (at most 20 s)
const flakyKeys = new Set();

export async function faultServer(ctx, next) {
  const flaky = ctx.path.match(/^\/flaky\/([^/]+)(\/.*)$/);
  if (flaky) {
    if (!flakyKeys.has(flaky[1])) {
      flakyKeys.add(flaky[1]);
      ctx.status = 503;
      // Without this, Chromium's HTTP cache may answer the retry with the same 503.
      ctx.set('Cache-Control', 'no-store');
      ctx.body = 'try again later';
      return;
    }
    ctx.url = flaky[2];
  }
  const slow = ctx.path.match(/^\/slow\/(\d+)(\/.*)$/);
  if (slow) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(slow[1]), 20_000)));
    ctx.url = slow[2];
  }
  const alias = ctx.path.match(/^\/alias\/[^/]+(\/.*)$/);
  if (alias) ctx.url = alias[1];
  const status = ctx.path.match(/^\/status\/(\d{3})\//);
  if (status) {
    ctx.status = Number(status[1]);
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = `status ${status[1]}`;
    return;
  }
  if (ctx.path.startsWith('/cors/')) {
    ctx.url = ctx.url.slice('/cors'.length);
    await next();
    ctx.set('Access-Control-Allow-Origin', '*');
    return;
  }
  await next();
}
