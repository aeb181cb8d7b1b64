import { formatMarker, parseMarkers } from './markers.js';
import type { Notify } from './plan.js';

/**
 * A notification that failed is written into the state comment by the executor, payload
 * and all (never the secret: the sender adds that), so the next run sends exactly it again.
 */
const PENDING_KIND = 'notify-pending';

/**
 * On an issue while its state comment holds a failed notification: the scheduled sweep looks at
 * every issue with it, whatever its labels, so the retry does not wait for a step to fall due.
 */
export const NOTIFY_PENDING_LABEL = 'support-kit/notify-pending';

export function pendingMarker(op: Notify): string {
  return formatMarker({
    kind: PENDING_KIND,
    keys: { key: op.key, channel: op.channel, payload: JSON.stringify(op.payload) },
  });
}

export interface PendingNotification {
  key: string;
  channel: Notify['channel'];
  payload: Record<string, unknown>;
}

export function readPending(body: string): PendingNotification[] {
  const found: PendingNotification[] = [];
  for (const marker of parseMarkers(body)) {
    if (marker.kind !== PENDING_KIND) continue;
    const { key, channel, payload } = marker.keys;
    if (!key || (channel !== 'pagerduty' && channel !== 'webhook') || !payload) continue;
    try {
      const parsed = JSON.parse(payload) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        found.push({ key, channel, payload: parsed as Record<string, unknown> });
    } catch {
      // A damaged marker is dropped: the notification it held is not worth failing the run.
    }
  }
  return found;
}

/** The body with this notification recorded as pending (`failed`) or no longer pending. */
export function recordDelivery(body: string, op: Notify, failed: boolean): string {
  const others = body
    .split('\n')
    .filter((line) => !readPending(line).some((p) => p.key === op.key))
    .join('\n');
  return failed ? `${others}\n${pendingMarker(op)}` : others;
}
