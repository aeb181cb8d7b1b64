/** Every group's usage text, kept apart so that printing help loads nothing else. */

export const VALIDATE_HELP = `Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express; the issue forms in .github/ISSUE_TEMPLATE and the templates and
fields intake.yaml names in them; and the roster for the next 14 days (overlapping overrides,
undeclared gaps, role collisions). The past a roster change would rewrite and who GitHub can
assign are checked on pull requests. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it, relative or absolute
                  (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "templates": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`;

export const LABELS_HELP = `Usage: support-kit labels <plan|apply|check> --repo owner/name [--config PATH] [options]

Makes a repository's labels follow labels.yaml, the way the labels action does on push.
  plan    show what apply would do (nothing is written)
  apply   create, update, rename and (with prune) delete labels
  check   change nothing; exit 1 when the labels have drifted from labels.yaml

Options:
  --repo o/name          the repository the sync runs for (its labels, unless labels.yaml names others)
  --config PATH          labels.yaml, or the config folder holding it (default .github/support-kit)
  --dry-run              with apply: decide and print, write nothing
  --allow-mass-delete    let a prune through that deletes more than the brake allows
  --json                 print {"plans": [...], "problems": [...], "failures": [...]}
  -h, --help             show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 done (or in sync), 1 drift, a held brake, config errors or failed writes, 2 usage error.`;

export const INTAKE_HELP = `Usage: support-kit intake check (--issue FILE.json | --body FILE.md [--title T]) [options]

Judges one issue the way the intake action does: which template applies, what is missing
and why, and which labels its answers bring. Nothing is sent to GitHub.

Options:
  --issue FILE.json     an issue as GitHub's API returns it (or an issues event payload)
  --body FILE.md        the issue body as markdown; with --title for its title
  --title T             the issue title (default: the one in --issue, else "")
  --config PATH         the config folder holding intake.yaml (default .github/support-kit)
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE of the checkout
                        that holds --config)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`;

export const ONCALL_HELP = `Usage: support-kit oncall <who|preview|ics|holidays|load> [options]

Reads roster.yaml; nothing is sent to GitHub (load --repo reads the repository's issues).
  who        who is on call at an instant, and why: the rotation turn, an override, a leave,
             or a gap and when coverage resumes
  preview    every shift over a range, with each holder's local time
  ics        the shifts as an iCalendar (RFC 5545) file to subscribe to
  holidays   a draft of a site's holidays, as YAML to review and paste into roster.yaml
  load       hours on call per person and role over a period, and how many fell off-hours,
             on weekends and on holidays (the fairness ledger); with --repo, the issues taken,
             those taken by an escalation step, and the hand-offs that left open work

  support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]
  support-kit oncall preview [--from DATE] [--days N] [--schedule S] [--config PATH] [--json|--markdown]
  support-kit oncall ics [--schedule S] [--person LOGIN] [--from DATE] [--days N] [--out FILE] [--config PATH]
  support-kit oncall holidays --site S --year Y [--config PATH] [--country CC [--region R]]
  support-kit oncall load [--from DATE] [--to DATE] [--repo OWNER/NAME[,...]] [--config PATH] [--json]

Options:
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --schedule S       one schedule (who, preview: default every schedule; ics: its calendar,
                     needed unless --person is given or the roster has one schedule)
  --at ISO-8601      who: the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --json             load: print {"from", "to", "loads": [{"login", "roles": {role: hours},
                     "total", "offHours", "weekend", "holiday", "work" (with --repo): {"taken",
                     "escalations", "handoffsWithWork"}}]}; who: print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a
                     gap), "until" (ISO or null), "reason"}]}; preview: print {"from", "to",
                     "schedules": {name: [{"start", "end", "coverage", "layer", "assignees",
                     "declaredGap"}]}} (UTC instants)
  --markdown         preview: the tables of the pull-request comment
  --from DATE        preview, ics, load: first day (2026-03-09, from 00:00 UTC) or an instant with
                     its offset; default today (load: the first day of the quarter)
  --to DATE          load: the end of the period, a date or an instant; default now
  --repo OWNER/NAME  load: also count the issues of these repositories (GITHUB_TOKEN, and
                     GITHUB_API_URL for GitHub Enterprise Server), as the weekly report does
  --days N           preview, ics: how many days, 1 to 3660 (default 14 for preview, 90 for ics)
  --person LOGIN     ics: one person's shifts across every schedule (with --schedule: in that one)
  --out FILE         ics: write the calendar to FILE instead of printing it
  --site S           holidays: the site the list is for
  --year Y           holidays: the year
  --country CC       holidays: the country (GB, FR, US); default: the one the site's zone in the
                     roster belongs to, when only one country uses that zone and it has no regions
  --region R         holidays: a region of the country (ENG, CA, MA) with holidays of its own
  -h, --help         show this help

Calendar events are in UTC with stable UIDs (schedule, role, start) and a SEQUENCE that grows
with the generation time; SUPPORT_KIT_NOW (ISO) fixes the clock. Holidays come from the
date-holidays package (data CC BY-SA 3.0) and are only a draft: commit the dates you keep.

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`;

