import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { cliServices } from '../host/compose.js';
import { PRESETS_DIR } from '../labels/config/extends.js';
import { TEMPLATE_FOLDER } from '../kernel/repo-paths.js';
import type { CallerTemplate } from '../callers/decide/callers.js';
import type { TickInterval } from '../callers/decide/schedule.js';
import { deskCallers, deskNeeds } from '../callers/desk.js';
import { EXAMPLE_PEOPLE_LINE } from '../validate/example-people.js';
import { CALLER_FOLDER, callerFile } from '../kernel/repo-paths.js';
import { INIT_HELP } from './help.js';
import { EXIT, type Io, parseGroupArgs, tickInterval, UsageError } from './usage.js';

const CONFIG_FOLDER = '.github/support-kit';
/** The package's root: the presets are at <package>/config/presets. */
const PACKAGE_DIR = join(PRESETS_DIR, '..', '..');
/** The caller templates ship beside the presets: <package>/workflows/. */
const CALLERS_DIR = join(PACKAGE_DIR, 'workflows');
const KIT_REPO = { owner: 'support-kit', repo: 'support-kit' };
/** `uses: support-kit/support-kit/<path>@<ref>`, with the comment a pin may carry. */
const KIT_USES = /^(\s*uses:\s*support-kit\/support-kit\/[^@\s]+)@[^\s#]+(?:\s+#.*)?$/gm;
/** Where editors find the schemas once the files no longer sit beside config/schema/. */
const SCHEMA_URL = 'https://raw.githubusercontent.com/support-kit/support-kit/v1/config/schema/';
/**
 * How a team runs this CLI: the package is not on the npm registry, so npx fetches the v1 tag
 * from GitHub (dist/ is committed, so nothing is built on install).
 */
export const CLI = 'npx --yes github:support-kit/support-kit#v1';

export interface ScaffoldFile {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/**
 * Everything `init` writes for a preset, read in full before anything is written, so a
 * missing or unreadable file stops the run with nothing half-applied.
 */
export async function scaffold(
  preset: string,
  desk: { interval: TickInterval; now: Date } = { interval: 30, now: new Date() },
): Promise<ScaffoldFile[]> {
  const config = await presetFiles(preset);
  const texts = (name: string) => config.find((f) => f.path === `${CONFIG_FOLDER}/${name}`)?.text;
  const needs = deskNeeds(
    {
      roster: texts('roster.yaml'),
      intake: texts('intake.yaml'),
      escalation: texts('escalation.yaml'),
      report: texts('report.yaml'),
    },
    desk.interval,
    desk.now,
  );
  const callers = deskCallers(await callerTemplates(), needs).map((t) => ({
    path: `${CALLER_FOLDER}/${callerFile(t.name)}`,
    text: t.text,
  }));
  return [...callers, ...config];
}

/** The caller templates of workflows/, as shipped. */
export async function callerTemplates(): Promise<CallerTemplate[]> {
  const names = (await readdir(CALLERS_DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(CALLERS_DIR, name), 'utf8') })),
  );
}

async function presetFiles(preset: string): Promise<ScaffoldFile[]> {
  const files: ScaffoldFile[] = [];
  const dir = join(PRESETS_DIR, preset);
  for (const path of await walk(dir)) {
    const text = await readFile(join(dir, path), 'utf8');
    files.push(
      path.startsWith('ISSUE_TEMPLATE/')
        ? { path: `${TEMPLATE_FOLDER}/${path.slice('ISSUE_TEMPLATE/'.length)}`, text }
        : { path: `${CONFIG_FOLDER}/${path}`, text: markExamples(pointSchemaAtRelease(text)) },
    );
  }
  return files;
}

/** Files under `dir`, relative, following symlinks (a preset may share another's roster). */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const name of (await readdir(join(dir, prefix))).sort()) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) found.push(...(await walk(dir, path)));
    else found.push(path);
  }
  return found;
}

/** The preset's people are examples: `validate` warns until the team replaces them. */
function markExamples(text: string): string {
  return text.replace(/^people:\n/m, `people:\n  # ${EXAMPLE_PEOPLE_LINE}\n`);
}

