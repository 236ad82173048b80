/** Groups validation issues for display: by sheet, and counts by policy domain and by priority. */
import type { DomainId } from "../core/catalogueTypes";
import { codeToDomain } from "../core/codes";
import { isDomainId } from "../core/domains";
import { prioritiesOf } from "../core/priorities";
import type { ValidationIssue } from "../excel/types";

export interface SheetIssues {
  sheet: string;
  issues: ValidationIssue[];
}

/** Issues grouped by sheet, sheets in order of first appearance, issues in their given order. */
export function groupIssuesBySheet(issues: readonly ValidationIssue[]): SheetIssues[] {
  const groups = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.sheet);
    if (list) list.push(issue);
    else groups.set(issue.sheet, [issue]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, issues: list }));
}

/** The domain an issue belongs to: from its objective code, else from the number the sheet name starts with. */
function issueDomain(issue: ValidationIssue): DomainId | null {
  const fromCode = codeToDomain(issue.code ?? "");
  if (fromCode !== null) return fromCode;
  const fromSheet = Number(/^\s*(\d+)/.exec(issue.sheet)?.[1]);
  return isDomainId(fromSheet) ? fromSheet : null;
}

export function countIssuesByDomain(issues: readonly ValidationIssue[]): Map<DomainId, number> {
  const counts = new Map<DomainId, number>();
  for (const issue of issues) {
    const d = issueDomain(issue);
    if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return counts;
}

export function countIssuesByPriority(issues: readonly ValidationIssue[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const issue of issues) {
    for (const p of prioritiesOf(issue.code ?? "")) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}
