import { EXIT, type Io, runGroup, stdio } from './usage.js';

const HELP = `Usage: support-kit <group> [command] [options]

Groups:
  init        set a repository up as a support desk from a preset
  validate    check the config folder (file:line:column for every problem)
  intake      check an issue against the templates and intake.yaml
  labels      plan, apply or check the label sync of labels.yaml
  oncall      who is on call and why, the coming shifts, calendars (.ics), holiday suggestions
  report      the weekly report: print it, or open and update the week's issue
  cost        the Actions minutes a month the desk bills, by tick interval
  emulator    run the GitHub emulator on loopback (development tool: a clone only)
  demo        play a support week against the emulator through the real action bundles
              (development tool: a clone only, same as npm start)

Run support-kit <group> --help for a group's options.
Token from GITHUB_TOKEN, API from GITHUB_API_URL (default https://api.github.com).
Exit status: 0 success, 1 findings (invalid config, drift, incomplete issue), 2 usage error.`;

const GROUPS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  init: async (a, io) => (await import('./init.js')).initCommand(a, io),
  validate: async (a, io) => (await import('./validate.js')).validateCommand(a, io),
  intake: async (a, io) => (await import('./intake.js')).intakeCommand(a, io),
  oncall: async (a, io) => (await import('./oncall.js')).oncallCommand(a, io),
  labels: async (a, io) => (await import('./labels.js')).labelsCommand(a, io),
  report: async (a, io) => (await import('./report.js')).reportCommand(a, io),
  cost: async (a, io) => (await import('./cost.js')).costCommand(a, io),
  emulator: async (a, io) => (await import('./dev-tools.js')).runDevTool('emulator', a, io),
  demo: async (a, io) => (await import('./dev-tools.js')).runDevTool('demo', a, io),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [group, ...rest] = argv;
  if (!group || group === '--help' || group === '-h' || group === 'help') {
    io.out(HELP);
    return group ? EXIT.ok : EXIT.usage;
  }
  const entry = GROUPS[group];
  if (!entry) {
    io.err(`support-kit: unknown group "${group}"\n\n${HELP}`);
    return EXIT.usage;
  }
  return runGroup(group, entry, rest, io);
}
