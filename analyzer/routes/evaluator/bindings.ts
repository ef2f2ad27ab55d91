import { Node } from 'ts-morph';
import type { EvalContext, Evaluator } from './evaluator';
import type { Scope } from './scope';
import { UNDEFINED, type Value, unknown } from './values';

/** Binds a declaration name or destructuring pattern to a value. */
export function bindName(ev: Evaluator, name: Node, value: Value, scope: Scope, ctx: EvalContext): void {
  if (Node.isIdentifier(name)) {
    scope.declare(name.getText(), value);
  } else if (Node.isObjectBindingPattern(name)) {
    for (const element of name.getElements()) {
      if (element.getDotDotDotToken()) {
        scope.declare(element.getName(), value);
        continue;
      }
      const key = element.getPropertyNameNode();
      const keyText = key ? propertyKey(ev, key, scope, ctx) : element.getName();
      let member = keyText === undefined ? unknown(element.getText(), element) : ev.member(value, keyText, element);
      member = withDefault(ev, member, element.getInitializer(), scope, ctx);
      bindName(ev, element.getNameNode(), member, scope, ctx);
    }
  } else if (Node.isArrayBindingPattern(name)) {
    name.getElements().forEach((element, index) => {
      if (Node.isOmittedExpression(element)) return;
      let item: Value = value.kind === 'array' ? (value.elements[index] ?? UNDEFINED) : ev.member(value, String(index), element);
      if (element.getDotDotDotToken()) item = value.kind === 'array' ? { kind: 'array', elements: value.elements.slice(index) } : unknown(element.getText());
      item = withDefault(ev, item, element.getInitializer(), scope, ctx);
      bindName(ev, element.getNameNode(), item, scope, ctx);
    });
  }
}

function withDefault(ev: Evaluator, value: Value, initializer: Node | undefined, scope: Scope, ctx: EvalContext): Value {
  if (initializer && value.kind === 'undefined') return ev.evaluate(initializer, scope, ctx);
  return value;
}

/** The text of a property name (`a`, `'a'`, `[KEY]` when KEY is known). */
export function propertyKey(ev: Evaluator, key: Node, scope: Scope, ctx: EvalContext): string | undefined {
  if (Node.isIdentifier(key) || Node.isPrivateIdentifier(key)) return key.getText();
  if (Node.isStringLiteral(key) || Node.isNumericLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key)) return String(key.getLiteralValue());
  if (Node.isComputedPropertyName(key)) {
    const value = ev.evaluate(key.getExpression(), scope, ctx);
    return value.kind === 'string' ? value.value : value.kind === 'number' ? String(value.value) : undefined;
  }
  return undefined;
}

/**
 * Declares what JavaScript hoists in a statement list: function declarations (with their
 * values), classes, and `var` names (as undefined until assigned).
 */
export function hoist(statements: Node[], scope: Scope): void {
  for (const statement of statements) {
    if (Node.isFunctionDeclaration(statement)) {
      const name = statement.getName();
      if (name && statement.hasBody()) scope.declare(name, { kind: 'function', node: statement, scope });
    } else if (Node.isClassDeclaration(statement)) {
      const name = statement.getName();
      if (name) scope.declare(name, { kind: 'class', node: statement, scope, statics: new Map() });
    } else if (Node.isVariableStatement(statement) && statement.getDeclarationKind() === 'var') {
      for (const decl of statement.getDeclarations()) {
        const nameNode = decl.getNameNode();
        if (Node.isIdentifier(nameNode) && scope.lookup(nameNode.getText()) === undefined) scope.declare(nameNode.getText(), UNDEFINED);
      }
    }
  }
}
