import { writeFile } from 'node:fs/promises';
import { shownRoles } from '../roster/shadow.js';
import { ROSTER_FILE } from '../roster/config/spec.js';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../config/load.js';
import { formatProblem, hasErrors } from '../kernel/problems.js';
import { workspaceSource } from '../config/sources.js';
import { shiftLines } from '../oncall/decide/shift-text.js';
import { rosterFrom } from '../roster/config/from-yaml.js';
import { onCallAt } from '../roster/resolve.js';
import { shiftsBetween } from '../roster/shifts.js';
import { extremeOf, type Load, ledger, quarterStart } from '../roster/ledger.js';
import { DAY_MS } from '../roster/time.js';
import type { Roster } from '../roster/types.js';
import { ONCALL_HELP } from './help.js';
import {
  cliClock,
  commandOf,
  EXIT,
  type Io,
  parseGroupArgs,
  UsageError,
  DEFAULT_CONFIG,
  namedConfig,
  requireToken,
} from './usage.js';
import { cliServices } from '../host/compose.js';
import { RECORD_LABELS } from '../kernel/kit-records.js';
import { REPORT_LABEL, STEP_LABEL_PREFIX } from '../kernel/kit-labels.js';
import { fetchReportData } from '../report/fetch.js';
import { type WorkLoad, workLoads } from '../report/decide/work-load.js';
import { parseRepo } from './repo.js';

interface WhoAssignment {
  schedule: string;
  role: string;
  login: string | null;
  until: string | null;
  reason: string;
}

const COMMANDS = ['who', 'preview', 'ics', 'holidays', 'load'] as const;
type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  at: { type: 'string' },
  schedule: { type: 'string' },
  person: { type: 'string' },
  config: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  days: { type: 'string' },
  out: { type: 'string' },
  site: { type: 'string' },
  year: { type: 'string' },
  country: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  repo: { type: 'string' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** Which options each command takes: one parser for the group, no option silently ignored. */
const ALLOWED: Record<Command, (keyof typeof OPTIONS)[]> = {
  who: ['at', 'schedule', 'config', 'json'],
  preview: ['config', 'from', 'days', 'schedule', 'json', 'markdown'],
  ics: ['config', 'schedule', 'person', 'from', 'days', 'out'],
  holidays: ['site', 'year', 'config', 'country', 'region'],
  load: ['config', 'from', 'to', 'json', 'repo'],
};

const MAX_DAYS = 3660;

export async function oncallCommand(argv: string[], io: Io): Promise<number> {
  const { values: parsed, positionals } = parseGroupArgs(argv, OPTIONS, true);
  if (parsed.help) {
    io.out(ONCALL_HELP);
    return EXIT.ok;
  }
  const command = commandOf(positionals, COMMANDS);
  const values = parsed as Values;
  const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).filter(
    (name) => values[name] !== undefined && !ALLOWED[command].includes(name),
  );
  if (stray.length) {
    throw new UsageError(
      `${stray.map((name) => `--${name}`).join(', ')}: not an option of "oncall ${command}"`,
    );
  }
  const now = cliClock();
  switch (command) {
    case 'who':
      return who(values, now, io);
    case 'preview':
      return preview(values, now, io);
    case 'ics':
      return ics(values, now, io);
    case 'holidays':
      return holidays(values, io);
    case 'load':
      return load(values, now, io);
  }
}

