import type { VerificationSummary } from '../../model/verification';
import { esc } from './html-escape';

/** Most differing requests listed one by one in the report (all are in verification.json). */
export const DIFFERENCE_LIMIT = 50;

/**
 * One line: `58 requests over 47 of 47 function routes (payload v2): 54 alike, 4 different (alike:
 * 21 on success, 33 on the same error status: 401 ×33)`.
 */
export function verificationLine(v: VerificationSummary): string {
  const { requests, matched, mismatched, routes, exercised } = v.summary;
  const stage = v.stage ? `, stage \`${v.stage}\`` : '';
  return `${requests} requests over ${exercised} of ${routes} function routes (payload ${v.payload}${stage}): ${matched} alike, ${mismatched} different${alikeSplit(v)}`;
}

/** ` (alike: 21 on success, 33 on the same error status: 401 ×33)`; empty when nothing was alike. */
function alikeSplit(v: VerificationSummary): string {
  const { matched, matchedOnSuccess, matchedOnError, matchedErrorStatuses } = v.summary;
  if (matched === 0) return '';
  if (matchedOnError === 0) return ' (alike: all on success)';
  const statuses = Object.entries(matchedErrorStatuses)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
  return ` (alike: ${matchedOnSuccess} on success, ${matchedOnError} on the same error status: ${statuses})`;
}

/** Statuses of an auth wall: alike on both sides, they show only that both refused the request. */
const AUTH_WALL = ['401', '403'];

/**
 * How to get past an auth wall, when requests were alike only in being refused (401 or 403 on
 * both sides); undefined otherwise. Names only what the verify config has: headers sent with
 * every request, or with one request, and the cookie jar that carries a login's session.
 */
export function authWallNote(v: VerificationSummary): string | undefined {
  const walled = AUTH_WALL.reduce((n, status) => n + (v.summary.matchedErrorStatuses[status] ?? 0), 0);
  if (walled === 0) return undefined;
  return (
    `${walled} of the alike requests ${walled === 1 ? 'was' : 'were'} refused on both sides (401/403): that shows the auth wall, not the function behind it. ` +
    'To get past it, give verify credentials in cleave.config.yaml: `verify.headers` are sent with every request, ' +
    '`headers` on a `verify.requests` entry with that one (`authorization: Bearer <token>` of a token both sides accept; ' +
    'a session `cookie` only where both share the session store), or set `verify.cookies: true` so that a login early in ' +
    '`verify.requests` signs each side in for the requests after it (the functions stay signed in only where they share the session store)'
  );
}

/** Per function: requests, alike, different. */
function byFunction(v: VerificationSummary): Array<[string, number, number, number]> {
  const rows = new Map<string, [number, number]>();
  for (const r of v.results) {
    const row = rows.get(r.function) ?? [0, 0];
    row[r.differences.length === 0 ? 0 : 1]++;
    rows.set(r.function, row);
  }
  return [...rows].map(([fn, [alike, different]]) => [fn, alike + different, alike, different]);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const mdCode = (text: string): string => `\`${cell(text).replace(/`/g, "'")}\``;

/** The `## Verification` section of SPLIT-REPORT.md. */
export function verificationMarkdown(v: VerificationSummary): string[] {
  const out = ['## Verification', '', `\`cleave verify\` sent the same requests to the monolith and to the functions: ${verificationLine(v)}.`, ''];
  const wall = authWallNote(v);
  if (wall) out.push(`${wall}.`, '');
  out.push('| function | requests | alike | different |', '| --- | --- | --- | --- |');
  for (const [fn, n, alike, different] of byFunction(v)) out.push(`| ${mdCode(fn)} | ${n} | ${alike} | ${different === 0 ? '0' : `**${different}**`} |`);
  out.push('');
  const diffs = v.results.filter((r) => r.differences.length > 0);
  if (diffs.length > 0) {
    out.push('### Differences', '');
    for (const r of diffs.slice(0, DIFFERENCE_LIMIT)) {
      out.push(`- ${mdCode(r.request)} (route ${mdCode(r.route)}, function ${mdCode(r.function)}): monolith ${r.monolithStatus}, function ${r.functionStatus}`);
      for (const d of r.differences) out.push(`  - ${cell(d)}`);
    }
    if (diffs.length > DIFFERENCE_LIMIT) out.push(`- ... and ${diffs.length - DIFFERENCE_LIMIT} more (verification.json lists them all)`);
    out.push('');
  }
  if (v.skipped.length > 0) {
    out.push('### Not exercised', '', '| route | reason |', '| --- | --- |', ...v.skipped.map((s) => `| ${mdCode(s.route)} | ${cell(s.reason)} |`), '');
  }
  if (v.unknownRoutes?.length) out.push(`Named in the verify config but served by no function: ${v.unknownRoutes.map(mdCode).join(', ')}.`, '');
  const ignored = v.results.filter((r) => r.ignored?.length);
  if (ignored.length > 0) {
    out.push(
      '### Left out by `verify.ignore`',
      '',
      `${modeNote(v)}Fields that differed between the sides but that a rule of \`verify.ignore\` leaves out, with the rule:`,
      '',
    );
    for (const r of ignored.slice(0, DIFFERENCE_LIMIT))
      out.push(`- ${mdCode(r.request)} (function ${mdCode(r.function)}): ${r.ignored!.map(mdCode).join(', ')}`);
    if (ignored.length > DIFFERENCE_LIMIT) out.push(`- ... and ${ignored.length - DIFFERENCE_LIMIT} more (verification.json lists them all)`);
    out.push('');
  } else if (v.mode === 'sides') out.push(modeNote(v).trim(), '');
  if (v.warnings?.length) out.push('### Verify warnings', '', ...v.warnings.map((w) => `- **${w.code}**: ${cell(w.message)} (${cell(w.advice)})`), '');
  return out;
}

