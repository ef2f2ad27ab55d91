import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, type Summary, note, runWorker, summarize } from './measure';

/** One end-to-end `cleave split` of a generated app at scale. */
export interface SplitScaleRow {
  /** What the app is (`20000 routes in one file`). */
  app: string;
  routes: number;
  files: number;
  /** Functions the plan made. */
  functions?: number;
  split: Summary;
}

/** The apps of issue 14: many routes in one file, and many router files of one route each. */
export interface SplitScaleSizes {
  /** Routes registered in one server file. */
  oneFileRoutes: number;
  /** Router files, one route each, mounted by one server file. */
  routerFiles: number;
}

const PACKAGE = JSON.stringify({ name: 'scale', version: '1.0.0', private: true, main: 'server.js', dependencies: { express: '^5.1.0' } });

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** An app whose packages resolve from cleave's own install (the bundles need Express installed). */
function startApp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  write(dir, 'package.json', PACKAGE);
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/** `routes` inline handlers registered in server.js. */
export function oneFileApp(dir: string, routes: number): void {
  startApp(dir);
  const lines = ["const express = require('express');", 'const app = express();'];
  for (let i = 1; i <= routes; i++) lines.push(`app.get('/items${i}/:id', (req, res) => res.json({ id: req.params.id, n: ${i} }));`);
  write(dir, 'server.js', `${lines.join('\n')}\nmodule.exports = app;\n`);
}

/** `files` routers of one route each under routes/, each mounted by server.js. */
export function routerFilesApp(dir: string, files: number): void {
  startApp(dir);
  const lines = ["const express = require('express');", 'const app = express();', 'app.use(express.json());'];
  for (let i = 1; i <= files; i++) {
    lines.push(`app.use('/r${i}', require('./routes/r${i}'));`);
    write(
      dir,
      `routes/r${i}.js`,
      `const { Router } = require('express');\nconst router = Router();\nrouter.get('/items/:id', (req, res) => res.json({ id: req.params.id, n: ${i} }));\nmodule.exports = router;\n`,
    );
  }
  write(dir, 'server.js', `${lines.join('\n')}\nmodule.exports = app;\n`);
}

/** `cleave split` end to end (analyze, plan, generate, bundle) of both apps, `runs` fresh processes each. */
export function measureSplitScale(sizes: SplitScaleSizes, runs: number, work: string): SplitScaleRow[] {
  const apps = [
    { app: `${sizes.oneFileRoutes} routes in one file`, routes: sizes.oneFileRoutes, files: 1, make: (d: string) => oneFileApp(d, sizes.oneFileRoutes) },
    {
      app: `${sizes.routerFiles} router files, one route each`,
      routes: sizes.routerFiles,
      files: sizes.routerFiles + 1,
      make: (d: string) => routerFilesApp(d, sizes.routerFiles),
    },
  ];
  return apps.map(({ app, routes, files, make }, i) => {
    const dir = path.join(work, `split-scale-${i}`);
    make(dir);
    const out = path.join(dir, 'functions');
    const samples = [];
    for (let run = 0; run < runs; run++) {
      note(`split, ${app}: run ${run + 1}/${runs}`);
      fs.rmSync(out, { recursive: true, force: true });
      samples.push(runWorker('cli', ['split', dir, '-o', out, '--quiet']));
      if (!samples[run]!.ok) break;
    }
    let functions: number | undefined;
    try {
      functions = (fs.readFileSync(path.join(out, 'cleave.plan.yaml'), 'utf8').match(/^ {2}- id: /gm) ?? []).length;
    } catch {
      functions = undefined;
    }
    return { app, routes, files, ...(functions !== undefined ? { functions } : {}), split: summarize(samples) };
  });
}