/** Hours on call per person over a period (quarter to date by default), and how many were off-hours. */
async function load(values: Values, now: Date, io: Io): Promise<number> {
  const to = values.to === undefined ? now : rangeStart(values.to, now, '--to');
  const from =
    values.from === undefined
      ? new Date(quarterStart(to.getTime(), 'UTC'))
      : rangeStart(values.from, now);
  if (to <= from) throw new UsageError('--to must come after --from');
  const roster = await readRoster(values.config ?? DEFAULT_CONFIG, io);
  if (!roster) return EXIT.findings;
  const loads = ledger(roster, from.getTime(), to.getTime());
  const work = values.repo ? await issueWork(values.repo, roster, from, to, io) : undefined;
  if (values.json) {
    const rows = loads.map((l) => ({ ...l, ...(work ? { work: workOf(work, l) } : {}) }));
    io.out(
      JSON.stringify({ from: from.toISOString(), to: to.toISOString(), loads: rows }, null, 2),
    );
    return EXIT.ok;
  }
  io.out(
    [
      `On-call hours from ${from.toISOString()} to ${to.toISOString()}; off-hours are outside the person's site's working hours (its calendar, or 09:00-17:00 on its work week).`,
      ...loadTable(loads, Object.values(roster.schedules).flatMap(shownRoles), work),
      ...(work
        ? [
            'issues: assigned to the person in the period, each once; by-step: of those, assigned by an escalation step; handoffs: turns that ended with an open issue of the schedule still theirs.',
          ]
        : []),
    ].join('\n'),
  );
  return EXIT.ok;
}

/**
 * The issues behind the hours, read from the repositories' history with the report's own reads
 * (GraphQL search over the period, 100 issues a request), with GITHUB_TOKEN.
 */
async function issueWork(
  repo: string,
  roster: Roster,
  from: Date,
  to: Date,
  io: Io,
): Promise<Map<string, WorkLoad>> {
  const repos = repo.split(',').map((r) => parseRepo(r.trim()));
  const home = repos[0];
  if (!home) throw new UsageError('--repo owner/name is required');
  requireToken();
  const { gateway } = await cliServices(home, (m) => io.err(m));
  const names = repos.map((r) => `${r.owner}/${r.repo}`);
  const data = await fetchReportData((q, v) => gateway.graphql(q, v), {
    repos: names,
    start: from.getTime(),
    cut: to.getTime(),
    previous: { start: from.getTime(), end: from.getTime() },
    excludeLabel: REPORT_LABEL,
    otherKitLabels: [...RECORD_LABELS],
    reportRepo: names[0] ?? '',
  });
  return workLoads({
    roster,
    issues: data.issues,
    from: from.getTime(),
    to: to.getTime(),
    stepPrefix: STEP_LABEL_PREFIX,
  });
}

function workOf(work: Map<string, WorkLoad>, load: Load): WorkLoad {
  return work.get(load.login.toLowerCase()) ?? { taken: 0, escalations: 0, handoffsWithWork: 0 };
}

