import {
  escapeCell,
  GITHUB_BODY_LIMIT,
  issueLink,
  noMention,
  ownCell,
  table,
  WORD_JOINER,
} from '../../kernel/markdown.js';
import { formatDuration } from '../config/report.js';
import type {
  BreakdownRow,
  Holding,
  IssueRef,
  MajorRow,
  ResponseRow,
  StaleRow,
  WeekMetrics,
  HandoverRow,
} from './metrics.js';
import { formatBusiness, formatElapsed, type Stats } from './stats.js';
import { dayLabel, localClock, localDate, localTime } from './week.js';
import type { PreviousReport, TrendWeek } from './types.js';
import { MINUTE_MS } from '../../roster/time.js';
import { extremeOf, type Load } from '../../roster/ledger.js';
import { type FollowUpRow, renderFollowUps } from './follow-ups.js';
import { renderFixes } from './fixes.js';

/**
 * The report issue's body. Untrusted text (titles) goes through escapeCell: it cannot break a
 * table or mention anyone. Listed issues are linked through redirect.github.com, which GitHub
 * documents as the way to link without adding a back-reference to the linked issue's timeline;
 * on another host (GitHub Enterprise Server) the reference is written as code, which GitHub
 * does not turn into a reference at all. Long lists end with "and N more", and the body is
 * shortened until it fits GitHub's 65,536 characters.
 */

/** GitHub refuses an issue body longer than this. */
export const MAX_BODY = GITHUB_BODY_LIMIT;
/** Room for the hidden marker the executor puts on the first line. */
const MARKER_ROOM = 200;

export interface RenderOptions {
  title: string;
  listLimit: number;
  previous: PreviousReport | null;
  /** GitHub's state of the desk's schedule workflow when it is not running (`disabled_inactivity`). */
  scheduleOff?: ScheduleOff;
  /** This week and the weeks before it whose reports kept their figures, oldest first. */
  trend?: readonly TrendWeek[];
  /** Incidents' open follow-ups, when a playbook opens them (follow-ups.ts). */
  followUps?: readonly FollowUpRow[];
}

/** The desk's schedule workflow, found not running when the report was written. */
export interface ScheduleOff {
  file: string;
  state: string;
}

