/** Every group's usage text, kept apart so that printing help loads nothing else. */

export const VALIDATE_HELP = `Usage: support-kit validate [--config PATH] [--repo owner/name [--ref REF]] [--json]

Checks the support-kit config: YAML syntax, the JSON Schemas in config/schema/ and the
checks a schema cannot express. Every problem is printed as file:line:column.

Options:
  --config PATH   the config folder or one file in it (default .github/support-kit)
  --repo o/name   read the config from that repository through the API instead of the disk
                  (token from GITHUB_TOKEN, API from GITHUB_API_URL)
  --ref REF       with --repo: the branch, tag or commit to read (default: the default branch)
  --json          print {"valid": bool, "files": [...], "problems": [...]}
  -h, --help      show this help

Exit status: 0 valid, 1 problems found, 2 usage error.`;

export const EMULATOR_HELP = `Usage: support-kit emulator [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`;

export const DEMO_HELP = `Usage: support-kit demo [--preset NAME] [--keep]

Plays a short support story against the GitHub emulator through the real action bundles
(dist/<name>/index.js under Node 24, with the environment a runner sets) and prints what
happened: the config each action read, its plan, the comments and annotations it wrote,
and how many API requests it cost.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues in the story are written on the escalation form)
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`;

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
  --templates DIR       the issue templates (default .github/ISSUE_TEMPLATE)
  --json                print {"complete": bool, "template": name, "missing": [{"field", "reason"}], "labels": [...]}
  -h, --help            show this help

Exit status: 0 complete, 1 incomplete (or config errors), 2 usage error.`;

export const ONCALL_HELP = `Usage: support-kit oncall who [--at ISO-8601] [--schedule S] [--config PATH] [--json]

Who is on call at an instant, per roster.yaml, and why: the rotation turn, an override, a
leave, or a gap and when coverage resumes. Nothing is sent to GitHub.

Options:
  --at ISO-8601      the instant, with its offset (2026-03-29T03:00+02:00) or Z; default now
  --schedule S       one schedule (default: every schedule of the roster)
  --config PATH      roster.yaml, or the config folder holding it (default .github/support-kit)
  --json             print {"at": ISO, "assignments": [{"schedule", "role", "login" (null in a gap),
                     "until" (ISO or null), "reason"}]}
  -h, --help         show this help

Exit status: 0 done, 1 roster errors (file:line:column), 2 usage error.`;
