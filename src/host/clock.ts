/**
 * The one reading of the clock, for the actions and the CLI alike. `SUPPORT_KIT_NOW` (an ISO
 * instant) fixes it: scenario tests, demos, re-deciding what a late cron run should have done, a
 * calendar regenerated to the same bytes. Returns the reason when the variable is not an instant.
 */
export function readClock(): Date | { invalid: string } {
  const fixed = process.env.SUPPORT_KIT_NOW;
  if (!fixed) return new Date();
  const at = new Date(fixed);
  return Number.isNaN(at.getTime())
    ? { invalid: `SUPPORT_KIT_NOW must be an ISO date-time, not "${fixed}"` }
    : at;
}