/** Why the schedule does not run, in words: GitHub's states of a workflow. */
function whyOff({ state }: ScheduleOff): string {
  if (state === 'disabled_inactivity') return 'GitHub turned it off after 60 days without activity';
  if (state === 'disabled_manually') return 'someone turned it off';
  return `GitHub says \`${state}\``;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

function signed(n: number): string {
  return n > 0 ? `+${num(n)}` : n < 0 ? `-${num(-n)}` : '0';
}

function logins(list: readonly string[]): string {
  return list.length > 0 ? list.map(escapeCell).join(', ') : '—';
}

/** A list capped at `limit` rows, the rest said as "and N more". */
function capped<T>(
  rows: readonly T[],
  limit: number,
  header: string[],
  cells: (row: T) => string[],
): string {
  const shown = rows.slice(0, limit).map(cells);
  const more = rows.length - shown.length;
  if (more > 0) shown.push([`… and ${num(more)} more`, ...header.slice(1).map(() => ' ')]);
  return table(header, shown);
}

function statsRow(
  name: string,
  stats: Stats,
  format: (ms: number | null) => string,
  measured: string,
  missing: string,
): string[] {
  return [name, format(stats.mean), format(stats.median), format(stats.p90), measured, missing];
}

export function renderReport(metrics: WeekMetrics, options: RenderOptions): string {
  for (let limit = options.listLimit; ; limit = Math.floor(limit / 2)) {
    const body = renderWith(metrics, options, limit);
    if (body.length <= MAX_BODY - MARKER_ROOM || limit === 0) {
      return body.length <= MAX_BODY - MARKER_ROOM
        ? body
        : `${body.slice(0, MAX_BODY - MARKER_ROOM - 80)}\n\n… (cut to fit GitHub's 65,536 characters)\n`;
    }
  }
}

function renderWith(m: WeekMetrics, options: RenderOptions, limit: number): string {
  const zone = m.week.timezone;
  const qualified = m.repositories.length > 1;
  const link = (r: IssueRef) => issueLink(r, qualified);
  const start = Date.parse(m.week.start);
  const end = Date.parse(m.week.end);
  const out: string[] = [];

  out.push(`# ${escapeCell(options.title)}`, '');
  // A rotation's week opens and closes at its hand-off: the times say so, beside the dates.
  const span =
    m.week.rotation === undefined
      ? `**${localDate(start, zone)} – ${localDate(end - 1, zone)}** (${zone})`
      : `**${localDate(start, zone)} ${localClock(start, zone)} – ${localDate(end, zone)} ${localClock(end, zone)}** (${zone}, ${m.week.period})`;
  out.push(
    `${span} · ${m.repositories.map((r) => `\`${r}\``).join(', ')} · as of ${localTime(Date.parse(m.generatedAt), zone)}`,
  );
  if (options.previous)
    out.push('', `Previous report: #${options.previous.number} (${options.previous.week}).`);
  if (!m.week.complete)
    out.push('', '> The week is not over yet: the numbers stop at the time above.');
  if (options.scheduleOff)
    out.push(
      '',
      `> **The desk's schedule is off** (\`${options.scheduleOff.file}\`: ${whyOff(options.scheduleOff)}). Escalation steps, hand-offs and held issues wait until it runs again. Turn it on in the repository's Actions tab; docs/troubleshooting.md ("Scheduled runs") says how the kit can do it for you.`,
    );

  out.push('', '## The week in numbers', '');
  out.push(
    table(
      ['', 'This week', 'Last week', 'Change'],
      [
        ['Opened', num(m.opened), num(m.previousWeek.opened), signed(m.change.opened)],
        ['Closed', num(m.closed.total), num(m.previousWeek.closed), signed(m.change.closed)],
        [
          'Backlog (open at the end)',
          num(m.backlog.end),
          num(m.previousWeek.backlog),
          signed(m.change.backlog),
        ],
      ],
    ),
  );
  const from = m.previousWeek.from;
  out.push(
    '',
    from === 'search'
      ? "<sub>Last week's opened and closed are GitHub search counts (no report of the kit's covers it): issues created in that week, and issues whose latest closing falls in it. This week's are replayed from each issue's history: transfers in count as opened, and an issue closed then reopened within the week is not closed. The two columns can differ by those issues; the backlogs are both replayed.</sub>"
      : `<sub>Last week's opened and closed are those of last week's report (#${WORD_JOINER}${from.report}), counted the same way as this week's.</sub>`,
  );
  out.push(
    '',
    `Closed: ${num(m.closed.completed)} completed, ${num(m.closed.notPlanned)} not planned. Reopened: ${num(m.reopened)}. Transferred in: ${num(m.transferredIn)}.`,
    `All time (to the end of the week): ${num(m.allTime.opened)} opened, ${num(m.allTime.closed)} closed, ${num(m.allTime.open)} open.`,
  );

  out.push('', '## Major occurrences', '');
  if (m.majors.length === 0) out.push('No major-severity issue was open or closed this week.');
  else
    out.push(
      capped(
        m.majors,
        limit,
        ['Issue', 'Title', 'Severity', 'Opened', 'At the end of the week', 'Assignees'],
        (r: MajorRow) => [
          link(r),
          escapeCell(r.title),
          escapeCell(r.severity ?? ''),
          ownCell(localTime(Date.parse(r.arrivedAt), zone)),
          ownCell(
            r.state === 'open'
              ? 'open'
              : `closed${r.closedAs ? ` (${r.closedAs})` : ''} ${localTime(Date.parse(r.closedAt ?? ''), zone)}`,
          ),
          logins(r.assignees),
        ],
      ),
    );

  const majorSearches = [
    searchLink(m, m.searches?.majorsArrived, 'opened this week'),
    searchLink(m, m.searches?.majorsOpen, 'open now, of those that had arrived by its end'),
  ].filter(Boolean);
  if (majorSearches.length > 0)
    out.push('', `The major issues on GitHub, as it is now: ${majorSearches.join(' · ')}.`);
  if (options.followUps)
    out.push('', ...renderFollowUps(options.followUps, zone, qualified, limit));

  const fr = m.firstResponse;
  out.push('', '## Response and resolution times', '');
  const notAnswered = [
    `${num(fr.unanswered)} not answered${fr.closedUnanswered > 0 ? ` (${num(fr.closedUnanswered)} of them closed without an answer)` : ''}`,
    ...(fr.notMeasured > 0 ? [`${num(fr.notMeasured)} not measured`] : []),
  ].join(', ');
  const rows = [
    statsRow(
      'Time to first response',
      fr.elapsed,
      formatElapsed,
      `${num(fr.answered)} of ${num(fr.population)}`,
      notAnswered,
    ),
  ];
  if (fr.business)
    rows.push(
      statsRow(
        'Time to first response (business hours)',
        fr.business,
        formatBusiness,
        `${num(fr.answered)} of ${num(fr.population)}`,
        notAnswered,
      ),
    );
  const res = m.resolution;
  const resolved = `${num(res.elapsed.count)} resolved, ${num(res.withinTarget.resolved)} within ${num(res.withinTarget.days)} days`;
  const stillOpen = `${num(res.openedAndOpen)} opened this week still open`;
  rows.push(statsRow('Time to resolution', res.elapsed, formatElapsed, resolved, stillOpen));
  if (res.business)
    rows.push(
      statsRow(
        'Time to resolution (business hours)',
        res.business,
        formatBusiness,
        resolved,
        stillOpen,
      ),
    );
  out.push(table(['', 'Mean', 'Median', 'p90', 'Measured', 'Not measured'], rows));
  out.push(
    '',
    `First response: the issues opened this week, as of the end of the week; ${num(fr.openedByTeam)} opened by the team owe none. Resolution: the issues the team closed as completed this week, against the target of ${num(res.withinTarget.days)} days (stale-after-days); ${num(res.notPlanned)} closed as not planned and ${num(res.selfClosed)} closed by their own reporter are not resolutions.`,
  );
  if (fr.notMeasured > 0)
    out.push(
      '',
      `Not measured: ${num(fr.notMeasured)} issue(s) with more than 100 comments, labels and assignments in their early history, none of the first 100 a response by the team. Whether and when they were answered is not known; they count neither as answered nor as breaches.`,
    );

  const g = m.goals;
  out.push('', '## Response goal', '');
  const judged = searchLink(m, m.searches?.opened, "This week's issues on GitHub, as it is now");
  out.push(
    `${num(g.met)} of ${num(g.population)} answered within the goal, ${num(g.breached)} breached, ${num(g.pending)} not answered by the end of the week but still within it, ${num(g.closedUnanswered)} closed unanswered within it${g.notMeasured > 0 ? `, ${num(g.notMeasured)} not measured` : ''}. Clock: ${noMention(g.calendar)}.${judged ? ` ${judged}: the goal judges those the team did not open.` : ''}`,
  );
  if (g.breaches.length > 0)
    out.push(
      '',
      capped(
        g.breaches,
        limit,
        [
          'Issue',
          'Title',
          'Severity',
          'Goal',
          g.businessTime ? 'Waited (business hours)' : 'Waited',
          'First response',
        ],
        (r: ResponseRow) => [
          link(r),
          escapeCell(r.title),
          escapeCell(r.severity ?? ''),
          formatDuration(r.goalMs),
          formatBusiness(r.businessMs),
          r.respondedAt
            ? ownCell(`${localTime(Date.parse(r.respondedAt), zone)} by ${r.respondedBy ?? ''}`)
            : '**none yet**',
        ],
      ),
    );

  out.push('', '## Opened and closed per day', '');
  out.push(
    ...openedClosedChart(
      'Opened (bars) and closed (line) per day',
      m.daily.map((d) => ({ label: dayLabel(d.date), opened: d.opened, closed: d.closed })),
    ),
  );
  out.push(
    '',
    table(
      ['', ...m.daily.map((d) => d.date.slice(5))],
      [
        ['Opened', ...m.daily.map((d) => num(d.opened))],
        ['Closed', ...m.daily.map((d) => num(d.closed))],
      ],
    ),
  );

  out.push('', `## Open for more than ${num(m.stale.afterDays)} days`, '');
  if (m.stale.count === 0) out.push('None.');
  else
    out.push(
      `${num(m.stale.count)} issue(s), oldest first.${m.stale.search ? ` ${searchLink(m, m.stale.search.query, 'The same search on GitHub, as it is now')}.` : ''}`,
      '',
      capped(
        m.stale.issues,
        limit,
        ['Issue', 'Title', 'Severity', 'Age', 'Assignees'],
        (r: StaleRow) => [
          link(r),
          escapeCell(r.title),
          escapeCell(r.severity ?? ''),
          formatElapsed(r.ageMs),
          logins(r.assignees),
        ],
      ),
    );

  out.push(...renderFixes(m.fixes, m.repositories.length > 1, limit));

  out.push('', '## By label', '');
  for (const [name, list] of [
    ['Severity', m.breakdown.severity],
    ['Status', m.breakdown.status],
    ['Area', m.breakdown.area],
  ] as const) {
    out.push(
      capped(list, limit, [name, 'Opened', 'Closed', 'Open at the end'], (r: BreakdownRow) => [
        r.label === '' ? '_(none)_' : escapeCell(r.label),
        num(r.opened),
        num(r.closed),
        num(r.open),
      ]),
      '',
    );
  }

  out.push('## On call', '');
  if (m.oncall.length === 0) out.push('No roster.yaml: nobody is on call.');
  for (const s of m.oncall) {
    const held = (list: Holding[] | undefined) =>
      list && list.length > 0
        ? list.map((h) => `${escapeCell(h.login)} (${h.hours} h)`).join(', ')
        : 'nobody';
    out.push(
      table(
        [`Schedule ${escapeCell(s.name)}`, 'This week', 'Next week'],
        s.roles.map((role) => [escapeCell(role), held(s.thisWeek[role]), held(s.nextWeek[role])]),
      ),
    );
    if (s.gapHours > 0) out.push('', `Not covered this week: ${s.gapHours} h.`);
    out.push('');
  }
  if (m.load && m.load.loads.length > 0) out.push(...renderLoad(m.load, m.week.timezone), '');
  if (m.oncall.length > 0) {
    out.push('### Handed over', '');
    if (m.handedOver.length === 0) out.push('No open issue changes hands.');
    else
      out.push(
        capped(
          m.handedOver,
          limit,
          ['Issue', 'Title', 'Severity', 'From', 'To'],
          (r: HandoverRow) => [
            link(r),
            escapeCell(r.title),
            escapeCell(r.severity ?? ''),
            escapeCell(r.from),
            !r.to
              ? '**nobody on call**'
              : r.moves
                ? escapeCell(r.to)
                : `stays with ${escapeCell(r.from)} (${escapeCell(r.to)} on call next)`,
          ],
        ),
      );
  }

  out.push(...renderTrend(options.trend ?? []));

  out.push(
    '',
    '---',
    `<sub>Written by support-kit. Definitions (first response, resolution, reopened and transferred issues): docs/report.md in support-kit. Issue links go through redirect.github.com so that listed issues get no back-reference.</sub>`,
    '',
  );
  return out.join('\n');
}