/** Aligned columns, the most and the fewest hours marked. */
function loadTable(loads: Load[], allRoles: string[], work?: Map<string, WorkLoad>): string[] {
  if (loads.length === 0) return ['Nobody held a role.'];
  const roles = [...new Set(allRoles)];
  const counts = (l: Load) => {
    if (!work) return [];
    const w = workOf(work, l);
    return [String(w.taken), String(w.escalations), String(w.handoffsWithWork)];
  };
  const rows = [
    [
      'person',
      ...roles,
      'total',
      'off-hours',
      'weekend',
      'holiday',
      ...(work ? ['issues', 'by-step', 'handoffs'] : []),
      '',
    ],
    ...loads.map((l) => [
      l.login,
      ...roles.map((r) => String(l.roles[r] ?? 0)),
      String(l.total),
      String(l.offHours),
      String(l.weekend),
      String(l.holiday),
      ...counts(l),
      extremeOf(loads, l) ?? '',
    ]),
  ];
  const widths = rows[0]?.map((_c, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    `  ${r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd(),
  );
}

/**
 * The roster at `path`, or null after printing why there is none (exit 1). A `--config` that
 * names nothing at all is a usage error (exit 2), as in every command.
 */
async function readRoster(path: string, io: Io): Promise<Roster | null> {
  const config = await loadConfig(sourceOf(namedConfig(path, DEFAULT_CONFIG)), [ROSTER_FILE]);
  for (const p of config.problems) io.err(formatProblem(p));
  if (hasErrors(config.problems)) return null;
  const file = config.files[0];
  if (!file) {
    io.err(`support-kit oncall: no roster.yaml in ${path}`);
    return null;
  }
  return rosterFrom(file.yaml.value);
}

function checkSchedule(roster: Roster, name: string | undefined): void {
  if (name !== undefined && !roster.schedules[name]) {
    throw new UsageError(
      `no schedule "${name}"; the roster has ${Object.keys(roster.schedules).join(', ') || 'none'}`,
    );
  }
}

/** --from: a date (its 00:00 UTC, as in the pull-request preview) or an instant with its offset. */
function rangeStart(text: string | undefined, now: Date, option = '--from'): Date {
  if (text === undefined) return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text, { zone: 'UTC' })
    : /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d\d:?\d\d)$/i.test(text)
      ? DateTime.fromISO(text, { setZone: true })
      : null;
  if (!date?.isValid) {
    throw new UsageError(
      `${option} must be a date (2026-03-09, read as 00:00 UTC) or an instant with its offset, not "${text}"`,
    );
  }
  return date.toJSDate();
}

function dayCount(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const days = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(days >= 1 && days <= MAX_DAYS)) {
    throw new UsageError(`--days must be a whole number from 1 to ${MAX_DAYS}, not "${text}"`);
  }
  return days;
}

async function who(values: Values, now: Date, io: Io): Promise<number> {
  const at = values.at ? DateTime.fromISO(values.at, { setZone: true }) : DateTime.fromJSDate(now);
  if (!at.isValid)
    throw new UsageError(
      `--at must be an ISO-8601 instant such as 2026-03-29T03:00+02:00, not "${values.at ?? ''}"`,
    );
  if (values.at && !/(Z|[+-]\d\d:?\d\d)$/i.test(values.at)) {
    throw new UsageError(
      `--at needs an offset or Z (2026-03-29T03:00+02:00): "${values.at}" names no instant`,
    );
  }

  const roster = await readRoster(values.config ?? DEFAULT_CONFIG, io);
  if (!roster) return EXIT.findings;
  checkSchedule(roster, values.schedule);
  const names = values.schedule ? [values.schedule] : Object.keys(roster.schedules);

  const assignments: WhoAssignment[] = [];
  for (const name of names) {
    const schedule = roster.schedules[name];
    if (!schedule) continue;
    const onCall = onCallAt(roster, name, at.toJSDate());
    for (const role of shownRoles(schedule)) {
      const held = onCall.roles[role];
      if (held) {
        assignments.push({
          schedule: name,
          role,
          login: held.login,
          until: held.shiftEnd,
          reason: held.why,
        });
      } else {
        const resumes = onCall.resumesAt
          ? ` until ${onCall.resumesAt}${onCall.resumesWith ? ` (then ${onCall.resumesWith.login})` : ''}`
          : '';
        const gap = onCall.gap?.declared
          ? `declared gap "${onCall.gap.declared}"`
          : 'nobody is on call';
        assignments.push({
          schedule: name,
          role,
          login: null,
          until: onCall.resumesAt ?? null,
          reason: `${gap}${resumes}`,
        });
      }
    }
  }

  if (values.json) {
    io.out(JSON.stringify({ at: at.toISO(), assignments }, null, 2));
  } else {
    io.out(`On call at ${at.toISO()}:`);
    for (const a of assignments) {
      io.out(
        `  ${a.schedule} ${a.role}: ${a.login ?? '(nobody)'}${a.login && a.until ? ` until ${a.until}` : ''}: ${a.reason}`,
      );
    }
  }
  return EXIT.ok;
}

async function preview(values: Values, now: Date, io: Io): Promise<number> {
  if (values.json && values.markdown) {
    throw new UsageError('--json and --markdown: choose one output');
  }
  const from = rangeStart(values.from, now);
  const days = dayCount(values.days, 14);
  const to = new Date(from.getTime() + days * DAY_MS);
  const roster = await readRoster(values.config ?? DEFAULT_CONFIG, io);
  if (!roster) return EXIT.findings;
  checkSchedule(roster, values.schedule);
  const names = values.schedule ? [values.schedule] : Object.keys(roster.schedules);

  if (values.markdown) {
    // The pull-request comment's tables, every row of them: reviewers see the same layout.
    const { renderRosterPreview } = await import('../roster/preview.js');
    io.out(
      renderRosterPreview({
        head: roster,
        base: null,
        from,
        days,
        schedules: names,
        maxRows: Infinity,
      }),
    );
    return EXIT.ok;
  }
  const shifts = Object.fromEntries(
    names.map((name) => [name, shiftsBetween(roster, name, from, to)]),
  );
  if (values.json) {
    io.out(
      JSON.stringify(
        { from: from.toISOString(), to: to.toISOString(), schedules: shifts },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const name of names) {
    const schedule = roster.schedules[name];
    const roles = schedule ? shownRoles(schedule) : [];
    const list = shifts[name] ?? [];
    lines.push(
      `${name} (${roles.join(', ')}): ${list.length} shift(s) from ${from.toISOString()} to ${to.toISOString()}`,
      ...shiftLines(roster, roles, list).map((line) => `  ${line}`),
      '',
    );
  }
  io.out(lines.join('\n').trimEnd());
  return EXIT.ok;
}

async function ics(values: Values, now: Date, io: Io): Promise<number> {
  const from = rangeStart(values.from, now);
  const days = dayCount(values.days, 90);
  const to = new Date(from.getTime() + days * DAY_MS);
  const roster = await readRoster(values.config ?? DEFAULT_CONFIG, io);
  if (!roster) return EXIT.findings;
  checkSchedule(roster, values.schedule);
  if (values.person !== undefined && !roster.people[values.person]) {
    throw new UsageError(
      `no person "${values.person}"; the roster has ${Object.keys(roster.people).join(', ') || 'nobody'}`,
    );
  }
  const schedules = Object.keys(roster.schedules);
  const schedule =
    values.schedule ??
    (values.person === undefined && schedules.length === 1 ? schedules[0] : undefined);
  if (schedule === undefined && values.person === undefined) {
    throw new UsageError(
      `which calendar? pass --schedule S or --person LOGIN (the roster has schedules ${schedules.join(', ')})`,
    );
  }
  const { buildCalendar } = await import('../oncall/calendar.js');
  const selection = {
    ...(schedule !== undefined ? { schedule } : {}),
    ...(values.person !== undefined ? { person: values.person } : {}),
  };
  const { events, text } = buildCalendar({ roster, selection, from, to, generatedAt: now });
  if (values.out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  await writeFile(resolve(process.cwd(), values.out), text);
  io.out(
    `wrote ${events.length} event(s) from ${from.toISOString()} to ${to.toISOString()} to ${values.out}`,
  );
  return EXIT.ok;
}

async function holidays(values: Values, io: Io): Promise<number> {
  if (values.site === undefined) throw new UsageError('--site is required');
  const year = values.year !== undefined && /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
  if (!(year >= 1970 && year <= 2199)) {
    throw new UsageError(
      `--year must be a year from 1970 to 2199${values.year === undefined ? '' : `, not "${values.year}"`}`,
    );
  }
  // The roster gives the site's zone, and the zone may give the country: read it unless the
  // country is given and no roster was named.
  let timezone: string | undefined;
  if (values.config !== undefined || values.country === undefined) {
    const path = values.config ?? DEFAULT_CONFIG;
    const named = values.config !== undefined;
    const found = named || (await hasRoster(path));
    if (found) {
      const roster = await readRoster(path, io);
      if (!roster) return EXIT.findings;
      const site = roster.sites[values.site];
      if (!site) {
        throw new UsageError(
          `no site "${values.site}"; the roster has ${Object.keys(roster.sites).join(', ') || 'none'}`,
        );
      }
      timezone = site.timezone;
    }
  }
  const { HolidaySourceError, renderHolidayYaml, suggestHolidays } =
    await import('../oncall/holidays.js');
  try {
    const suggestion = suggestHolidays({
      site: values.site,
      year,
      ...(timezone !== undefined ? { timezone } : {}),
      ...(values.country !== undefined ? { country: values.country } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
    });
    io.out(renderHolidayYaml(suggestion));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof HolidaySourceError) throw new UsageError(error.message);
    throw error;
  }
}

/** The config at `path`, relative to the working folder or absolute. */
function sourceOf(path: string) {
  return workspaceSource(process.cwd(), path);
}

async function hasRoster(path: string): Promise<boolean> {
  const source = sourceOf(path);
  const file = source.singleFile ?? 'roster.yaml';
  return (await source.read(file)) !== null;
}
