import type { PlanFunction, SplitPlan } from '../../model/plan';
import { handlerFile, RUNTIME_FILE, scheduleFile } from '../layout';
import type { GenerateContext, GeneratorDiagnostic, GeneratorOutput } from '../types';
import { emitHandler } from './emit-handler';
import { emitRuntime } from './emit-runtime';
import { emitSchedule } from './emit-schedule';
import { type BootEffectsByFile, type MountPlan, planMounts } from './mount-plan';
import { bootEffects } from '../slice/boot-effects';
import { type FunctionSlices, functionSlices, sliceRoot } from '../slice/function-slices';

/**
 * The handlers of a plan: the shared runtime, one `functions/<id>/handler.ts` per function and
 * one `schedules/<id>/handler.ts` per schedule, with what could not be reproduced exactly, and
 * `served`: the route ids each function's handler really serves (the rest reach the monolith
 * through the fallback), from which every deployment target takes its gateway routes. Pure.
 */
export function generateHandlers(plan: SplitPlan, context: GenerateContext): GeneratorOutput & { served: Map<string, Set<string>> } {
  const boot = bootEffectsOf(context.sources ?? new Map());
  const planned = plan.functions.map((fn) => ({ fn, mounts: planMounts(plan, fn, boot) }));
  const captureApp = planned.some((p) => p.mounts.mounts.some((m) => m.entry !== undefined));
  const files = [{ path: RUNTIME_FILE, contents: emitRuntime(plan, { captureApp }) }];
  const diagnostics: GeneratorDiagnostic[] = [];
  const servedElsewhere: Record<string, string[]> = {};
  for (const { fn, mounts } of planned) {
    const file = handlerFile(fn.id);
    const roots = mounts.mounts.map((m) => m.entry ?? m.target.file);
    const slices = functionSlices(plan, fn.id, roots, context);
    const found = [...handlerDiagnostics(fn, mounts, file, slices.sliced.length > 0), ...sliceDiagnostics(fn, slices, file)];
    diagnostics.push(...found);
    const notes = found.map((d) => `${d.code}: ${d.message}`);
    files.push(...slices.files);
    if (slices.servedElsewhere.length > 0) servedElsewhere[fn.id] = slices.servedElsewhere;
    const site = { file, appDir: context.appDir, ...(slices.copies.size > 0 ? { slices: { copies: slices.copies, root: sliceRoot(fn.id) } } : {}) };
    files.push({ path: file, contents: emitHandler({ plan, fn, mounts, site, notes }) });
  }
  for (const schedule of plan.schedules) {
    if (!schedule.rate) continue;
    files.push({ path: scheduleFile(schedule.id), contents: emitSchedule(plan, schedule) });
    diagnostics.push({
      code: 'SCHEDULE_NOT_WIRED',
      severity: 'warning',
      file: scheduleFile(schedule.id),
      subject: schedule.id,
      message: `the job started at ${schedule.file}:${schedule.line} is not importable on its own; its scheduled function is generated with the event disabled`,
      advice: 'export one tick of the job from the monolith, call it in the handler and enable the schedule',
    });
  }
  const served = new Map(planned.map(({ fn, mounts }) => [fn.id, new Set(mounts.mounts.flatMap((m) => m.routes.map((r) => r.id)))]));
  return { files, diagnostics, served, ...(Object.keys(servedElsewhere).length > 0 ? { servedElsewhere } : {}) };
}

/** The boot effects of every registering module whose text the generators were given. */
function bootEffectsOf(sources: ReadonlyMap<string, string>): BootEffectsByFile {
  const registering = new Set(sources.keys());
  return new Map([...sources].map(([file, text]) => [file, bootEffects(file, text, registering)]));
}