function pointSchemaAtRelease(text: string): string {
  return text.replace(
    /^(# yaml-language-server: \$schema=)(?:\.\.\/)+schema\//m,
    (_m, head: string) => `${head}${SCHEMA_URL}`,
  );
}

export async function presetNames(): Promise<string[]> {
  return (await readdir(PRESETS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function initCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseGroupArgs(argv, {
    preset: { type: 'string', default: 'escalation' },
    dir: { type: 'string', default: '.' },
    force: { type: 'boolean' },
    pin: { type: 'boolean' },
    tick: { type: 'string', default: '30' },
  });
  if (values.help) {
    io.out(INIT_HELP);
    return EXIT.ok;
  }
  const presets = await presetNames();
  if (!presets.includes(values.preset)) {
    throw new UsageError(`unknown preset "${values.preset}"; presets: ${presets.join(', ')}`);
  }
  const target = resolve(values.dir);
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(`--dir ${values.dir} is not a directory`);
  }

  const interval = tickInterval(values.tick);
  let files = await scaffold(values.preset, { interval, now: new Date() });
  const existing = files.filter((f) => existsSync(join(target, f.path)));
  if (existing.length > 0 && !values.force) {
    io.err(
      [
        `support-kit init: ${existing.length} file(s) already exist; nothing was written:`,
        ...existing.map((f) => `  ${f.path}`),
        'Run again with --force to overwrite them, or move them away first.',
      ].join('\n'),
    );
    return EXIT.findings;
  }
  const pin = values.pin ? await releaseCommit(io) : undefined;
  if (pin) files = pinCallers(files, pin.sha, pin.tag);

  for (const file of files) {
    await mkdir(dirname(join(target, file.path)), { recursive: true });
    await writeFile(join(target, file.path), file.text);
  }
  const overwritten = new Set(existing.map((f) => f.path));
  io.out(`support-kit init: the ${values.preset} preset in ${target}`);
  if (pin) io.out(`  the callers use support-kit ${pin.tag} by its commit, ${pin.sha}`);
  for (const file of files)
    io.out(`  ${overwritten.has(file.path) ? 'overwrote' : 'created  '} ${file.path}`);
  io.out('');
  io.out(nextSteps(values.preset, files));
  return EXIT.ok;
}

/**
 * The commit of the release this command is (tag v<version> of package.json), read through the
 * GitHub API: the package installed by npx carries no git history.
 */
async function releaseCommit(io: Io): Promise<{ sha: string; tag: string }> {
  const { version } = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  const tag = `v${version}`;
  if (!process.env.GITHUB_TOKEN)
    throw new UsageError(
      `--pin looks up the commit of ${tag} through the GitHub API: set GITHUB_TOKEN (GITHUB_TOKEN=$(gh auth token) works)`,
    );
  const { gateway } = await cliServices(KIT_REPO, (m) => io.err(m));
  const sha = await gateway.tagCommit(tag);
  if (sha === null)
    throw new Error(
      `${KIT_REPO.owner}/${KIT_REPO.repo} has no tag ${tag}: --pin pins a release, run it from one (npx --yes github:${KIT_REPO.owner}/${KIT_REPO.repo}#v1.2.3 init --pin)`,
    );
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`tag ${tag} names "${sha}", not a commit SHA`);
  return { sha, tag };
}

/**
 * The callers with every `uses:` of the kit pinned to `sha`, the tag in a comment: the form
 * Dependabot keeps up to date, moving both together. A tag can be moved to other code; a SHA
 * cannot.
 */
export function pinCallers(
  files: readonly ScaffoldFile[],
  sha: string,
  tag: string,
): ScaffoldFile[] {
  return files.map((file) => {
    if (!file.path.startsWith('.github/workflows/')) return file;
    const text = file.text.replace(KIT_USES, (_line, uses: string) => `${uses}@${sha} # ${tag}`);
    if (text === file.text) throw new Error(`${file.path} has no uses: of the kit to pin`);
    return { ...file, text };
  });
}

/** What a team still has to do by hand, in the order they meet it. */
export function nextSteps(preset: string, files: readonly ScaffoldFile[]): string {
  const has = (path: string) => files.some((f) => f.path === path);
  const config = files
    .filter((f) => f.path.startsWith(`${CONFIG_FOLDER}/`))
    .map((f) => stripComments(f.text))
    .join('\n');
  const workflows = files
    .filter((f) => f.path.startsWith('.github/workflows/'))
    .map((f) => stripComments(f.text))
    .join('\n');
  const steps: string[] = [];
  const roster = files.find((f) => f.path === `${CONFIG_FOLDER}/roster.yaml`);
  if (roster) {
    steps.push(
      `Put your team in ${CONFIG_FOLDER}/roster.yaml (the preset's people are examples, and validate warns until you delete the line saying so under people:; every login must be able to be assigned issues in the repository), then check who is on call: ${CLI} oncall who`,
    );
    const holidays = holidaySites(roster.text);
    if (holidays) {
      const next = holidays.lastYear + 1;
      steps.push(
        `The roster's holidays are examples dated up to ${holidays.lastYear}: replace them with your own, and before ${next} draft the next year's for each site (${holidays.sites.join(', ')}) with ${CLI} oncall holidays --site ${holidays.sites[0]} --year ${next}, then commit the dates you keep`,
      );
    }
  }
  steps.push(`Check the config: ${CLI} validate (exit 0 when it is valid)`);
  // Secrets only for what the preset's config uses: the escalate workflow passes them if set.
  if (/^\s*pagerduty:/m.test(config)) {
    steps.push(
      `Add the repository secret ${secretFor(workflows, 'pagerduty', 'PAGERDUTY_ROUTING_KEY')} (Settings > Secrets and variables > Actions): the routing key of a PagerDuty Events API v2 integration on the on-call service. Without it nothing is paged.`,
    );
  }
  if (/^\s*webhook:/m.test(config)) {
    steps.push(
      `Add the repository secret ${secretFor(workflows, 'webhook', 'SLACK_WEBHOOK_URL')}: the URL of a Slack-compatible incoming webhook. Without it nothing is posted.`,
    );
  }
  const pinned = /@[0-9a-f]{40} # (\S+)/.exec(workflows)?.[1];
  if (pinned) {
    steps.push(
      `The callers use the kit by the commit of ${pinned}. To be offered each new release, add .github/dependabot.yml with the package-ecosystem "github-actions" (directory "/"): Dependabot moves the commit and the tag in the comment together`,
    );
  }
  steps.push(`Commit and push: git add .github && git commit -m "Support desk: ${preset} preset"`);
  steps.push(
    'Workflow permissions: nothing to change; each workflow grants its jobs only what they need (contents: read, issues: write, issues: read for the config check, pull-requests: write for the comments of the config check and the labels preview, the escalate workflow contents: write and pull-requests: write for the roster pull requests of /swap and /cover, and for the calendars contents: write, pages: write and id-token: write). If your organisation limits which actions may run, allow support-kit/support-kit, actions/upload-pages-artifact and actions/deploy-pages.',
  );
  steps.push(
    'For /swap and /cover: turn on "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General → Workflow permissions), or the kit cannot open their pull requests',
  );
  if (has('.github/workflows/support-kit-calendar.yml')) {
    steps.push(
      'Calendars: the calendar workflow publishes one .ics file per schedule and per person on every roster change. For addresses calendar apps can subscribe to, turn on Pages with Source "GitHub Actions" (Settings > Pages) in a public repository, or on a paid plan; otherwise they go to the release support-kit-calendar, which a private repository serves to signed-in people only (docs/oncall.md, Calendars)',
    );
  }
  if (has('.github/workflows/support-kit-validate.yml')) {
    steps.push(
      'Branch protection: require the status check "validate / validate" on the default branch, so a broken roster or config cannot be merged (it runs on every pull request, and passes at once when one does not touch the config or the issue forms)',
    );
  }
  if (has('.github/workflows/support-kit-labels.yml')) {
    steps.push(
      has(`${CONFIG_FOLDER}/labels.yaml`)
        ? 'Create the labels: the labels workflow runs on the push that adds labels.yaml to the default branch (or run it from the Actions tab)'
        : `Labels: this preset has no labels.yaml, so the labels workflow changes nothing; add ${CONFIG_FOLDER}/labels.yaml (docs/labels.md) and the push that brings it to the default branch creates them`,
    );
  }
  return ['Next steps:', ...steps.map((s, i) => `  ${i + 1}. ${s}`)].join('\n');
}

/** The sites of a roster that list holidays, and the latest year they reach. */
function holidaySites(
  text: string,
): { sites: [string, ...string[]]; lastYear: number } | undefined {
  let roster: unknown;
  try {
    roster = parse(text);
  } catch {
    return undefined;
  }
  const sites = (roster as { sites?: Record<string, { holidays?: unknown }> } | null)?.sites;
  if (!sites || typeof sites !== 'object') return undefined;
  const found: string[] = [];
  let lastYear = 0;
  for (const [name, site] of Object.entries(sites)) {
    const dates = Array.isArray(site?.holidays) ? (site.holidays as unknown[]) : [];
    const years = dates
      .map((h) => (h as { date?: unknown } | null)?.date)
      .map((date) => (typeof date === 'string' ? /^(\d{4})-/.exec(date)?.[1] : undefined))
      .filter((y): y is string => y !== undefined)
      .map(Number);
    if (years.length === 0) continue;
    found.push(name);
    lastYear = Math.max(lastYear, ...years);
  }
  const [first, ...rest] = found;
  return first === undefined ? undefined : { sites: [first, ...rest], lastYear };
}

/** The secret a caller passes to an input about `topic` (`pagerduty-routing-key: ${{ secrets.X }}`). */
function secretFor(workflows: string, topic: string, fallback: string): string {
  const found = new RegExp(`${topic}[\\w-]*:\\s*\\$\\{\\{\\s*secrets\\.(\\w+)`, 'i').exec(
    workflows,
  );
  return found?.[1] ?? fallback;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}
