import { onCallAt } from './resolve.js';
import { shownRoles } from './shadow.js';
import { shiftsBetween } from './shifts.js';
import { DAY_MS } from './time.js';
import type { Roster } from './types.js';
import { extremes, type Load, ledger, spread } from './ledger.js';
import { escapeCell, escapeInline, table } from '../kernel/markdown.js';

/** A pull-request comment stays readable (and under GitHub's size limit). */
const MAX_ROWS = 40;

export interface RosterPreviewInput {
  /** The roster as the pull request leaves it. */
  head: Roster;
  /** The roster on the base branch, when it could be read: the preview then says what changes. */
  base: Roster | null;
  from: Date;
  days: number;
  /** Only these schedules (default: every schedule of `head`). */
  schedules?: string[];
  /** Rows per schedule before "… and N more shifts" (default 40, for a PR comment). */
  maxRows?: number;
}

/**
 * Who is on call for the coming days under the proposed roster, shift by shift, and where it
 * differs from the roster in force: the review a support lead needs before merging.
 */
export function renderRosterPreview(input: RosterPreviewInput): string {
  const until = new Date(input.from.getTime() + input.days * DAY_MS);
  const lines = [
    `#### Who is on call, ${input.from.toISOString().slice(0, 10)} to ${until.toISOString().slice(0, 10)} (UTC)`,
    '',
  ];
  const maxRows = input.maxRows ?? MAX_ROWS;
  for (const [name, schedule] of Object.entries(input.head.schedules)) {
    if (input.schedules && !input.schedules.includes(name)) continue;
    const shifts = shiftsBetween(input.head, name, input.from, until);
    let changed = 0;
    const rows = shifts.map((shift) => {
      const holders = shownRoles(schedule).map((role) => shift.assignees[role] ?? '—');
      let change = '';
      if (input.base?.schedules[name]) {
        const before = onCallAt(input.base, name, new Date(shift.start));
        const was = shownRoles(schedule).map((role) => before.roles[role]?.login ?? '—');
        if (was.some((login, i) => login !== holders[i])) {
          changed++;
          change = `was ${was.join(' / ')}`;
        }
      } else if (input.base) {
        change = 'new schedule';
      }
      const who =
        shift.coverage === 'gap'
          ? `no coverage${shift.declaredGap ? ` (${shift.declaredGap})` : ' (undeclared)'}`
          : holders.join(' / ');
      return [
        escapeCell(when(shift.start)),
        escapeCell(when(shift.end)),
        escapeCell(who),
        escapeCell(change),
      ];
    });
    lines.push(
      `**${escapeInline(name)}** (${shownRoles(schedule).map(escapeInline).join(' / ')})${input.base ? `: ${changed} shift(s) change` : ''}`,
      '',
      table(['From', 'Until', 'On call', 'Change'], rows.slice(0, maxRows)),
      '',
    );
    if (rows.length > maxRows) lines.push(`… and ${rows.length - maxRows} more shifts.`, '');
  }
  if (input.base) lines.push(...loadChange(input.base, input.head, input.from));
  return lines.join('\n').trimEnd();
}

/** The fairness of a change: the spread of hours on call over the next quarter, before and after. */
const LOAD_DAYS = 91;

function loadChange(base: Roster, head: Roster, from: Date): string[] {
  const to = from.getTime() + LOAD_DAYS * DAY_MS;
  const before = ledger(base, from.getTime(), to);
  const after = ledger(head, from.getTime(), to);
  const [was, now] = [spread(before), spread(after)];
  if (Math.abs(now - was) < 1) return [];
  const ends = (loads: Load[]) => {
    const { most, fewest } = extremes(loads) ?? {};
    if (!most || !fewest) return '';
    return ` (most: ${escapeInline(most.login)} ${most.total} h, fewest: ${escapeInline(fewest.login)} ${fewest.total} h)`;
  };
  return [
    `**Load over the next ${LOAD_DAYS} days:** this change makes it ${now > was ? 'less' : 'more'} even. The most hours anyone holds minus the fewest goes from ${was} h${ends(before)} to ${now} h${ends(after)}. \`support-kit oncall load\` shows everyone's hours.`,
    '',
  ];
}

function when(iso: string): string {
  const date = new Date(iso);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()] ?? '';
  return `${day} ${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
