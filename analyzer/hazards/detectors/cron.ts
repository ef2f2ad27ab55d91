import { type CallExpression, Node, type NewExpression } from 'ts-morph';
import { initializerOf, resolveValue } from '../support/exports';
import { appFiles } from '../support/files';
import { isFrom } from '../support/imports';
import { valueAnchor } from '../support/instances';
import { callsIn, calleeName, newsIn, propertyValue, receiverOf, shortText, stringValue, unwrap } from '../support/syntax';
import type { Detector, HazardContext, HazardSite } from '../types';

/** A scheduled job found in the source: the library and the schedule argument. */
interface Job {
  node: Node;
  library: string;
  schedule: Node | undefined;
}

/**
 * CRON_JOB: in-process schedulers (node-cron, cron, node-schedule, croner, agenda, bull/bullmq
 * repeatable jobs). Nothing runs between invocations of a function, so the job never fires
 * (or fires once per warm instance). The message carries the schedule verbatim as
 * `schedule "<expression>"` so a generator can translate it into a schedule event.
 */
export const detectCronJobs: Detector = (ctx) => {
  const jobs: Job[] = [];
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const job = callJob(ctx, call);
      if (job) jobs.push(job);
    }
    for (const created of newsIn(sf)) {
      const job = newJob(created);
      if (job) jobs.push(job);
    }
  }
  return jobs.map((job): HazardSite => ({
    code: 'CRON_JOB',
    severity: 'warning',
    node: job.node,
    message: `${job.library} job on schedule ${describeSchedule(job.schedule)} runs inside the server process; a function runs only while it handles an invocation, so the job never fires, or fires once per warm instance`,
    advice:
      'run it as a scheduled function instead: an EventBridge rule (serverless `schedule: cron(...)` or `rate(...)`, SAM `Schedule`) invoking the job code; AWS cron has six fields (minutes hours day-of-month month day-of-week year) and needs `?` in one of the day fields',
    anchor: valueAnchor(job.node),
  }));
};

function callJob(ctx: HazardContext, call: CallExpression): Job | undefined {
  const callee = call.getExpression();
  const args = call.getArguments();
  if (isFrom(callee, 'node-cron', 'schedule')) return { node: call, library: 'node-cron', schedule: args[0] };
  if (isFrom(callee, 'cron', 'job')) return { node: call, library: 'cron', schedule: args[0] };
  if (isFrom(callee, 'cron', 'CronJob.from')) return { node: call, library: 'cron', schedule: propertyValue(unwrap(args[0] ?? call), 'cronTime') };
  if (isFrom(callee, 'croner') || isFrom(callee, 'croner', 'Cron')) return { node: call, library: 'croner', schedule: args[0] };
  if (isFrom(callee, 'node-schedule', 'scheduleJob')) {
    const named = args.length >= 3 && stringValue(args[0]) !== undefined;
    return { node: call, library: 'node-schedule', schedule: named ? args[1] : args[0] };
  }
  const name = calleeName(call);
  if ((name === 'every' || name === 'schedule') && isAgenda(ctx, receiverOf(call))) return { node: call, library: 'agenda', schedule: args[0] };
  if (name === 'add') {
    const repeat = args.map((a) => propertyValue(unwrap(a), 'repeat')).find((r) => r !== undefined);
    const spec = repeat && (propertyValue(unwrap(repeat), 'cron') ?? propertyValue(unwrap(repeat), 'pattern') ?? propertyValue(unwrap(repeat), 'every'));
    if (repeat && spec) return { node: call, library: 'bull repeatable', schedule: spec };
  }
  return undefined;
}

function newJob(created: NewExpression): Job | undefined {
  const callee = created.getExpression();
  const args = created.getArguments();
  if (isFrom(callee, 'cron', 'CronJob'))
    return {
      node: created,
      library: 'cron',
      schedule: args[0] && Node.isObjectLiteralExpression(unwrap(args[0])) ? propertyValue(unwrap(args[0]), 'cronTime') : args[0],
    };
  if (isFrom(callee, 'croner', 'Cron') || isFrom(callee, 'croner')) return { node: created, library: 'croner', schedule: args[0] };
  return undefined;
}

/** Whether a receiver is an Agenda instance (`new Agenda(...)`, here or imported). */
function isAgenda(ctx: HazardContext, receiver: Node | undefined): boolean {
  if (!receiver) return false;
  const value = resolveValue(ctx, receiver);
  const init = value ? initializerOf(value) : undefined;
  return (
    !!init &&
    Node.isNewExpression(init) &&
    (isFrom(init.getExpression(), ['agenda', '@hokify/agenda']) || isFrom(init.getExpression(), ['agenda', '@hokify/agenda'], 'Agenda'))
  );
}

/** `"*\/5 * * * *"` for a literal; `every 60000` for a bull `every`; the source text otherwise. */
function describeSchedule(node: Node | undefined): string {
  if (!node) return '(unknown)';
  const literal = stringValue(node);
  if (literal !== undefined) return `"${literal}"`;
  const n = unwrap(node);
  if (Node.isNumericLiteral(n)) return `every ${n.getLiteralValue()} ms`;
  return `\`${shortText(n, 60)}\``;
}