/** How the requests went out, when side after side: `All requests went to the monolith, ... `. */
function modeNote(v: VerificationSummary): string {
  return v.mode === 'sides' ? 'All requests went to the monolith, then (after `verify.reset`) to the functions. ' : '';
}

/** The verification section of report.html. */
export function verificationHtml(v: VerificationSummary): string[] {
  const code = (text: string): string => `<code>${esc(text)}</code>`;
  const out = [
    '<h2 id="verification">Verification</h2>',
    `<p>${code('cleave verify')} sent the same requests to the monolith and to the functions: ${esc(verificationLine(v).replace(/`/g, ''))}.</p>`,
  ];
  const wall = authWallNote(v);
  if (wall) out.push(`<p class="auth-wall">${esc(wall).replace(/`([^`]+)`/g, '<code>$1</code>')}.</p>`);
  const rows = byFunction(v).map(
    ([fn, n, alike, different]) =>
      `<tr><td>${code(fn)}</td><td>${n}</td><td>${alike}</td><td>${different === 0 ? '0' : `<b class="diff">${different}</b>`}</td></tr>`,
  );
  out.push(
    `<table id="verification-functions"><thead><tr><th>function</th><th>requests</th><th>alike</th><th>different</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  );
  const diffs = v.results.filter((r) => r.differences.length > 0);
  if (diffs.length > 0) {
    out.push('<h3>Differences</h3>', '<ul id="verification-differences">');
    for (const r of diffs.slice(0, DIFFERENCE_LIMIT)) {
      out.push(
        `<li>${code(r.request)} (route ${code(r.route)}, function ${code(r.function)}): monolith ${r.monolithStatus}, function ${r.functionStatus}<ul>${r.differences.map((d) => `<li>${esc(d)}</li>`).join('')}</ul></li>`,
      );
    }
    if (diffs.length > DIFFERENCE_LIMIT) out.push(`<li>… and ${diffs.length - DIFFERENCE_LIMIT} more (verification.json lists them all)</li>`);
    out.push('</ul>');
  }
  if (v.skipped.length > 0) {
    out.push(
      '<h3>Not exercised</h3>',
      `<table id="verification-skipped"><thead><tr><th>route</th><th>reason</th></tr></thead><tbody>\n${v.skipped.map((s) => `<tr><td>${code(s.route)}</td><td>${esc(s.reason)}</td></tr>`).join('\n')}\n</tbody></table>`,
    );
  }
  if (v.unknownRoutes?.length) out.push(`<p>Named in the verify config but served by no function: ${v.unknownRoutes.map(code).join(', ')}.</p>`);
  const ignored = v.results.filter((r) => r.ignored?.length);
  if (v.mode === 'sides') out.push(`<p>${esc(modeNote(v).replace(/`/g, ''))}</p>`);
  if (ignored.length > 0) {
    out.push(`<h3>Left out by ${code('verify.ignore')}</h3>`, '<ul id="verification-ignored">');
    for (const r of ignored.slice(0, DIFFERENCE_LIMIT))
      out.push(`<li>${code(r.request)} (function ${code(r.function)}): ${r.ignored!.map(code).join(', ')}</li>`);
    if (ignored.length > DIFFERENCE_LIMIT) out.push(`<li>… and ${ignored.length - DIFFERENCE_LIMIT} more (verification.json lists them all)</li>`);
    out.push('</ul>');
  }
  if (v.warnings?.length)
    out.push(
      '<h3>Verify warnings</h3>',
      `<ul id="verification-warnings">${v.warnings.map((w) => `<li><b>${esc(w.code)}</b>: ${esc(w.message)} (${esc(w.advice)})</li>`).join('')}</ul>`,
    );
  return out;
}
