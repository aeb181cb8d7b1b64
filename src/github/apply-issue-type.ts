import type { SetIssueType } from '../kernel/plan.js';
import type { Gateway } from './gateway.js';

interface Outcome {
  status: 'applied' | 'unchanged';
  detail: string;
  /** Said in the job summary: the type did not take, and labels stand for it. */
  warning?: string;
}

const same = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/**
 * Gives the issue its type unless it has one, then reads back what GitHub kept: "Only users with
 * push access can set the type ... The type is silently dropped otherwise" (REST "Update an
 * issue", `type`), and an organisation may have removed or disabled the type since the run read
 * it. A type GitHub did not keep, or one a person chose meanwhile, leaves the labels the type
 * stood for instead.
 */
export async function setIssueType(gateway: Gateway, op: SetIssueType): Promise<Outcome> {
  const current = await gateway.issueTypeOf(op.issue);
  if (current !== null) {
    if (same(current, op.type))
      return { status: 'unchanged', detail: `#${op.issue} has the type ${current} already` };
    return labelInstead(gateway, op, `#${op.issue} has the type ${current}: left as it is`);
  }
  const updated = await gateway.updateIssue(op.issue, { type: op.type });
  if (same(updated.type?.name, op.type))
    return { status: 'applied', detail: `#${op.issue} has the type ${op.type}` };
  const dropped = `GitHub did not keep the type ${op.type} on #${op.issue} (the token may not set types, or the organisation no longer has it)`;
  return { ...(await labelInstead(gateway, op, dropped)), warning: dropped };
}

async function labelInstead(gateway: Gateway, op: SetIssueType, why: string): Promise<Outcome> {
  if (op.fallback.length === 0) return { status: 'unchanged', detail: why };
  await gateway.addLabels(op.issue, op.fallback);
  return { status: 'applied', detail: `${why}; labelled ${op.fallback.join(', ')} instead` };
}
