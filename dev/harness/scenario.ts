import { deskRules, deskViolations } from './invariants.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, startEmulator, webhookPayload } from '../emulator/index.js';
import { presetFiles } from '../fixtures/escalation.js';
import { ConcurrencyGroups, jobConcurrency } from './concurrency.js';
import { isWrite } from './desk.js';
import { type ActionRun, projectRoot, runAction } from './run-action.js';
import { changeLines, tell, viewOf, whatChanged } from './told.js';
import { plural } from '../../src/kernel/words.js';

/**
 * A support repository configured from a preset, with a clock the scenario moves forward, and
 * the kit's reusable workflows as a runner would play them, step for step: each step a committed
 * bundle, the config read through the contents API (the reusable workflows have no checkout
 * step), SUPPORT_KIT_NOW set to the scenario's clock, and the secrets the callers pass as inputs.
 * Each workflow run takes its job's concurrency group, read from the workflow file: runs of one
 * group wait for each other, as on GitHub, so runs started together play out as they would there.
 */
export const REPO = 'acme/desk';

export type Run = ActionRun & {
  /**
   * The API requests made while the step ran: its own, and those of any run that overlapped it
   * (runs of one concurrency group never overlap).
   */
  requests: Emulator['requests'];
  /** When the step started and finished (performance.now()), to tell runs that overlapped. */
  started: number;
  finished: number;
};

export interface ScenarioOptions {
  preset: string;
  /** The instant the week starts at (the emulator's clock). */
  now: string;
  /** Logins that can be assigned: the roster's people, the leads. */
  team: string[];
  /** Changes to the preset's files before the week starts (a notification URL on loopback). */
  rewrite?: (path: string, text: string) => string;
  /** What the callers pass as secrets (`pagerduty-routing-key`, `slack-webhook-url`). */
  secrets?: Record<string, string>;
  /** Changes to the kit's reusable workflows (.github/workflows/<file>) as the runs read them. */
  workflows?: (file: string, text: string) => string;
  /** Other repositories of the organisation (the engineering one `/escalate` opens issues in). */
  repos?: { owner: string; name: string; collaborators: string[] }[];
}

export class Scenario {
  private readonly groups = new ConcurrencyGroups();
  /** Pushes of roster.yaml so far: each is a commit of its own. */
  private rosterPushes = 0;

  private constructor(
    readonly emulator: Emulator,
    readonly files: Record<string, string>,
    private readonly secrets: Record<string, string>,
    private readonly workflows: (file: string, text: string) => string,
  ) {}

  static async start(options: ScenarioOptions): Promise<Scenario> {
    const rewrite = options.rewrite ?? ((_path: string, text: string) => text);
    const files = Object.fromEntries(
      Object.entries(presetFiles(projectRoot(), options.preset)).map(([path, text]) => [
        path,
        rewrite(path, text),
      ]),
    );
    const emulator = await startEmulator({
      now: options.now,
      seed: {
        users: [...options.team, 'customer-eng', 'reporter'].map((login) => ({ login })),
        repos: [
          { owner: 'acme', name: 'desk', collaborators: options.team, files },
          ...(options.repos ?? []),
        ],
      },
    });
    return new Scenario(
      emulator,
      files,
      options.secrets ?? {},
      options.workflows ?? ((_file, text) => text),
    );
  }

  get store() {
    return this.emulator.store;
  }

  get now(): string {
    return this.store.now();
  }

