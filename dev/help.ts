/** The help of the development tools: they ship with the source, never with the package. */

export const EMULATOR_HELP = `Usage: npm run emulator -- [--port N] [--host ADDR] [--seed FILE]

Runs the GitHub emulator the kit's tests use: a stateful in-memory GitHub (REST and GraphQL)
on loopback. Prints its URL, then serves until stopped (Ctrl-C). Point GITHUB_API_URL at it.
The seed format is documented in docs/emulator.md.

Options:
  --port N      port to listen on; 0 picks a free one (default 0)
  --host ADDR   address to bind (default 127.0.0.1; loopback only)
  --seed FILE   JSON or YAML seed with users, repositories, labels, issues and files
  -h, --help    show this help`;

export const DEMO_HELP = `Usage: npm start -- [--preset NAME] [--week] [--keep]

Plays a day and a half of a support desk (Monday 26 and Tuesday 27 October 2026, a week
when Europe is on winter time and California is not) against the GitHub emulator, through
the real action bundles run as the kit's workflows run them (dist/<name>/index.js under
Node 24, with the environment a runner sets). Every run and the emulator share one clock,
moved from moment to moment, so the story is the same whatever day it is told. For each
moment it prints what people did, each workflow run's API requests, what changed on the
issues and the comments people read; then the weekly report the next Monday.

Options:
  --preset NAME   the preset the sample repository is configured from (default escalation;
                  the issues of the story are written on the preset's own form)
  --week          play the preset's scenario week instead (test/e2e/scenario-NAME.test.ts):
                  Monday to the weekly report, told as what people saw, every moment
                  checked; needs the checkout's npm ci
  --keep          keep the emulator running afterwards and print its URL (Ctrl-C to stop)
  -h, --help      show this help`;
