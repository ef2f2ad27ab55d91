import type { Analysis } from '../../model/analysis';
import { analyzeFixture } from '../support/analyze-fixture';
import { hazardSites } from '../support/hazards';

// A Stripe webhook: express.raw for JSON on the webhook route and constructEvent over the raw
// body; and an app-level bodyParser.json with a `verify` callback keeping the raw body.
describe('hazards/raw-body-webhook', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyzeFixture('hazards', 'raw-body-webhook');
  });

  const raw = (line: number, extra: object = {}) => expect.objectContaining({ code: 'RAW_BODY_WEBHOOK', severity: 'warning', file: 'app.js', line, ...extra });

  it('reports the raw parser and the signature check for the webhook route', () => {
    expect(a.hazards).toContainEqual(raw(8, { routes: ['POST /webhooks/stripe'], advice: expect.stringContaining('binary media types') }));
    expect(a.hazards).toContainEqual(raw(9, { routes: ['POST /webhooks/stripe'], message: expect.stringContaining('constructEvent') }));
  });

  it('reports a verify callback for the routes behind it', () => {
    expect(a.hazards).toContainEqual(raw(13, { routes: ['POST /orders'], message: expect.stringContaining('`verify` callback') }));
  });

  it('reports nothing else', () => {
    expect(hazardSites(a)).toEqual(['RAW_BODY_WEBHOOK app.js:13', 'RAW_BODY_WEBHOOK app.js:8', 'RAW_BODY_WEBHOOK app.js:9']);
  });
});
