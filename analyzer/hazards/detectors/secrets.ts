import { Node, SyntaxKind } from 'ts-morph';
import { appFiles } from '../support/files';
import { anchorOf, nodesOfKind, shortText, stringValue, unwrap } from '../support/syntax';
import type { Detector, HazardSite } from '../types';

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|PASS$|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
const ENV_READ = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;

/**
 * SECRET_FALLBACK: a secret read from the environment with a hard-coded fallback
 * (`process.env.SESSION_SECRET || 'dev-secret'`, `?? settings.session.secret`,
 * `const { JWT_SECRET = 'x' } = process.env`). Each function gets its own environment from the
 * deployment config; one deployed without the variable silently runs with the committed value.
 */
export const detectSecretFallbacks: Detector = (ctx) => {
  const sites: HazardSite[] = [];
  const add = (node: Node, name: string, fallback: Node): void => {
    sites.push({
      code: 'SECRET_FALLBACK',
      severity: 'warning',
      node,
      message: `secret \`${name}\` falls back to a value committed with the code (${describeFallback(fallback)}); a function deployed without the variable silently runs with it`,
      advice:
        "put the secret in SSM Parameter Store or Secrets Manager, reference it in every function's environment, and fail fast when it is missing instead of falling back",
      anchor: anchorOf(node),
    });
  };
  for (const sf of appFiles(ctx)) {
    if (!sf.getFullText().includes('process.env')) continue;
    for (const binary of nodesOfKind(sf, SyntaxKind.BinaryExpression)) {
      const op = binary.getOperatorToken().getKind();
      if (op !== SyntaxKind.BarBarToken && op !== SyntaxKind.QuestionQuestionToken) continue;
      const parent = binary.getParent();
      if (parent && Node.isBinaryExpression(parent) && parent.getLeft() === binary) continue; // report the outermost fallback
      const fallback = unwrap(binary.getRight());
      if (!isCommittedValue(fallback)) continue;
      const name = secretEnvName(binary.getLeft().getText());
      if (name) add(binary, name, fallback);
    }
    for (const element of nodesOfKind(sf, SyntaxKind.BindingElement)) {
      const init = element.getInitializer();
      const pattern = element.getParent()?.getParent();
      const source = pattern && Node.isVariableDeclaration(pattern) ? pattern.getInitializer()?.getText() : undefined;
      const name = element.getPropertyNameNode()?.getText() ?? element.getName();
      if (init && source === 'process.env' && SECRET_NAME.test(name) && isCommittedValue(unwrap(init))) add(element, name, init);
    }
  }
  return sites;
};

/**
 * How a message names the fallback: an expression by its text (`settings.session.secret`), a
 * literal only by its length, so the secret itself is never copied into the analysis, the plan
 * or the reports a team shares.
 */
function describeFallback(fallback: Node): string {
  const literal = stringValue(unwrap(fallback));
  return literal === undefined ? `\`${shortText(fallback, 40)}\`` : `a ${literal.length}-character string, not repeated here`;
}

/** A non-empty string literal, or a config property named like a secret (`settings.session.secret`). */
function isCommittedValue(node: Node): boolean {
  const literal = stringValue(node);
  if (literal !== undefined) return literal.length > 0;
  return Node.isPropertyAccessExpression(node) && !node.getText().includes('process.env') && SECRET_NAME.test(node.getName());
}

function secretEnvName(text: string): string | undefined {
  for (const m of text.matchAll(ENV_READ)) {
    const name = m[1] ?? m[2] ?? '';
    if (SECRET_NAME.test(name)) return name;
  }
  return undefined;
}
