import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// socket.io `new Server(...)`, ws `new WebSocket.Server(...)` and express-ws, each an error.
// A ws client (`new WebSocket(url)`) in a handler is not a server.
describe('hazards/websocket-server', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'websocket-server');
  });

  it.each([
    [9, 'socket.io server'],
    [10, 'ws server'],
    [11, 'express-ws server'],
  ])('reports the server at line %i as an error', (line, text) => {
    expect(a.hazards).toContainEqual(
      expect.objectContaining({
        code: 'WEBSOCKET_SERVER',
        severity: 'error',
        file: 'app.js',
        line,
        message: expect.stringContaining(text),
        advice: expect.stringContaining('API Gateway WebSocket'),
      }),
    );
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['WEBSOCKET_SERVER app.js:10', 'WEBSOCKET_SERVER app.js:11', 'WEBSOCKET_SERVER app.js:9']);
  });
});
