import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { generateReport } from '../../generators/report';
import { reportPlan } from '../support/report-plan';

const CHROMIUM = '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available) console.warn(`SKIPPED report.html browser test: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`);
const browserIt = available ? it : it.skip;

describe('report.html in headless Chromium', () => {
  let browser: Browser | undefined;
  let file = '';
  const external: string[] = [];

  beforeAll(async () => {
    if (!available) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-report-'));
    file = path.join(dir, 'report.html');
    fs.writeFileSync(file, generateReport(await reportPlan()).find((f) => f.path === 'report.html')!.contents);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open() {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`file://${file}`);
    return { page, errors };
  }

  browserIt('shows the summary, tables and the diagram, loading nothing from the network', async () => {
    const { page, errors } = await open();
    expect(await page.textContent('h1')).toBe('Split report: app');
    expect(await page.locator('#functions tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('#routes tbody tr').count()).toBe(11);
    expect(await page.locator('#keep tbody tr').count()).toBe(2);
    expect(await page.locator('svg#diagram .n-fn').count()).toBe(await page.locator('#functions tbody tr').count());
    expect(await page.locator('svg#diagram .n-keep').count()).toBe(1);
    expect(await page.locator('svg#diagram .n-ent').count()).toBeGreaterThan(0);
    const box = await page.locator('svg#diagram').boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(200);
    expect(await page.locator('#metrics').textContent()).toContain('Interface number (IFN)');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  browserIt('groups hazards by severity, most severe first', async () => {
    const { page } = await open();
    expect(await page.locator('section[data-severity]').evaluateAll((s) => s.map((e) => e.getAttribute('data-severity')))).toEqual([
      'error',
      'warning',
      'info',
    ]);
    expect(await page.locator('section[data-severity=error]').textContent()).toContain('WEBSOCKET_SERVER');
    await page.close();
  });

  browserIt('filters the route table as the reviewer types', async () => {
    const { page } = await open();
    expect(await page.textContent('#route-count')).toBe('11 of 11 routes');
    await page.fill('#route-filter', 'orders');
    expect(await page.locator('#routes tbody tr:visible').count()).toBe(3);
    expect(await page.textContent('#route-count')).toBe('3 of 11 routes');
    await page.fill('#route-filter', 'keep');
    expect(await page.locator('#routes tbody tr:visible').count()).toBe(2);
    await page.fill('#route-filter', '');
    expect(await page.locator('#routes tbody tr:visible').count()).toBe(11);
    await page.close();
  });
});
