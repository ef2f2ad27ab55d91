import { type CallExpression, type NewExpression, Node, SyntaxKind } from 'ts-morph';
import { appFiles } from '../support/files';
import { importsAny, isFrom, moduleRef } from '../support/imports';
import { holderOf, multerUses, valueAnchor } from '../support/instances';
import { runsAtRequestTime } from '../support/request-time';
import { callsIn, newsIn, nodesOfKind, propertyValue, shortText, stringValue, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs']);
const FS_WRITES = new Set([
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'createWriteStream',
  'copyFile',
  'copyFileSync',
  'rename',
  'renameSync',
  'cp',
  'cpSync',
  'outputFile',
  'outputFileSync',
  'outputJson',
  'outputJsonSync',
  'writeJson',
  'writeJsonSync',
  'ensureDir',
  'ensureDirSync',
  'mkdirp',
  'mkdirpSync',
  'mkdirs',
  'mkdirsSync',
  'ensureFile',
  'ensureFileSync',
  'move',
  'moveSync',
]);
const LOG_FILE_TYPES = new Set(['file', 'dateFile', 'fileSync', 'multiFile']);

type Kind = 'upload' | 'log' | 'file';

const ADVICE: Record<Kind, string> = {
  upload:
    'store uploads in object storage: S3 with presigned URLs for direct uploads, or multer memory storage / multer-s3 then PutObject; serve them from S3 or CloudFront',
  log: 'log to stdout/stderr (CloudWatch Logs collects and retains it); drop file transports and log rotation',
  file: 'write shared or lasting data to S3 (or DynamoDB for small records); use os.tmpdir() only for scratch files needed within one invocation',
};

/**
 * LOCAL_DISK_WRITE: fs writes (writeFile*, appendFile*, mkdir*, createWriteStream, ...),
 * multer disk storage or `dest`, express-fileupload temp files, log files and rotation.
 * A function's disk is read-only outside /tmp, and /tmp is per instance and ephemeral.
 */
export const detectDiskWrites: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  const add = (node: Node, kind: Kind, what: string, uses: Node[] = []): void => {
    const boot = !runsAtRequestTime(ctx, node);
    const tmp = /tmp/i.test(node.getText())
      ? '; /tmp is writable but per instance and lost when the instance is recycled'
      : "; outside /tmp a function's file system is read-only";
    sites.push({
      code: 'LOCAL_DISK_WRITE',
      severity: 'warning',
      node,
      message: `${what} writes to the local disk${boot && kind !== 'upload' ? ' when the module loads' : ''}${tmp}, and other functions and instances never see the files`,
      advice: ADVICE[kind],
      anchor: valueAnchor(node),
      chain: [node, ...uses],
    });
  };
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const found = writeCall(call);
      if (!found) continue;
      // a disk storage is used through the multer instances of its file; a `dest` one is the instance
      const instances = found.kind !== 'upload' ? [] : isFrom(call.getExpression(), 'multer') ? [call] : callsIn(sf).filter((c) => usesStorage(c, call));
      add(
        call,
        found.kind,
        found.what,
        instances.flatMap((i) => multerUses(ctx, i)),
      );
    }
    for (const created of newsIn(sf)) {
      if (isLogFileTransport(created)) add(created, 'log', `log transport \`${shortText(created, 50)}\``);
    }
    if (importsAny(sf, ['log4js'])) {
      for (const node of nodesOfKind(sf, SyntaxKind.PropertyAssignment)) {
        if (node.getName() === 'type' && LOG_FILE_TYPES.has(stringValue(node.getInitializer()) ?? ''))
          add(node, 'log', `log4js \`${stringValue(node.getInitializer())}\` appender`);
      }
    }
  }
  return sites;
};

/** What a call writes to the local disk (an fs write, a multer disk storage, a log file), if it does. */
export function writeCall(call: CallExpression): { kind: Kind; what: string } | undefined {
  const callee = call.getExpression();
  const ref = moduleRef(callee);
  if (!ref) return undefined;
  const last = ref.path[ref.path.length - 1] ?? '';
  if (FS_MODULES.has(ref.module) && FS_WRITES.has(last)) {
    return { kind: /log/i.test(call.getText()) ? 'log' : 'file', what: `\`${shortText(call, 60)}\`` };
  }
  if ((ref.module === 'mkdirp' || ref.module === 'make-dir') && ref.path.length <= 1) return { kind: 'file', what: `\`${shortText(call, 60)}\`` };
  if (ref.module === 'multer' && last === 'diskStorage') return { kind: 'upload', what: 'multer disk storage' };
  const options = unwrap(call.getArguments()[0] ?? call);
  if (ref.module === 'multer' && ref.path.length === 0 && propertyValue(options, 'dest'))
    return { kind: 'upload', what: `multer with \`dest: ${shortText(propertyValue(options, 'dest')!, 40)}\`` };
  if (ref.module === 'express-fileupload' && ref.path.length === 0 && propertyValue(options, 'useTempFiles')?.getText() === 'true')
    return { kind: 'upload', what: 'express-fileupload with `useTempFiles`' };
  if (ref.module === 'rotating-file-stream' || ref.module === 'file-stream-rotator') return { kind: 'log', what: `log rotation \`${shortText(call, 50)}\`` };
  if (ref.module === 'pino' && last === 'destination' && !/^[12]$/.test(call.getArguments()[0]?.getText() ?? '1'))
    return { kind: 'log', what: `\`${shortText(call, 50)}\`` };
  return undefined;
}

function isLogFileTransport(created: NewExpression): boolean {
  const callee = created.getExpression();
  return isFrom(callee, 'winston', 'transports.File', 'transports.DailyRotateFile') || isFrom(callee, 'winston-daily-rotate-file');
}

/** Whether `multer(...)` is configured with the disk storage `storage` (inline or through its variable). */
function usesStorage(call: CallExpression, storage: CallExpression): boolean {
  if (!isFrom(call.getExpression(), 'multer')) return false;
  const value = propertyValue(unwrap(call.getArguments()[0] ?? call), 'storage');
  if (!value) return false;
  const holder = holderOf(storage);
  return unwrap(value) === storage || (!!holder && Node.isVariableDeclaration(holder) && unwrap(value).getText() === holder.getName());
}
