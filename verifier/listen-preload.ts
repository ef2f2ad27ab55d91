/**
 * Preloaded (`node -r`) into the monolith that `cleave verify` starts: every `listen` binds
 * 127.0.0.1 on a free port (never a public one), and the first port is sent to the parent with
 * the modules loaded by then (`require.cache`: what the entry loads at boot; the entry's own
 * synchronous code has run when the server is listening). It exits when the parent goes away.
 */
import * as net from 'node:net';

const original = net.Server.prototype.listen;
let reported = false;
net.Server.prototype.listen = function listen(this: net.Server, ...args: unknown[]): net.Server {
  const callback = args.find((a): a is () => void => typeof a === 'function');
  this.once('listening', () => {
    const address = this.address();
    if (!reported && address && typeof address === 'object' && process.send) {
      reported = true;
      process.send({ cleaveVerifyPort: address.port, cleaveVerifyModules: Object.keys(require.cache) });
    }
  });
  return (original as (...a: unknown[]) => net.Server).call(this, 0, '127.0.0.1', callback);
} as typeof original;

// The monolith lives only as long as the verify run that started it: if that process ends
// without stopping it (a crash, a kill), the IPC channel closes and the monolith exits too.
process.on('disconnect', () => process.exit(0));