/**
 * The fairness ledger: hours on call per person since the quarter began, the most and the
 * fewest marked, and how many fell outside each person's working hours.
 */
function renderLoad(load: NonNullable<WeekMetrics['load']>, zone: string): string[] {
  const { roles } = load;
  const mark = (l: Load) => {
    const end = extremeOf(load.loads, l);
    return end ? ` (${end})` : '';
  };
  const { work } = load;
  const issues = (l: Load) => {
    if (!work) return [];
    const w = work[l.login.toLowerCase()];
    return [num(w?.taken ?? 0), num(w?.escalations ?? 0), num(w?.handoffsWithWork ?? 0)];
  };
  return [
    `### Load since ${localDate(load.from, zone)}`,
    '',
    table(
      [
        'Person',
        ...roles.map(escapeCell),
        'Total (h)',
        'Off-hours',
        'Weekends',
        'Holidays',
        ...(work ? ['Issues', 'By escalation', 'Hand-offs with open work'] : []),
      ],
      load.loads.map((l) => [
        `${escapeCell(l.login)}${mark(l)}`,
        ...roles.map((r) => num(l.roles[r] ?? 0)),
        num(l.total),
        num(l.offHours),
        num(l.weekend),
        num(l.holiday),
        ...issues(l),
      ]),
    ),
    '',
    "Off-hours are outside the person's site's working hours (its calendar, or 09:00-17:00 on its work week); weekends and holidays are the site's.",
    ...(work
      ? [
          'Issues: assigned to the person since then, each once; by escalation: assigned by an escalation step; hand-offs with open work: their turn ended with an issue of the schedule still theirs and open.',
        ]
      : []),
  ];
}

