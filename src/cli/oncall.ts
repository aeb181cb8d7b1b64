import { DateTime } from 'luxon';
import { loadConfig } from '../config/load.js';
import { formatProblem, hasErrors } from '../config/problems.js';
import { workspaceSource } from '../config/sources.js';
import { rosterFrom } from '../core/roster/from-yaml.js';
import { onCallAt } from '../core/roster/resolve.js';
import { ONCALL_HELP } from './help.js';
import { commandOf, EXIT, type Io, parseGroupArgs, UsageError } from './usage.js';

interface WhoAssignment {
  schedule: string;
  role: string;
  login: string | null;
  until: string | null;
  reason: string;
}

export async function oncallCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseGroupArgs(
    argv,
    {
      at: { type: 'string' },
      schedule: { type: 'string' },
      config: { type: 'string', default: '.github/support-kit' },
      json: { type: 'boolean' },
    },
    ONCALL_HELP,
    true,
  );
  if (values.help) {
    io.out(ONCALL_HELP);
    return EXIT.ok;
  }
  commandOf(positionals, ['who'], ONCALL_HELP);
  const at = values.at ? DateTime.fromISO(values.at, { setZone: true }) : DateTime.now();
  if (!at.isValid)
    throw new UsageError(
      `--at must be an ISO-8601 instant such as 2026-03-29T03:00+02:00, not "${values.at}"`,
      ONCALL_HELP,
    );
  if (values.at && !/(Z|[+-]\d\d:?\d\d)$/i.test(values.at)) {
    throw new UsageError(
      `--at needs an offset or Z (2026-03-29T03:00+02:00): "${values.at}" names no instant`,
      ONCALL_HELP,
    );
  }

  const config = await loadConfig(workspaceSource(process.cwd(), values.config), {
    only: ['roster'],
  });
  for (const p of config.problems) io.err(formatProblem(p));
  if (hasErrors(config.problems)) return EXIT.findings;
  const file = config.files[0];
  if (!file) {
    io.err(`support-kit oncall: no roster.yaml in ${values.config}`);
    return EXIT.findings;
  }
  const roster = rosterFrom(file.yaml.value);
  const names = values.schedule ? [values.schedule] : Object.keys(roster.schedules);
  if (values.schedule && !roster.schedules[values.schedule]) {
    throw new UsageError(
      `no schedule "${values.schedule}"; the roster has ${Object.keys(roster.schedules).join(', ')}`,
      ONCALL_HELP,
    );
  }

  const assignments: WhoAssignment[] = [];
  for (const name of names) {
    const schedule = roster.schedules[name];
    if (!schedule) continue;
    const onCall = onCallAt(roster, name, at.toJSDate());
    for (const role of schedule.roles) {
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
