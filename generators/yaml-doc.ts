import { Document, isNode, type Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';

/** A CloudFormation intrinsic function, printed with its short tag (`!Ref X`, `!Sub '...'`). */
export class Intrinsic {
  /**
   * @param fn the function without `Fn::` (`Ref`, `Sub`, `GetAtt`, `If`, `Not`, `Equals`, `Join`)
   * @param value its argument
   */
  constructor(
    readonly fn: 'Ref' | 'Sub' | 'GetAtt' | 'If' | 'Not' | 'Equals' | 'Join',
    readonly value: unknown,
  ) {}
}

/** `!Ref name`. */
export const ref = (name: string): Intrinsic => new Intrinsic('Ref', name);
/** `!Sub template`. */
export const sub = (template: string): Intrinsic => new Intrinsic('Sub', template);

/**
 * YAML text of a typed object: keys in the order the object has them, no line folding, no
 * anchors, `Intrinsic`s as short tags, a leading comment block. Same object, same text.
 */
export function toYaml(value: unknown, header: string[]): string {
  // YAML 1.1 rules decide the quoting, so `2010-09-09`, `yes` or `3` stay strings for YAML 1.1 readers too.
  const doc = new Document(undefined, { version: '1.1' });
  doc.contents = toNode(doc, value) as YamlNode;
  doc.commentBefore = header.map((l) => (l ? ` ${l}` : '')).join('\n');
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, singleQuote: true });
}

function toNode(doc: Document, value: unknown): unknown {
  if (value instanceof Intrinsic) {
    const node = toNode(doc, value.value);
    const tagged = isNode(node) ? node : doc.createNode(node);
    tagged.tag = `!${value.fn}`;
    if (tagged instanceof YAMLSeq) tagged.flow = true; // !If [Cond, a, b]
    return tagged;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map((v) => toNode(doc, v));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) if (v !== undefined) map.add(doc.createPair(k, toNode(doc, v)));
    return map;
  }
  return doc.createNode(value);
}
