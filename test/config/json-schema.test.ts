import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_PATH, PLAN_SCHEMA_PATH, configJsonSchemaText, planJsonSchemaText } from '../../model/json-schemas';
import { PLAN_FILE } from '../../model/output-files';
import { goldenDir } from '../../scripts/golden';
import { REFERENCE_DOCS, schemaReferenceMarkdown } from '../../scripts/schema-reference';
import { jsonSchemaValidator } from '../support/json-schema';

const repoFile = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8');

describe('the JSON Schemas and key references (regenerate with `npm run schema`)', () => {
  it('schema/cleave.config.schema.json is the schema generated from model/config.ts', () => {
    expect(repoFile(CONFIG_SCHEMA_PATH)).toBe(configJsonSchemaText());
  });

  it('schema/cleave.plan.schema.json is the schema generated from model/plan.ts', () => {
    expect(repoFile(PLAN_SCHEMA_PATH)).toBe(planJsonSchemaText());
  });

  it.each(REFERENCE_DOCS.map((doc) => [doc.path, doc] as const))('%s is the reference generated from its schema', (_, doc) => {
    expect(repoFile(doc.path)).toBe(schemaReferenceMarkdown(doc.schemaText(), doc.title, doc.intro));
  });

  it('documents every top-level config key with a description and its default', () => {
    const schema = JSON.parse(configJsonSchemaText()) as { properties: Record<string, { description?: string; default?: unknown }> };
    for (const [key, prop] of Object.entries(schema.properties)) {
      expect({ key, described: !!prop.description }).toEqual({ key, described: true });
    }
    expect(schema.properties.strategy?.default).toBe('clustered');
  });

  it('documents every key of the plan file, at every depth', () => {
    const undescribed = schemaReferenceMarkdown(planJsonSchemaText(), 't', 'i')
      .split('\n')
      .filter((line) => line.startsWith('| `') && / \| {2}\|$/.test(line));
    expect(undescribed).toEqual([]);
  });

  describe('validates as an editor would (ajv, JSON Schema 2020-12)', () => {
    const planProblems = jsonSchemaValidator(planJsonSchemaText());

    it.each(['shop-api', 'library-js'])('accepts the golden plan of %s', (sample) => {
      const plan = parse(fs.readFileSync(path.join(goldenDir(sample), PLAN_FILE), 'utf8'));
      expect(planProblems(plan)).toEqual([]);
    });

    it('refuses a misspelt key and a memory out of range, naming where', () => {
      const plan = parse(fs.readFileSync(path.join(goldenDir('shop-api'), PLAN_FILE), 'utf8'));
      plan.functions[0].memroy = 1024;
      plan.functions[1].memory = 64;
      expect(planProblems(plan)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\/functions\/0 .*"additionalProperty":"memroy"/),
          expect.stringMatching(/^\/functions\/1\/memory must be >= 128/),
        ]),
      );
    });
  });
});
