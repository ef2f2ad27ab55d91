import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * A validator for one of cleave's JSON Schemas as an editor or a CI job would use it (ajv,
 * JSON Schema 2020-12, strict), independent of the zod schema it was generated from: it returns
 * the problems (`/functions/0 must NOT have additional properties {"additionalProperty":"memroy"}`), none when valid.
 */
export function jsonSchemaValidator(schemaText: string): (value: unknown) => string[] {
  const validate = addFormats(new Ajv2020({ strict: true, allErrors: true })).compile(JSON.parse(schemaText));
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
}