  /** Move the clock to an instant. */
  at(instant: string): this {
    this.emulator.setClock(instant);
    return this;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  open(issue: { title: string; body: string; labels?: string[]; user?: string }): number {
    return this.store.createIssue(REPO, {
      title: issue.title,
      body: issue.body,
      labels: issue.labels ?? [],
      user: issue.user ?? 'customer-eng',
    }).number;
  }

  edit(number: number, body: string, by = 'customer-eng'): string {
    const before = this.store.issue(REPO, number).body ?? '';
    this.store.updateIssue(REPO, number, { body }, { actor: by });
    return before;
  }

  issue(number: number) {
    return this.store.issue(REPO, number);
  }

  labelsOf(number: number): string[] {
    return this.issue(number)
      .labels.map((l) => l.name)
      .sort();
  }

  /** Issues the kit opened (hand-off logs, reports), by the label that marks them. */
  issuesLabelled(label: string) {
    return this.store.repo(REPO).issues.filter((i) => i.labels.some((l) => l.name === label));
  }

  /**
   * One bundle, as one workflow step: the requests it made are recorded apart. `secrets` names
   * the inputs the workflow passes from its secrets to this step, `given` its other inputs.
   */
  async step(
    action: string,
    event: { name: string; payload: object },
    secrets: readonly string[] = [],
    given: Record<string, string> = {},
  ): Promise<Run> {
    const from = this.emulator.requests.length;
    const started = performance.now();
    const inputs = {
      ...given,
      ...Object.fromEntries(
        secrets.filter((k) => this.secrets[k] !== undefined).map((k) => [k, this.secrets[k] ?? '']),
      ),
    };
    const result = await runAction({
      action,
      apiUrl: this.emulator.url,
      repo: REPO,
      event,
      inputs,
      env: { SUPPORT_KIT_NOW: this.now },
    });
    return {
      ...result,
      requests: this.emulator.requests.slice(from),
      started,
      finished: performance.now(),
    };
  }

  /**
   * A run of `job` of the reusable workflow `file` on `event`: it starts once its concurrency
   * group is free. Asked for synchronously, so runs started together queue in call order.
   */
  private asWorkflow<T>(
    file: string,
    job: string,
    event: { payload: object },
    steps: () => Promise<T>,
  ): Promise<T> {
    const path = join(projectRoot(), '.github/workflows', file);
    const text = this.workflows(file, readFileSync(path, 'utf8'));
    const concurrency = jobConcurrency(file, text, job, { repository: REPO, event: event.payload });
    return this.groups.run(concurrency, () => this.played(file, job, steps));
  }

  /** A workflow run's steps, then what people saw of it and the desk's invariants. */
  private async played<T>(file: string, job: string, steps: () => Promise<T>): Promise<T> {
    const before = viewOf(this.store, REPO);
    const done = await steps();
    tell(
      changeLines(`${file} ${runHeadline(runsIn(done))}`, whatChanged(this.store, REPO, before)),
    );
    this.checkDesk(`${file} ${job}`);
    return done;
  }

  /** The desk's invariants (invariants.ts), checked after every run of every scenario week. */
  private checkDesk(after: string): void {
    const broken = deskViolations(this.store, REPO, deskRules(this.files));
    if (broken.length > 0)
      throw new Error(
        `after ${after} at ${this.now}, the desk is unsound:\n- ${broken.join('\n- ')}`,
      );
  }

  /**
   * The issues workflow (.github/workflows/issues.yml) on opened, edited, reopened or labeled:
   * one step, the root action (`dist/all`) routing the event, so intake, on-call assignment and
   * escalation (response clock, status, playbook, page) run in that order in one process.
   */
  async issueEvent(
    action: 'opened' | 'edited' | 'reopened' | 'labeled',
    number: number,
    changes?: Record<string, unknown>,
  ): Promise<Run> {
    const event = {
      name: 'issues',
      payload: webhookPayload(this.store, 'issues', {
        repo: REPO,
        action,
        number,
        ...(changes ? { changes } : {}),
      }),
    };
    return this.asWorkflow('issues.yml', 'desk', event, () =>
      this.step('all', event, ['pagerduty-routing-key', 'slack-webhook-url'], { action: 'auto' }),
    );
  }

  /**
   * The schedule workflow (.github/workflows/schedule.yml), every quarter of an hour: on-call
   * (held issues, hand-off), the escalation sweep, then the intake sweep.
   */
  async tick(): Promise<{ oncall: Run; escalate: Run; intake: Run }> {
    const event = {
      name: 'schedule',
      payload: webhookPayload(this.store, 'schedule', {
        repo: REPO,
        schedule: '7,22,37,52 * * * *',
      }),
    };
    return this.asWorkflow('schedule.yml', 'tick', event, async () => {
      const oncall = await this.step('oncall', event, ['slack-webhook-url']);
      const escalate = await this.step('escalate', event, [
        'pagerduty-routing-key',
        'slack-webhook-url',
        'escalation-token',
      ]);
      const intake = await this.step('intake', event);
      return { oncall, escalate, intake };
    });
  }

  /**
   * The escalate workflow (.github/workflows/escalate.yml) on the issue events the issues
   * workflow does not take (unlabeled, assigned, closed).
   */
  async escalate(event: { action: 'unlabeled' | 'assigned' | 'closed'; number: number }) {
    const issues = {
      name: 'issues',
      payload: webhookPayload(this.store, 'issues', { repo: REPO, ...event }),
    };
    return this.asWorkflow('escalate.yml', 'escalate', issues, () =>
      this.step('escalate', issues, [
        'pagerduty-routing-key',
        'slack-webhook-url',
        'escalation-token',
      ]),
    );
  }

  /** A person closes an issue as completed; the escalate workflow runs on the event. */
  closeIssue(number: number, by: string): Promise<Run> {
    this.store.updateIssue(
      REPO,
      number,
      { state: 'closed', state_reason: 'completed' },
      { actor: by },
    );
    return this.escalate({ action: 'closed', number });
  }

  /**
   * A person comments on an issue at the scenario's clock, and the escalate workflow
   * (.github/workflows/escalate.yml) runs on the issue_comment event (replies stop the
   * response clock; slash commands).
   */
  async comment(number: number, user: string, body: string): Promise<Run> {
    const comment = this.store.addComment(REPO, number, { user, body, created_at: this.now });
    const event = {
      name: 'issue_comment',
      payload: webhookPayload(this.store, 'issue_comment', {
        repo: REPO,
        action: 'created',
        number,
        comment_id: comment.id,
      }),
    };
    return this.asWorkflow('escalate.yml', 'escalate', event, () =>
      this.step('escalate', event, [
        'pagerduty-routing-key',
        'slack-webhook-url',
        'escalation-token',
      ]),
    );
  }

  /** The report workflow (.github/workflows/report.yml) on its Monday schedule. */
  async report(): Promise<Run> {
    const event = {
      name: 'schedule',
      payload: webhookPayload(this.store, 'schedule', { repo: REPO, schedule: '17 12 * * 1' }),
    };
    return this.asWorkflow('report.yml', 'report', event, () =>
      this.step('report', event, ['slack-webhook-url']),
    );
  }

  /** A push of the preset's files to the default branch: the labels workflow syncs the labels. */
  pushConfig(by: string): Promise<Run> {
    return this.push(by, this.files, 'Adopt support-kit');
  }

  /** A push of these files to the default branch: the labels workflow's sync job runs on it. */
  async push(by: string, files: Record<string, string>, message: string): Promise<Run> {
    const event = this.pushed(by, files, message, 'c3'.repeat(20));
    return this.asWorkflow('labels.yml', 'sync', event, () => this.step('labels', event));
  }

  /** The files committed as `sha` on the default branch, and the push event that says so. */
  private pushed(by: string, files: Record<string, string>, message: string, sha: string) {
    // A push moves the default branch: later runs read it at HEAD, this one at its commit.
    for (const [path, text] of Object.entries(files)) {
      this.store.setFile(REPO, path, text);
      this.store.setFile(REPO, path, text, sha);
    }
    return {
      name: 'push',
      payload: webhookPayload(this.store, 'push', {
        repo: REPO,
        after: sha,
        sender: by,
        commits: [{ id: sha, message, modified: Object.keys(files) }],
      }),
    };
  }

  /**
   * A push of roster.yaml to the default branch: the calendar workflow's publish job
   * (.github/workflows/calendar.yml) runs on it, the oncall action with mode: calendar. Pages is
   * off unless the scenario turned it on, so the calendars go to the release.
   */
  async pushRoster(by: string, roster: string, message: string): Promise<Run> {
    this.rosterPushes += 1;
    const sha = `${String(this.rosterPushes).padStart(2, '0')}${'ca'.repeat(19)}`;
    const event = this.pushed(by, { '.github/support-kit/roster.yaml': roster }, message, sha);
    return this.asWorkflow('calendar.yml', 'publish', event, () =>
      this.step('oncall', event, [], { mode: 'calendar' }),
    );
  }

  /**
   * A pull request opened or pushed to with these config files at its head: validate.yml checks
   * them and labels.yml's preview job says what merging would do to the labels. Both groups are
   * the pull request's own and cancel an older run; the scenario awaits each run, so none is.
   */
  async pullRequest(
    number: number,
    action: 'opened' | 'synchronize',
    head: { sha: string; files: Record<string, string> },
  ): Promise<{ validate: Run; preview: Run }> {
    const pr = this.issue(number);
    if (!pr.pull_request) throw new Error(`#${number} is not a pull request`);
    pr.pull_request.head_sha = head.sha;
    for (const [path, text] of Object.entries(head.files))
      this.store.setFile(REPO, path, text, head.sha);
    const event = {
      name: 'pull_request',
      payload: webhookPayload(this.store, 'pull_request', { repo: REPO, action, number }),
    };
    const validate = await this.played('validate.yml', 'validate', () =>
      this.step('validate', event),
    );
    const preview = await this.played('labels.yml', 'preview', () => this.step('labels', event));
    return { validate, preview };
  }

  /**
   * A person approves a pull request (or asks for changes) at its head commit, and validate.yml
   * runs on the pull_request_review event. The base commit holds the default branch's files, as
   * it does on GitHub for a branch made from the default branch's head.
   */
  async review(
    number: number,
    user: string,
    state: 'APPROVED' | 'CHANGES_REQUESTED' = 'APPROVED',
  ): Promise<Run> {
    this.store.addReview(REPO, number, { user, state });
    const pull = webhookPayload(this.store, 'pull_request', {
      repo: REPO,
      action: 'opened',
      number,
    });
    const base = (pull.pull_request as { base: { sha: string } }).base.sha;
    if (!this.store.filesAt(REPO, base))
      for (const [path, text] of this.store.repo(REPO).files)
        this.store.setFile(REPO, path, text, base);
    const event = {
      name: 'pull_request_review',
      payload: {
        ...pull,
        action: 'submitted',
        review: { state: state.toLowerCase(), user: { login: user } },
        sender: { login: user, type: 'User' },
      },
    };
    return this.played('validate.yml', 'validate', () => this.step('validate', event));
  }
}

/** The runs a workflow played: one step's, or each of its steps' by name. */
export function runsIn(done: unknown): Run[] {
  const isRun = (x: unknown): x is Run => typeof x === 'object' && x !== null && 'exitCode' in x;
  if (isRun(done)) return [done];
  return typeof done === 'object' && done !== null ? Object.values(done).filter(isRun) : [];
}

/** "(6 API requests, 4 writes)", and the exit code of a step that failed. */
function runHeadline(runs: Run[]): string {
  const requests = runs.flatMap((run) => run.requests);
  const failed = runs.find((run) => run.exitCode !== 0);
  const writes = requests.filter(isWrite).length;
  return `(${plural(requests.length, 'API request')}, ${plural(writes, 'write')}${failed ? `, a step exited ${failed.exitCode}` : ''})`;
}

export { formBody } from '../fixtures/forms.js';

export const writes = (run: Run) => run.requests.filter(isWrite);
export const routes = (run: Run) => run.requests.map((r) => r.route);
