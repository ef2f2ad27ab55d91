'use strict';
// One measurement in a fresh process, so neither side profits from a warm module cache or JIT.
// Plain JavaScript on purpose: no TypeScript loader runs here, so its cost falls on neither side.
//
//   node bench/worker.js <result.json> cli <cleave args...>    cleave's CLI in process (dist/)
//   node bench/worker.js <result.json> madge <dir> [tsconfig]   madge's JavaScript API
//   node bench/worker.js <result.json> require <bundle.js>      cold require of a bundle
//
// Writes { ok, loadMs, runMs, totalMs, maxRssMB, ... } to <result.json>: loadMs is the time to
// require the tool, runMs the time of the work itself, maxRssMB the process' peak resident memory.
const start = performance.now();
const fs = require('node:fs');
const path = require('node:path');

const [resultFile, mode, ...args] = process.argv.slice(2);

function finish(result) {
  const totalMs = performance.now() - start;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  fs.writeFileSync(resultFile, JSON.stringify({ ok: true, ...result, totalMs, maxRssMB }));
  process.exit(0);
}

function fail(error, extra = {}) {
  fs.writeFileSync(resultFile, JSON.stringify({ ok: false, error: String(error && error.stack ? error.stack : error).slice(0, 2000), ...extra }));
  process.exit(1);
}

async function main() {
  if (mode === 'cli') {
    const t0 = performance.now();
    const cli = require(path.join(__dirname, '..', 'dist', 'cli', 'main.js'));
    const t1 = performance.now();
    const code = await cli.main(['node', 'cleave', ...args]);
    const t2 = performance.now();
    // 1 = finished with error-level findings (still a complete run); 2 = usage or input error.
    if (code !== 0 && code !== 1) return fail(`cleave ${args.join(' ')} exited with ${code}`, { exitCode: code });
    return finish({ loadMs: t1 - t0, runMs: t2 - t1, exitCode: code });
  }
  if (mode === 'madge') {
    const [dir, tsConfig] = args;
    const t0 = performance.now();
    const madge = require('madge');
    const t1 = performance.now();
    const result = await madge(dir, {
      fileExtensions: ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'],
      ...(tsConfig ? { tsConfig } : {}),
    });
    const graph = result.obj();
    const t2 = performance.now();
    const files = Object.keys(graph).length;
    const edges = Object.values(graph).reduce((n, deps) => n + deps.length, 0);
    return finish({ loadMs: t1 - t0, runMs: t2 - t1, files, edges });
  }
  if (mode === 'require') {
    const t0 = performance.now();
    const loaded = require(path.resolve(args[0]));
    const t1 = performance.now();
    return finish({ loadMs: t1 - t0, runMs: 0, exports: Object.keys(loaded || {}).slice(0, 10) });
  }
  return fail(`unknown mode ${mode}`);
}

main().catch((error) => fail(error));
