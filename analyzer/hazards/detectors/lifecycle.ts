import { appFiles } from '../support/files';
import { listensAsServer } from '../support/servers';
import { anchorOf, calleeName, callsIn, receiverOf, shortText, stringValue } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const SIGNALS = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'beforeExit', 'exit']);

/**
 * LISTEN_CALL (info): `app.listen(...)` / `server.listen(...)` on an app or an HTTP server (see
 * `listensAsServer`). A function is invoked through a handler, never listens; the entry that
 * listens stays for local runs and the monolith.
 * SHUTDOWN_HANDLER (info): `process.on('SIGTERM' | 'SIGINT' | ..., ...)` graceful shutdown,
 * which a function never gets to run.
 */
export const detectLifecycle: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  for (const sf of appFiles(ctx)) {
    for (const call of callsIn(sf)) {
      const name = calleeName(call);
      const receiver = receiverOf(call);
      if (!receiver) continue;
      if (name === 'listen' && listensAsServer(ctx, call)) {
        sites.push({
          code: 'LISTEN_CALL',
          severity: 'info',
          node: call,
          message: `\`${shortText(call, 50)}\` starts a long-running HTTP server; a function is invoked through its handler and never listens`,
          advice:
            'generated handlers build the app without listening; keep `listen` only in the entry file (guard it with `require.main === module`) so importing the app never starts a server',
          anchor: anchorOf(call),
        });
      } else if ((name === 'on' || name === 'once' || name === 'addListener') && receiver.getText() === 'process') {
        const signal = stringValue(call.getArguments()[0]);
        if (!signal || !SIGNALS.has(signal)) continue;
        sites.push({
          code: 'SHUTDOWN_HANDLER',
          severity: 'info',
          node: call,
          message: `\`process.${name}('${signal}')\` graceful-shutdown handler; a function instance is frozen and discarded without running it`,
          advice:
            'do not rely on it in a function: keep connections reusable across invocations and let the platform recycle them (only Lambda extensions receive SIGTERM); keep it for the monolith',
          anchor: anchorOf(call),
        });
      }
    }
  }
  return sites;
};