function handlerDiagnostics(fn: PlanFunction, mounts: MountPlan, file: string, sliced: boolean): GeneratorDiagnostic[] {
  const out: GeneratorDiagnostic[] = [];
  for (const [reason, routes] of byReason(mounts.omitted)) {
    out.push({
      code: 'ROUTE_NOT_REPRODUCIBLE',
      severity: 'error',
      file,
      subject: fn.id,
      route: routes[0],
      message: `${list(routes)} left out of the handler: ${reason}`,
      advice: 'export the router (or the app, or a factory without parameters that builds it), or keep the routes in the monolith',
    });
  }
  for (const [reason, routes] of byReason(mounts.wholeApp)) {
    out.push({
      code: 'WHOLE_APP_FALLBACK',
      severity: 'info',
      file,
      subject: fn.id,
      route: routes[0],
      message: `${list(routes)} served through the monolith app as it is built (only this function's routes let through), because ${reason}; ${sliced ? "its registering modules are imported as copies without other functions' registrations (see REGISTRATIONS_SLICED)" : "no registration of another function is on its way, so the monolith's own modules are imported as they are"}`,
      advice: 'nothing to do; to import one router instead of the app, export the router that registers the routes and make the middleware above it importable',
    });
  }
  return out;
}

function sliceDiagnostics(fn: PlanFunction, slices: FunctionSlices, file: string): GeneratorDiagnostic[] {
  const pruned: GeneratorDiagnostic[] =
    slices.pruned.length === 0
      ? []
      : [
          {
            code: 'EXPORTS_PRUNED',
            severity: 'info',
            file,
            subject: fn.id,
            message: `imports ${list(slices.pruned)} as copies under ${sliceRoot(fn.id)}/ without the ${count(slices.droppedExports, 'export')} none of its routes use, nor the declarations and requires only those used, so what they need stays out of the bundle`,
            advice: 'nothing to do; the copies follow the monolith at every generate',
          },
        ];
  if (slices.sliced.length === 0) return pruned;
  const copies = [...slices.copies].sort();
  return [
    {
      code: 'REGISTRATIONS_SLICED',
      severity: 'info',
      file,
      subject: fn.id,
      message: `imports the monolith's registering modules as copies under ${sliceRoot(fn.id)}/ (${list(copies)}): ${leftOut(slices)} left out of ${list(slices.sliced)}, with ${count(slices.imports, 'import')} only they used, so their code stays out of the bundle${slices.boot > 0 ? `; ${count(slices.boot, 'boot statement')} the platform replaces (timers, cron jobs, websocket servers, shutdown handlers, and what uses them) left out too` : ''}${slices.strategies.length > 0 ? `; the passport strategies none of its routes authenticates with (${slices.strategies.join(', ')}) not registered, so their code and packages stay out too` : ''}${slices.loopRequires > 0 ? `; its loops over modules load only its own, the modules only other functions register (${slices.servedElsewhere.join(', ')}) get an inert stand-in` : ''}${slices.controllerLists > 0 ? `; ${count(slices.controllerLists, 'routing-controllers call lists', 'routing-controllers calls list')} only the controller classes of its routes, required by path (a glob of controller files would match no file beside the bundle)` : ''}`,
      advice: 'nothing to do; the copies follow the monolith at every generate',
    },
    ...pruned,
  ];
}

/** The registrations and route table entries a function's copies leave out. */
function leftOut(slices: FunctionSlices): string {
  const registrations = `${count(slices.statements, 'registration')} of other functions' routes and routers`;
  if (slices.tableEntries === 0) return registrations;
  const entries = `${count(slices.tableEntries, 'route table entry', 'route table entries')} carrying only other functions' routers or routes (its loops over the tables and route maps never register them)`;
  return slices.statements === 0 ? entries : `${registrations} and ${entries}`;
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function byReason(items: Array<{ route: string; reason: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { route, reason } of items) out.set(reason, [...(out.get(reason) ?? []), route]);
  return out;
}

function list(routes: string[]): string {
  return routes.length <= 3 ? routes.join(', ') : `${routes.slice(0, 3).join(', ')} and ${routes.length - 3} more`;
}
