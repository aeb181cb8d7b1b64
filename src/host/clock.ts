/**
 * An instant as ISO 8601 writes it: a date, a time and `Z` or an offset. `new Date` alone would
 * also take "1", "Nov 23 2026" or a time without an offset, read in the machine's own zone: a
 * replay on a laptop would then decide at another instant than the runner did.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * The one reading of the clock, for the actions and the CLI alike. `SUPPORT_KIT_NOW` (an ISO
 * instant) fixes it: scenario tests, demos, re-deciding what a late cron run should have done, a
 * calendar regenerated to the same bytes. Returns the reason when the variable is not an instant.
 */
export function readClock(): Date | { invalid: string } {
  const fixed = process.env.SUPPORT_KIT_NOW;
  if (!fixed) return new Date();
  const at = INSTANT.test(fixed) ? new Date(fixed) : new Date(Number.NaN);
  return Number.isNaN(at.getTime())
    ? { invalid: `SUPPORT_KIT_NOW must be an ISO date-time, not "${fixed}"` }
    : at;
}