/** Opened as bars and closed as a line, one point per label: a mermaid chart GitHub draws. */
function openedClosedChart(
  title: string,
  points: readonly { label: string; opened: number; closed: number }[],
): string[] {
  const max = Math.max(1, ...points.flatMap((p) => [p.opened, p.closed]));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${points.map((p) => `"${p.label}"`).join(', ')}]`,
    `  y-axis "Issues" 0 --> ${max}`,
    `  bar [${points.map((p) => p.opened).join(', ')}]`,
    `  line [${points.map((p) => p.closed).join(', ')}]`,
    '```',
  ];
}

/** A week needs this many before it to have a usual range to leave. */
const USUAL_WEEKS = 4;

/**
 * The last weeks side by side, from their own reports, with a chart and a sentence for each
 * figure this week takes beyond every week before it.
 */
function renderTrend(trend: readonly TrendWeek[]): string[] {
  if (trend.length < 2) return [];
  const cell = (value: number | undefined, show: (v: number) => string = num) =>
    value === undefined ? '—' : show(value);
  const withinGoal = (f: TrendWeek['figures']) =>
    f.met === undefined || f.breached === undefined || f.met + f.breached === 0
      ? undefined
      : Math.round((100 * f.met) / (f.met + f.breached));
  const rows = trend.map(({ week, figures: f }) => [
    week,
    num(f.opened),
    num(f.closed),
    cell(f.backlog),
    cell(withinGoal(f), (v) => `${v} %`),
    cell(f.medianResponseMinutes, (v) => formatElapsed(v * MINUTE_MS)),
  ]);
  return [
    '',
    `## The last ${trend.length} weeks`,
    '',
    table(
      ['Week', 'Opened', 'Closed', 'Backlog', 'Answered within goal', 'Median first response'],
      rows,
    ),
    '',
    ...openedClosedChart(
      'Opened (bars) and closed (line) per week',
      trend.map(({ week, figures: f }) => ({
        label: week.replace(/^\d{4}-/, ''),
        opened: f.opened,
        closed: f.closed,
      })),
    ),
    ...outOfRange(trend),
  ];
}

