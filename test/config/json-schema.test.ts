import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_PATH, configJsonSchemaText } from '../../model/config-json-schema';

describe('schema/cleave.config.schema.json', () => {
  it('is the JSON Schema generated from model/config.ts (run `npx tsx scripts/build-config-schema.ts` after changing it)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', CONFIG_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('documents every top-level key with a description and its default', () => {
    const schema = JSON.parse(configJsonSchemaText()) as { properties: Record<string, { description?: string; default?: unknown }> };
    for (const [key, prop] of Object.entries(schema.properties)) {
      expect({ key, described: !!prop.description }).toEqual({ key, described: true });
    }
    expect(schema.properties.strategy?.default).toBe('clustered');
  });
});
