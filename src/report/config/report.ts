import { REPORT_LABEL } from '../../kernel/kit-labels.js';
import type { ReportConfig } from '../decide/types.js';

/**
 * report.yaml (already valid against config/schema/report.schema.json) → {@link ReportConfig}
 * with every default filled. No file at all is the same as an empty one: a repository without
 * report.yaml still gets its weekly report.
 */

const DEFAULT_TITLE = 'Support report {week}';
const DEFAULT_STALE_AFTER_DAYS = 14;
const DEFAULT_LIST_LIMIT = 25;
/** Seed 004: a first response within one business hour. */
const DEFAULT_GOAL_MS = 3_600_000;

export interface ReportFile {
  repositories?: string[];
  timezone?: string;
  week?: 'previous' | 'current';
  period?: 'iso-week' | 'rotation';
  'stale-after-days'?: number;
  labels?: { severity?: string; status?: string; area?: string };
  'major-severities'?: string[];
  'response-goals'?: { calendar?: string; default?: string; severities?: Record<string, string> };
  team?: string[];
  title?: string;
  label?: string;
  'list-limit'?: number;
}

/** "2h30m" → milliseconds; the schema has already checked the form. */
function parseDuration(text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000;
}

/** "1h", "30m", "2h30m", "0m". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}

export function reportConfigFrom(value: unknown): ReportConfig {
  const file = (value ?? {}) as ReportFile;
  const goals = file['response-goals'] ?? {};
  return {
    repositories: file.repositories ?? [],
    ...(file.timezone !== undefined ? { timezone: file.timezone } : {}),
    week: file.week ?? 'previous',
    ...(file.period !== undefined ? { period: file.period } : {}),
    staleAfterDays: file['stale-after-days'] ?? DEFAULT_STALE_AFTER_DAYS,
    labels: {
      severity: file.labels?.severity ?? 'S',
      status: file.labels?.status ?? 'status/',
      area: file.labels?.area ?? 'area/',
    },
    majorSeverities: file['major-severities'] ?? ['S0', 'S1'],
    goals: {
      ...(goals.calendar !== undefined ? { calendar: goals.calendar } : {}),
      defaultMs: goals.default !== undefined ? parseDuration(goals.default) : DEFAULT_GOAL_MS,
      severities: Object.fromEntries(
        Object.entries(goals.severities ?? {}).map(([key, text]) => [key, parseDuration(text)]),
      ),
    },
    team: file.team ?? [],
    title: file.title ?? DEFAULT_TITLE,
    label: file.label ?? REPORT_LABEL,
    listLimit: file['list-limit'] ?? DEFAULT_LIST_LIMIT,
  };
}
