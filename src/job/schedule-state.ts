import { type Gateway, statusOf } from '../github/gateway.js';
import { SCHEDULE_CALLER } from '../kernel/repo-paths.js';

/**
 * GitHub's state of one of the desk's scheduled workflows, the schedule's by default ("active",
 * "disabled_inactivity", ...; null when the repository has none), read with `actions: read`. A
 * token refused that read gets a note naming the permission for the workflow that asked
 * (`askedBy`: "issues", "report").
 */
export async function scheduleState(
  gateway: Gateway,
  askedBy: string,
  file: string = SCHEDULE_CALLER,
): Promise<{ state: string | null } | { note: string }> {
  try {
    return { state: await gateway.workflowState(file) };
  } catch (error) {
    if (statusOf(error) !== 403) throw error;
    return {
      note: `could not ask whether ${file} still runs: give the ${askedBy} workflow \`actions: read\``,
    };
  }
}
