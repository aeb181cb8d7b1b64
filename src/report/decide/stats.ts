/**
 * Summary statistics of durations. The sample is what was measured; what was not (issues with
 * no response yet) is counted beside it by the caller, never silently left out.
 */

export interface Stats {
  count: number;
  /** Milliseconds; null for an empty sample. */
  mean: number | null;
  /** The middle value, or the mean of the two middle values of an even sample. */
  median: number | null;
  /** Nearest rank: the smallest value at least 90% of the sample is at or below. */
  p90: number | null;
}

export function statsOf(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const p90 = sorted[Math.min(n - 1, Math.ceil(0.9 * n) - 1)] as number;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
  return { count: n, mean, median, p90 };
}

/** "45m", "3h 20m", "2d 4h": to the nearest minute under 48 hours, to the nearest hour past. */
export function formatElapsed(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    const whole = Math.floor(minutes / 60);
    return rest ? `${whole}h ${rest}m` : `${whole}h`;
  }
  const hours = Math.round(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${days}d ${h}h` : `${days}d`;
}

/** Business time in hours and minutes, never days: a business day is not 24 hours. */
export function formatBusiness(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}h ${rest}m` : `${hours}h`;
}