export const INIT_HELP = `Usage: support-kit init [--preset NAME] [--dir PATH] [--tick 15|30|60] [--force] [--pin]

Sets a repository up as a support desk: writes the caller workflows
(.github/workflows/support-kit-*.yml), the preset's config (.github/support-kit/) and its issue
form (.github/ISSUE_TEMPLATE/), then prints what is left to do by hand (secrets, branch
protection). Nothing is sent to GitHub; with --pin, one or two reads.

Presets, one per support process:
  escalation       escalation repository, follow-the-sun on-call with a declared gap (default)
  support-triage   L1/L2/L3 support with quality checks and a status lifecycle
  daily-rotation   one on-call engineer per working day, shuffled at the end of the list
  sev1-playbook    Sev 1 outage playbook: checklist, customer updates, retrospective
  live-incident    weekly primary and backup, business hours, one-hour response goal

Options:
  --preset NAME   the preset to scaffold (default escalation)
  --dir PATH      the repository's root folder (default: the current folder)
  --tick MINUTES  minutes between two ticks of the schedule in the hours a response clock runs
                  (15, 30 or 60; default 30): an escalation is acted on within that long of
                  falling due. The schedule follows the preset's roster.yaml, in its sites' zones
  --force         overwrite files that exist; without it, init lists them and writes nothing
  --pin           the callers use the kit by the commit of this release, the tag in a comment
                  (uses: ...@<sha> # v1.2.3), as Dependabot keeps it; the commit is read through
                  the API (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  -h, --help      show this help

Exit status: 0 written, 1 files exist or the release tag was not found (nothing written),
2 usage error (unknown preset, --pin without GITHUB_TOKEN).`;

export const REPORT_HELP = `Usage: support-kit report --repo owner/name[,owner/name2] [--week 2026-W47] [options]

Builds the weekly report as the scheduled workflow does: opened vs closed, first response
and resolution times (mean, median, p90, with the issues not measured yet), the response goal
and its breaches on the roster's business hours, stale issues, who is on call. Prints the
markdown. Without --dry-run it also opens or updates the week's report issue in the first
repository and closes the earlier ones. It recognises the reports written by a bot or by the
token's own user, so re-running it updates its report; a workflow finds only the reports a bot
wrote (use the workflow token or a GitHub App token there).

Options:
  --repo LIST     repositories that feed the report, comma-separated; the issue goes to the first
  --week ID       the ISO week (default: the one report.yaml says, the last complete week)
  --config PATH   the config folder (default .github/support-kit): report.yaml, roster.yaml
  --dry-run       decide and print, write nothing
  --json          print the metrics as JSON instead of the markdown
  -h, --help      show this help

Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
SUPPORT_KIT_NOW (an ISO instant) sets the clock, for tests and for reproducing a past run.
Exit status: 0 done, 1 config errors or a refused write, 2 usage error.`;

export const COST_HELP = `Usage: support-kit cost [--issues-per-week N] [--config PATH] [--workflows PATH] [--json]

What the desk costs in GitHub Actions minutes a month on a private repository, where every job
is billed, rounded up to a whole minute: a 30-day month of N issues a week (5 comments and 2
edits each, one in four opened incomplete) played through your callers' triggers and job
conditions, and through what \`support-kit init --tick 15|30|60\` would write from your config.
Reads local files only; nothing is sent to GitHub.

Options:
  --issues-per-week N  issues opened a week (default 50)
  --config PATH        the config folder (default .github/support-kit)
  --workflows PATH     where the callers are (default .github/workflows; support-kit-*.yml)
  --json               the estimate as JSON
  -h, --help           show this help

Exit status: 0 printed, 2 usage error.`;
