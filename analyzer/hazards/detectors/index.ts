import type { Detector } from '../types';
import { detectLocalFileReads, detectStaticAssets, detectViewRendering } from './assets';
import { detectBodies } from './bodies';
import { detectConnections } from './connections';
import { detectCronJobs } from './cron';
import { detectDiskWrites } from './disk-writes';
import { detectDynamicCode } from './dynamic-code';
import { detectEventEmitters } from './event-emitters';
import { detectEventRegistries } from './event-registries';
import { detectLifecycle } from './lifecycle';
import { detectModuleState } from './module-state';
import { detectMemoryRateLimits } from './rate-limits';
import { detectServerSentEvents, detectWebSocketServers } from './realtime';
import { detectSecretFallbacks } from './secrets';
import { detectSelfHttpCalls } from './self-http';
import { detectSessionStores } from './sessions';
import { detectStatefulInstances } from './stateful-instances';
import { detectBootTimers } from './timers';

/**
 * Every hazard detector, by name. Each is syntactic and pure: `(ctx) => HazardSite[]`.
 * Codes and severities are listed in docs/hazards.md.
 */
export const DETECTORS: Record<string, Detector> = {
  moduleState: detectModuleState,
  statefulInstances: detectStatefulInstances,
  sessionStores: detectSessionStores,
  memoryRateLimits: detectMemoryRateLimits,
  bootTimers: detectBootTimers,
  cronJobs: detectCronJobs,
  diskWrites: detectDiskWrites,
  webSocketServers: detectWebSocketServers,
  serverSentEvents: detectServerSentEvents,
  lifecycle: detectLifecycle,
  connections: detectConnections,
  staticAssets: detectStaticAssets,
  viewRendering: detectViewRendering,
  localFileReads: detectLocalFileReads,
  bodies: detectBodies,
  selfHttpCalls: detectSelfHttpCalls,
  dynamicCode: detectDynamicCode,
  eventEmitters: detectEventEmitters,
  eventRegistries: detectEventRegistries,
  secretFallbacks: detectSecretFallbacks,
};
