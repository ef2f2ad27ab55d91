import type { BundleReport } from '../../model/bundle-report';
import type { GeneratedFile } from '../../model/generated-file';
import type { SplitPlan } from '../../model/plan';
import type { VerificationSummary } from '../../model/verification';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { reportData } from './summary';
import { REPORT_FILES } from '../../model/output-files';

/** File names of the report in the output folder. */

/**
 * The split report of a plan: `SPLIT-REPORT.md` and the self-contained `report.html`, with a
 * verification section when `verification` (what `cleave verify` found) is given, and the
 * functions as built when `bundles` (bundles.json) is. Pure.
 */
export function generateReport(plan: SplitPlan, verification?: VerificationSummary, bundles?: BundleReport): GeneratedFile[] {
  const data = reportData(plan, verification, bundles);
  return [
    { path: REPORT_FILES.markdown, contents: renderMarkdown(data) },
    { path: REPORT_FILES.html, contents: renderHtml(data) },
  ];
}
