/**
 * Renders a JSON Schema (as model/json-schemas.ts generates it) as a Markdown reference: one row
 * per key path (`functions[].memory`), with its type, whether it is required and its description.
 * The committed docs/config-file.md and docs/plan-file.md are this text; a test keeps them current.
 */
import { configJsonSchemaText, planJsonSchemaText } from '../model/json-schemas';

/** The part of a JSON Schema node the reference reads. */
interface SchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

/** One row of the reference. */
interface KeyRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** A bound worth printing: zod writes the safe-integer limits on every `int()`. */
const bounded = (n: number | undefined): n is number => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;

function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' \\| ');
  if (node.type === 'array') return node.items?.anyOf ? `(${typeOf(node.items)})[]` : `${node.items ? typeOf(node.items) : 'any'}[]`;
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties) {
    return `map of ${typeOf(node.additionalProperties)}`;
  }
  const base = Array.isArray(node.type) ? node.type.join(' \\| ') : (node.type ?? 'any');
  const range =
    bounded(node.minimum) || bounded(node.maximum) ? ` (${bounded(node.minimum) ? node.minimum : ''}..${bounded(node.maximum) ? node.maximum : ''})` : '';
  return base + range;
}

/** The object node under a key, looking through arrays, maps and optional unions. */
function objectUnder(node: SchemaNode): { node: SchemaNode; suffix: string } | undefined {
  if (node.properties) return { node, suffix: '' };
  if (node.type === 'array' && node.items) {
    const inner = objectUnder(node.items);
    return inner && { node: inner.node, suffix: '[]' + inner.suffix };
  }
  if (node.type === 'object' && typeof node.additionalProperties === 'object') {
    const inner = objectUnder(node.additionalProperties);
    return inner && { node: inner.node, suffix: '.<key>' + inner.suffix };
  }
  const objectBranch = node.anyOf?.map(objectUnder).find((b) => b !== undefined);
  return objectBranch;
}

function rowsOf(node: SchemaNode, prefix: string): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    const nested = objectUnder(child);
    const defaultText = child.default !== undefined ? ` Default: \`${JSON.stringify(child.default)}\`.` : '';
    rows.push({
      path: keyPath,
      type: typeOf(child),
      required: (node.required ?? []).includes(key),
      description: (child.description ?? '') + defaultText,
    });
    if (nested) rows.push(...rowsOf(nested.node, keyPath + nested.suffix));
  }
  return rows;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown reference of a JSON Schema's keys, under a title and an introduction. */
export function schemaReferenceMarkdown(schemaText: string, title: string, intro: string): string {
  const schema = JSON.parse(schemaText) as SchemaNode;
  const lines = [
    `# ${title}`,
    '',
    '<!-- Generated from the JSON Schema by `npm run schema`; do not edit by hand. -->',
    '',
    intro,
    '',
    '| key | type | required | description |',
    '|---|---|---|---|',
    ...rowsOf(schema, '').map((r) => `| \`${r.path}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${cell(r.description)} |`),
  ];
  return lines.join('\n') + '\n';
}

/** A committed reference page: where it goes and what it says above the table. */
export interface ReferenceDoc {
  /** Path relative to the repo root. */
  path: string;
  /** The page's title. */
  title: string;
  /** The paragraph above the table. */
  intro: string;
  /** The JSON Schema text it renders. */
  schemaText: () => string;
}

/** The reference pages `npm run schema` writes beside the schemas. */
export const REFERENCE_DOCS: readonly ReferenceDoc[] = [
  {
    path: 'docs/config-file.md',
    title: 'cleave.config.yaml keys',
    intro:
      'The optional config file of `cleave plan`, `split` and `verify` (`--config`, or `cleave.config.yaml` in the app folder). ' +
      'Editors validate it with `schema/cleave.config.schema.json` (for the YAML language server: ' +
      '`# yaml-language-server: $schema=<path to>/schema/cleave.config.schema.json` as its first line). Unknown keys are refused.',
    schemaText: configJsonSchemaText,
  },
  {
    path: 'docs/plan-file.md',
    title: 'cleave.plan.yaml keys',
    intro:
      'The plan `cleave plan -o` and `cleave split` write and `cleave generate` reads, with the analysis it names. ' +
      'Edit ids, routes, `keep`, memory and timeout; re-planning keeps those edits (docs/plan.md). ' +
      'Editors validate it with `schema/cleave.plan.schema.json`. Unknown keys are refused (exit 2, naming the key path).',
    schemaText: planJsonSchemaText,
  },
];
