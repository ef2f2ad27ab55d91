import { generateReport } from '../../generators/report';
import { reportPlan } from '../support/report-plan';

describe('SPLIT-REPORT.md', () => {
  let md = '';
  beforeAll(async () => {
    const files = generateReport(await reportPlan());
    expect(files.map((f) => f.path)).toEqual(['SPLIT-REPORT.md', 'report.html']);
    md = files[0]!.contents;
  });

  it('summarises the split', () => {
    expect(md).toMatch(/^# Split report: app\n/);
    expect(md).toContain('11 routes → **');
    expect(md).toContain('**2 kept** in the monolith, strategy `clustered`.');
  });

  it('has a function table with id, routes, reason, size and entities', () => {
    expect(md).toContain('| id | routes | reason | bundle | entities | memory / timeout |');
    expect(md).toMatch(/\| `users` \| 2 \| 2 routes under \/api\/users; share src\/controllers\/users\.ts.*\| ~\d+\.\d KiB \| User \| 512 MB \/ 10 s \|/);
  });

  it('maps every route to its function or to keep, escaping pipes', () => {
    expect(md).toContain('| `GET /api/users/:id` | `users` | `src/controllers/users.ts:1` |');
    expect(md).toContain('| `GET /api/orders/:id` | **keep** (monolith) |');
    expect(md).toContain('`GET regex:/^\\/isbn\\/(\\d{10}\\|\\d{13})$/`');
  });

  it('lists kept routes with reasons and hazards by severity with advice', () => {
    expect(md).toContain('| `POST /api/orders` | kept by config: writes <b>ledger</b> & more |');
    expect(md.indexOf('### error (1)')).toBeLessThan(md.indexOf('### warning (2)'));
    expect(md).toContain('| `WEBSOCKET_SERVER` | `src/realtime/notifications.ts:17` | 0 | WEBSOCKET_SERVER found | fix WEBSOCKET_SERVER |');
    expect(md).toContain('## Schedules');
  });

  it('prints every metric with its definition', () => {
    for (const name of [
      'Structural modularity (MQ)',
      'Inter-function dependency share (ICP)',
      'Interface number (IFN)',
      'Entity spread (bits)',
      'Shared-code ratio',
    ])
      expect(md).toContain(`| ${name} |`);
    expect(md).toContain("Mancoridis' modularisation quality (MQ)");
  });

  it('has a Mermaid diagram of functions, shared modules and entities', () => {
    const diagram = /```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
    expect(diagram.startsWith('flowchart LR')).toBe(true);
    expect(diagram).toMatch(/F\d+\("users<br\/>2 routes, ~\d+\.\d KiB"\)/);
    expect(diagram).toContain('subgraph data["entities"]');
    expect(diagram).toMatch(/E\d+\[\("Product"\)\]/);
    expect(diagram).toContain('K["monolith<br/>2 kept routes"]');
    expect(diagram).not.toMatch(/\n\s*\n/);
  });
});
