import type { GeneratedFile } from '../../model/generated-file';
import type { SplitPlan } from '../../model/plan';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { reportData } from './summary';

/** File names of the report in the output folder. */
export const REPORT_FILES = { markdown: 'SPLIT-REPORT.md', html: 'report.html' } as const;

/** The split report of a plan: `SPLIT-REPORT.md` and the self-contained `report.html`. Pure. */
export function generateReport(plan: SplitPlan): GeneratedFile[] {
  const data = reportData(plan);
  return [
    { path: REPORT_FILES.markdown, contents: renderMarkdown(data) },
    { path: REPORT_FILES.html, contents: renderHtml(data) },
  ];
}
