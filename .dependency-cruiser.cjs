/**
 * The import boundaries of src/ (docs/architecture.md). Imports go one way:
 *   actions, cli -> host -> capabilities -> job, roster -> config, github, notify -> kernel
 * A capability's decide/ code is pure: it imports only the kernel, the roster model and its own
 * capability. `npm run lint` runs this; a wrong-way import or a cycle fails it.
 */
const CAPS = '(intake|labels|oncall|report|escalate|validate|callers)';

/** A rule that lets `from` import nothing in src/ outside `allowed`. */
const only = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means two modules cannot be understood apart; break it along the layers.',
      severity: 'error',
      from: { path: '^(src|dev)/' },
      to: { circular: true },
    },
    {
      name: 'product-never-imports-dev-tools',
      comment: 'The emulator, harness and demo live in dev/ and test/; no bundle may carry them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test|bench|scripts)/' },
    },
    only(
      'kernel-is-the-bottom',
      'The kernel imports nothing else of ours.',
      '^src/kernel/',
      '^src/kernel/',
    ),
    only(
      'roster-on-config-and-kernel',
      'The roster model and its file spec need only the kernel and the config helpers.',
      '^src/roster/',
      '^src/(roster|config|kernel)/',
    ),
    only(
      'config-on-kernel',
      'Config loading reads through a function it is given.',
      '^src/config/',
      '^src/(config|kernel)/',
    ),
    only(
      'github-on-kernel',
      'The gateway and executor know no capability.',
      '^src/github/',
      '^src/(github|kernel)/',
    ),
    only(
      'notify-on-kernel',
      'Notification adapters know no capability.',
      '^src/notify/',
      '^src/(notify|kernel)/',
    ),
    only(
      'job-contract-below-capabilities',
      'The job contract is what capabilities implement; it knows none of them.',
      '^src/job/',
      '^src/(job|config|github|notify|kernel)/',
    ),
    {
      name: 'decide-is-pure',
      comment:
        "decide/ imports only the kernel, the roster model, the notification payload formats and its own capability's model.",
      severity: 'error',
      from: { path: `^src/${CAPS}/decide/` },
      to: {
        path: '^src/',
        pathNot: [
          '^src/(kernel|roster)/',
          '^src/notify/(pagerduty|slack)[.]ts$',
          '^src/$1/(decide|config)/',
        ],
      },
    },
    {
      name: 'validate-and-callers-read-config-specs-only',
      comment:
        'validate checks every config file, and callers writes workflows from them, so they may read the other capabilities’ config/ but nothing else of them.',
      severity: 'error',
      from: { path: '^src/(validate|callers)/' },
      // validate checks the committed schedule against what callers would write.
      to: {
        path: `^src/${CAPS}/`,
        pathNot: ['^src/$1/', `^src/${CAPS}/config/`, '^src/callers/(coverage|desk)[.]ts$'],
      },
    },
    {
      name: 'capabilities-stand-apart',
      comment:
        'A capability imports no other capability; validate and callers may read the others\u2019 config specs, since checking them and writing workflows from them is their job.',
      severity: 'error',
      from: { path: `^src/${CAPS}/`, pathNot: '^src/(validate|callers)/' },
      to: {
        path: `^src/(${CAPS.slice(1, -1)}|host|actions|cli)/`,
        pathNot: ['^src/$1/'],
      },
    },
    only(
      'host-below-entries',
      'The composition root wires capabilities; it is not imported by them.',
      '^src/host/',
      `^src/(host|job|config|github|notify|kernel|roster|${CAPS.slice(1, -1)})/`,
    ),
    {
      name: 'entries-are-leaves',
      comment: 'Nothing imports the action entries or the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(actions|cli)/' },
      to: { path: '^src/(actions|cli)/' },
    },
    {
      name: 'cli-not-actions',
      comment: 'The CLI and the actions share the host, not each other.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/actions/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