/** This week's figures above or below every one of the weeks before it, in words. */
function outOfRange(trend: readonly TrendWeek[]): string[] {
  const before = trend.slice(0, -1);
  const now = trend.at(-1)?.figures;
  if (!now || before.length < USUAL_WEEKS) return [];
  const said: string[] = [];
  const check = (name: string, pick: (f: TrendWeek['figures']) => number | undefined) => {
    const value = pick(now);
    const past = before.map((t) => pick(t.figures)).filter((v): v is number => v !== undefined);
    if (value === undefined || past.length < USUAL_WEEKS) return;
    if (value > Math.max(...past))
      said.push(
        `${name} ${num(value)}, more than in any of the ${past.length} weeks before (at most ${num(Math.max(...past))}).`,
      );
    else if (value < Math.min(...past))
      said.push(
        `${name} ${num(value)}, fewer than in any of the ${past.length} weeks before (at least ${num(Math.min(...past))}).`,
      );
  };
  check('Opened:', (f) => f.opened);
  check('Closed:', (f) => f.closed);
  check('Backlog:', (f) => f.backlog);
  return said.length > 0 ? ['', ...said] : [];
}

/**
 * The list as a GitHub search of its repository, in the host its issues live on. A search page
 * is no issue: linking it adds no back-reference.
 */
/** A link to a search of the report's one repository on the site its issue links point at. */
function searchLink(m: WeekMetrics, query: string | undefined, text: string): string {
  const repo = m.searches?.repo ?? m.stale.search?.repo;
  const first = m.majors[0] ?? m.stale.issues[0] ?? m.goals.breaches[0];
  if (!query || !repo || !first) return '';
  const origin = new URL(first.url).origin;
  return `[${text}](${origin}/${repo}/issues?q=${encodeURIComponent(query)})`;
}
