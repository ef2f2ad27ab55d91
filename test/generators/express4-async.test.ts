import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { goldenDir, sampleDir } from '../../scripts/golden';

/** The Express 4 the TypeScript sample runs on (not the Express 5 at the repository root). */
const EXPRESS4 = path.join(sampleDir('shop-api'), 'node_modules', 'express');

// Express 4 ignores the promise an async handler returns: a rejection never reaches the error
// handler and ends the process. The generated runtime routes it to next(err), as Express 5 does.
describe('generated runtime on Express 4', () => {
  it('sends a rejected async handler to the error handler', async () => {
    const express4 = require(EXPRESS4) as typeof import('express');
    const layer4 = require(path.join(EXPRESS4, 'lib', 'router', 'layer')) as unknown; // the very module express4 uses
    let answer: { status: number; body: string } | undefined;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('express', () => express4, { virtual: true });
      jest.doMock('express/lib/router/layer', () => layer4, { virtual: true });
      const runtime = require(path.join(goldenDir('shop-api'), 'functions', '_cleave', 'runtime.ts')) as { routeAsyncErrorsToNext(): void };
      runtime.routeAsyncErrorsToNext();
      runtime.routeAsyncErrorsToNext(); // idempotent
      const app = express4();
      app.get('/boom', async () => {
        throw new Error('boom');
      });
      app.use(
        (err: Error, _req: import('express').Request, res: import('express').Response, _next: import('express').NextFunction) =>
          void res.status(503).send(`handled ${err.message}`),
      );
      const server = app.listen(0, '127.0.0.1');
      try {
        await new Promise((resolve) => server.once('listening', resolve));
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`, { headers: { connection: 'close' } });
        answer = { status: response.status, body: await response.text() };
      } finally {
        server.close();
        server.closeAllConnections();
      }
    });
    expect(answer).toEqual({ status: 503, body: 'handled boom' });
  });
});
