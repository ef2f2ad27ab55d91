import * as fs from 'node:fs';
import * as path from 'node:path';
import { sampleDir } from '../../scripts/golden';
import { describeWithTestPostgres, useSampleDatabase } from '../support/sample-database';
import { copyOfSharedSplit } from '../support/shared-split';
import { CommandResult } from '../../model/command-result';
import { commandResultJsonSchemaText } from '../../model/json-schemas';
import { jsonSchemaValidator } from '../support/json-schema';
import { type CliRun, runCli, STACK_LINE } from '../support/run-cli';

// `cleave invoke <function> <METHOD> <path>` runs one generated function as Lambda would (its
// bundle, an API Gateway event) and prints status, headers and body; a handler that throws
// gives exit 1 with its stack; an unknown function is an input error naming the known ones.
// The sample keeps its data in PostgreSQL: DATABASE_URL names a database of its own.
describeWithTestPostgres('cleave invoke')('cleave invoke', () => {
  useSampleDatabase('library-js');
  let out: string;
  let split: CliRun;
  let removeCopy: (() => void) | undefined;
  beforeAll(async () => {
    // A copy of the run's shared split of the sample, made with --format json (this file writes a broken bundle into it).
    const copy = await copyOfSharedSplit('library-js', 'invoke');
    ({ run: split, outDir: out, remove: removeCopy } = copy);
  }, 180_000);

  it('split and verify print one result object with --format json (the split this file invokes)', async () => {
    const schemaProblems = jsonSchemaValidator(commandResultJsonSchemaText());
    expect(schemaProblems(JSON.parse(split.stdout))).toEqual([]);
    const fromSplit = CommandResult.parse(JSON.parse(split.stdout));
    expect(fromSplit).toEqual(expect.objectContaining({ command: 'split', exitCode: 0 }));
    expect(fromSplit.files.written).toEqual(expect.arrayContaining(['cleave.plan.yaml', 'serverless.yml', 'dist/functions/books-admin/handler.js']));
    expect(fromSplit.summary).toEqual(expect.objectContaining({ routes: 60, bundles: fromSplit.summary.functions }));
    const run = await runCli('--quiet', 'verify', sampleDir('library-js'), '--functions', out, '--format', 'json');
    expect(schemaProblems(JSON.parse(run.stdout))).toEqual([]);
    const fromVerify = CommandResult.parse(JSON.parse(run.stdout));
    expect(fromVerify).toEqual(expect.objectContaining({ command: 'verify', exitCode: run.code, findings: [] }));
    expect(fromVerify.summary).toEqual(expect.objectContaining({ mismatched: 0, matched: fromVerify.summary.requests }));
    expect(fromVerify.files.written).toContain('verification.json');
  }, 60_000);
  afterAll(() => removeCopy?.());

  it('prints the status, headers and body a sample function answers', async () => {
    const run = await runCli('invoke', 'books-admin', 'GET', '/api/books/101', '--functions', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^HTTP 200\ncontent-type: application\/json; charset=utf-8\n/);
    expect(JSON.parse(run.stdout.split('\n\n')[1]!)).toEqual(expect.objectContaining({ id: 101, title: 'The Quiet Harbour' }));
  }, 60_000);

  it('exits 1 with the stack of a handler that throws', async () => {
    const dir = path.join(out, 'dist', 'functions', 'broken');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'handler.js'), "exports.handler = async () => { throw new Error('boom in the handler'); };\n");
    const run = await runCli('invoke', 'broken', 'GET', '/', '--functions', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cleave: invoke: broken: function failed: boom in the handler');
    expect(run.stderr).toContain(`${STACK_LINE}exports.handler (${path.join(dir, 'handler.js')}`);
  }, 60_000);

  it('names the functions there when the id is unknown (exit 2)', async () => {
    const run = await runCli('invoke', 'nope', 'GET', '/', '--functions', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cleave: error: no bundle of function nope in .* \(functions there: .*books.*\)\n$/);
  });
});
