import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CallExpression, Node } from 'ts-morph';
import { isResponse } from '../support/express';
import { appFiles } from '../support/files';
import { isFrom, moduleRef } from '../support/imports';
import { runsAtRequestTime } from '../support/request-time';
import { isShippedPath, isSystemPath, shippedFolderOf } from '../support/shipped-path';
import { writeCall } from './disk-writes';
import { anchorOf, calleeName, callsIn, propertyValue, receiverOf, shortText, stringValue } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs']);
const FS_READS = new Set(['readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'readJson', 'readJsonSync']);

/** STATIC_ASSETS (info): `express.static`, serve-static, serve-favicon: files served from a local folder. */
export const detectStaticAssets: Detector = (ctx) =>
  appFiles(ctx).flatMap((sf) =>
    callsIn(sf)
      .filter((call) => isFrom(call.getExpression(), 'express', 'static') || isFrom(call.getExpression(), ['serve-static', 'serve-favicon']))
      .map((call): HazardSite => ({
        code: 'STATIC_ASSETS',
        severity: 'info',
        node: call,
        message: `\`${shortText(call, 60)}\` serves files from a local folder${mountPath(call)}; a function only has the files packaged with it, and serving assets through a function costs an invocation per file`,
        advice:
          'serve static assets from S3 behind CloudFront (or package the folder with one function and set API Gateway binary media types); files written at runtime, such as uploads, must come from S3',
        anchor: call,
        chain: [call],
      })),
  );

/** VIEW_RENDERING (info): a template engine (`app.set('view engine', ...)`, `app.engine`) and each `res.render(...)`. */
export const detectViewRendering: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const name = calleeName(call);
      const args = call.getArguments();
      const engine =
        (name === 'set' && stringValue(args[0]) === 'view engine') || (name === 'engine' && args.length === 2 && stringValue(args[0]) !== undefined);
      if (!engine && !(name === 'render' && isResponse(receiverOf(call)))) continue;
      sites.push({
        code: 'VIEW_RENDERING',
        severity: 'info',
        node: call,
        message: engine
          ? `\`${shortText(call, 50)}\` sets up server-side templates; every function that renders needs the views folder and the engine package`
          : `\`${shortText(call, 50)}\` renders a server-side template; the function needs the views folder and the engine package`,
        advice:
          'package the views folder and the template engine with every function that renders (views/** in the package patterns) and resolve views from __dirname, or move rendering to a front end served from S3/CloudFront',
        anchor: engine ? call : anchorOf(call),
        chain: [call],
      });
    }
  }
  return sites;
};

/**
 * LOCAL_FILE_READ_AT_REQUEST: `res.sendFile`, `res.download` and fs reads in code that runs
 * at request time. A function has only the files packaged with it, and never the files other
 * instances wrote (uploads): a warning. A read of a file shipped with the code (a path built
 * from `__dirname` and literals only, see `isShippedPath`), or of a file named at run time in
 * a folder of files kept with the code that no write of the app mentions (a template loader's
 * `path.join(__dirname, 'email-templates', name)`, see `shippedFolderOf`; a folder the source
 * tree does not hold is filled at run time, by someone), is `info`: it works once the file is
 * packaged. A read of an OS file (`/proc/self/cgroup` in an is-docker check) is no hazard.
 */
export const detectLocalFileReads: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  let writes: string[] | undefined;
  const written = (folder: string): boolean => {
    writes ??= appFiles(ctx).flatMap((sf) =>
      callsIn(sf)
        .filter((c) => writeCall(c) !== undefined)
        .map((c) => c.getText()),
    );
    const name = folder.split('/').pop()!;
    return writes.some((text) => text.includes(name));
  };
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const what = fileRead(call);
      if (!what || isSystemPath(call.getArguments()[0]) || !runsAtRequestTime(ctx, call)) continue;
      const direct = readsShippedFile(call);
      const folder = direct ? undefined : shippedFolderOf(call.getArguments()[0]);
      const inFolder = folder !== undefined && holdsFiles(path.join(path.dirname(sf.getFilePath()), folder)) && !written(folder);
      const shipped = direct || inFolder;
      sites.push({
        code: 'LOCAL_FILE_READ_AT_REQUEST',
        severity: shipped ? 'info' : 'warning',
        node: call,
        message: shipped
          ? `\`${shortText(call, 60)}\` ${what.replace(/a local file|the local disk/, 'a file shipped with the code')} (${inFolder ? `named at run time in ${folder}/, a folder of files beside the code that no code of the app writes to` : 'a path from __dirname and literals, or a deployment setting with such a default'}) at request time; the function needs that file packaged beside it`
          : `\`${shortText(call, 60)}\` ${what} at request time; a function only has the files packaged with it, and never files written by other instances (uploads)`,
        advice: shipped
          ? 'keep resolving it from __dirname and package it with the function (cleave copies the app files beside each bundle); serve large public files from S3/CloudFront'
          : 'package read-only files with the function and resolve them from __dirname; keep uploaded or generated files in S3 and serve them with a presigned URL or through CloudFront',
        anchor: anchorOf(call),
        chain: [call],
      });
    }
  }
  return sites;
};

/** Whether the file a read names is one shipped with the code (`res.sendFile(name, { root })` needs both parts shipped). */
function readsShippedFile(call: CallExpression): boolean {
  const [file, options] = call.getArguments();
  const root = propertyValue(options, 'root');
  if (root) return isShippedPath(root) && (stringValue(file) !== undefined || isShippedPath(file));
  return isShippedPath(file);
}

function fileRead(call: CallExpression): string | undefined {
  const name = calleeName(call);
  if ((name === 'sendFile' || name === 'download') && isResponse(receiverOf(call)))
    return name === 'download' ? 'sends a local file as a download' : 'sends a local file';
  const ref = moduleRef(call.getExpression());
  if (ref && FS_MODULES.has(ref.module) && FS_READS.has(ref.path[ref.path.length - 1] ?? '')) return 'reads the local disk';
  return undefined;
}

function mountPath(call: CallExpression): string {
  const parent = call.getParent();
  if (!parent || !Node.isCallExpression(parent) || calleeName(parent) !== 'use') return '';
  const first = parent.getArguments()[0];
  if (!first || first === call) return '';
  return ` at ${stringValue(first) ?? shortText(first, 40)}`;
}

/** Whether `dir` is a folder of the app's source tree holding at least one file (directly or below). */
function holdsFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile());
  } catch {
    return false;
  }
}
