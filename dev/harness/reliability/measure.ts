import type { Emulator, Fault } from '../../emulator/index.js';
import { REPO } from '../desk.js';
import { type Receiver, startPagerDuty, startWebhook } from '../receivers.js';
import { runAction } from '../run-action.js';
import type { Prepared, Target } from './targets.js';

/**
 * How the suite measures a write path: run the target clean and keep GitHub's state and what
 * the receivers got; then, on a fresh desk, fail one kind of write for the whole run, heal it,
 * re-run the same event, and compare. Nothing lost and nothing twice means the kit survived.
 */

const ROUTING_KEY = 'R0UT1NGKEY0123456789ABCDEFGHIJKL';

export type FaultCase =
  | { on: 'github'; route: string; fault: Fault; label: string }
  | { on: 'pagerduty' | 'webhook'; kind: 'lasting' | 'lost-reply'; label: string };

type Verdict = 'survived' | 'lost' | 'duplicated' | 'inconsistent';

export interface Outcome {
  target: string;
  fault: string;
  verdict: Verdict;
  /** What differed from the clean run, in words. */
  differences: string[];
  /** PagerDuty events sent again with a dedup key already sent: one alert, so not a duplicate. */
  resent: number;
  /** The longest run, in ms. */
  longestMs: number;
}

interface State {
  issues: Record<string, string[]>;
  comments: string[];
  labels: string[];
  alerts: string[];
  pagerDutyEvents: number;
  posts: string[];
}

interface Desk {
  prepared: Prepared;
  pagerDuty: Receiver;
  webhook: Receiver;
}

async function open(target: Target): Promise<Desk> {
  const [pagerDuty, webhook] = await Promise.all([startPagerDuty(), startWebhook()]);
  const prepared = await target.prepare({ pagerDuty: pagerDuty.url, webhook: webhook.url });
  return { prepared, pagerDuty, webhook };
}

async function close(desk: Desk): Promise<void> {
  await Promise.all([desk.prepared.emulator.close(), desk.pagerDuty.close(), desk.webhook.close()]);
}

/** The target's steps on its event, as a workflow job runs them; the longest step's time. */
async function play(desk: Desk): Promise<number> {
  const { emulator, event, now, workspace, steps } = desk.prepared;
  let longest = 0;
  for (const step of steps) {
    const started = performance.now();
    await runAction({
      action: step.action,
      apiUrl: emulator.url,
      repo: REPO,
      event,
      workspace,
      env: { SUPPORT_KIT_NOW: now },
      inputs: step.notifies
        ? { 'pagerduty-routing-key': ROUTING_KEY, 'slack-webhook-url': `${desk.webhook.url}/hook` }
        : {},
    });
    longest = Math.max(longest, performance.now() - started);
  }
  return longest;
}

/** Writes only: the reads a run makes differ with what it finds, not with what it does. */
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const isWrite = (r: Emulator['requests'][number]) =>
  WRITES.has(r.method) && r.route !== 'POST /graphql';

function stateOf(desk: Desk): State {
  const repo = desk.prepared.emulator.store.repo(REPO);
  const pd = desk.pagerDuty.received
    .filter((r) => r.delivered)
    .map((r) => r.body as { dedup_key?: string; event_action?: string });
  const last = new Map<string, string>();
  for (const e of pd) last.set(e.dedup_key ?? '', e.event_action ?? '');
  return {
    issues: Object.fromEntries(
      repo.issues.map((i) => [
        `#${i.number}`,
        [
          `state ${i.state} ${i.state_reason ?? ''}`,
          `title ${i.title}`,
          `body ${i.body ?? ''}`,
          ...i.labels.map((l) => `label ${l.name}`).sort(),
          ...i.assignees.map((a) => `assignee ${a}`).sort(),
        ],
      ]),
    ),
    comments: repo.issues.flatMap((i) => i.comments.map((c) => `#${i.number} ${c.body}`)).sort(),
    labels: repo.labels.map((l) => `${l.name} ${l.color} ${l.description ?? ''}`).sort(),
    alerts: [...last].map(([key, action]) => `${key} ${action}`).sort(),
    pagerDutyEvents: pd.length,
    posts: desk.webhook.received
      .filter((r) => r.delivered)
      .map((r) => JSON.stringify(r.body))
      .sort(),
  };
}

/**
 * `full`: every refusal GitHub sends (403, 404, 422); otherwise one of them (422), since the kit
 * treats them alike, which keeps `npm test` short.
 */
export async function cleanRun(
  target: Target,
  full = false,
): Promise<{ state: State; cases: FaultCase[] }> {
  const desk = await open(target);
  try {
    // Played twice like the faulted runs: a run may leave work for the next on purpose (the
    // label sync's brake), and the measure is the state a run and its re-run reach.
    await play(desk);
    await play(desk);
    const routes = [
      ...new Set(desk.prepared.emulator.requests.filter(isWrite).map((r) => r.route)),
    ];
    const state = stateOf(desk);
    return { state, cases: faultCases(routes, state, full) };
  } finally {
    await close(desk);
  }
}

const LASTING = 1_000;

function faultCases(routes: string[], state: State, full: boolean): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const route of routes) {
    const match = { route };
    const on = 'github' as const;
    cases.push(
      {
        on,
        route,
        label: `${route}: 503 all run`,
        fault: { kind: 'server-error', status: 503, times: LASTING, match },
      },
      {
        on,
        route,
        label: `${route}: 422`,
        fault: { kind: 'validation-failed', times: LASTING, match },
      },
    );
    if (full)
      cases.push(
        {
          on,
          route,
          label: `${route}: 403`,
          fault: { kind: 'refused', status: 403, times: LASTING, match },
        },
        {
          on,
          route,
          label: `${route}: 404`,
          fault: { kind: 'refused', status: 404, times: LASTING, match },
        },
      );
    if (route.startsWith('POST '))
      cases.push({
        on: 'github',
        route,
        label: `${route}: answer lost`,
        fault: { kind: 'lost-reply', match },
      });
  }
  for (const on of ['pagerduty', 'webhook'] as const) {
    const sent = on === 'pagerduty' ? state.pagerDutyEvents > 0 : state.posts.length > 0;
    if (!sent) continue;
    cases.push(
      { on, kind: 'lasting', label: `${on}: 500 all run` },
      { on, kind: 'lost-reply', label: `${on}: answer lost` },
    );
  }
  return cases;
}

function arm(desk: Desk, c: FaultCase): void {
  if (c.on === 'github') return desk.prepared.emulator.injectFault(c.fault);
  const receiver = c.on === 'pagerduty' ? desk.pagerDuty : desk.webhook;
  if (c.kind === 'lasting') receiver.fail(500, LASTING);
  else receiver.loseReplies(1);
}

function heal(desk: Desk): void {
  desk.prepared.emulator.clearFaults();
  desk.pagerDuty.heal();
  desk.webhook.heal();
}

/** One case: faulted run, healed, re-run; then what differs from the clean run. */
export async function faultedRun(target: Target, clean: State, c: FaultCase): Promise<Outcome> {
  const desk = await open(target);
  try {
    arm(desk, c);
    const first = await play(desk);
    heal(desk);
    const second = await play(desk);
    return {
      target: target.name,
      fault: c.label,
      ...compare(clean, stateOf(desk)),
      longestMs: Math.max(first, second),
    };
  } finally {
    await close(desk);
  }
}

function missingFrom(have: readonly string[], want: readonly string[]): string[] {
  const left = [...have];
  const missing: string[] = [];
  for (const item of want) {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    else missing.push(item);
  }
  return missing;
}

const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}...` : s);

function compare(clean: State, got: State): Pick<Outcome, 'verdict' | 'differences' | 'resent'> {
  const lost: string[] = [];
  const extra: string[] = [];
  const other: string[] = [];
  for (const [issue, facts] of Object.entries(clean.issues)) {
    const now = got.issues[issue];
    if (!now) lost.push(`issue ${issue}`);
    else {
      for (const f of missingFrom(now, facts))
        (f.startsWith('label') || f.startsWith('assignee') ? lost : other).push(
          `${issue} ${short(f)}`,
        );
      for (const f of missingFrom(facts, now))
        if (!f.startsWith('state') && !f.startsWith('title') && !f.startsWith('body'))
          other.push(`${issue} extra ${short(f)}`);
    }
  }
  for (const issue of Object.keys(got.issues))
    if (!clean.issues[issue]) extra.push(`issue ${issue}`);
  lost.push(...missingFrom(got.comments, clean.comments).map((c) => `comment ${short(c)}`));
  extra.push(...missingFrom(clean.comments, got.comments).map((c) => `comment ${short(c)}`));
  lost.push(...missingFrom(got.labels, clean.labels).map((l) => `label ${l}`));
  other.push(...missingFrom(clean.labels, got.labels).map((l) => `extra label ${l}`));
  lost.push(...missingFrom(got.alerts, clean.alerts).map((a) => `PagerDuty alert ${a}`));
  extra.push(...missingFrom(clean.alerts, got.alerts).map((a) => `PagerDuty alert ${a}`));
  lost.push(...missingFrom(got.posts, clean.posts).map((p) => `post ${short(p)}`));
  extra.push(...missingFrom(clean.posts, got.posts).map((p) => `post ${short(p)}`));
  const resent = Math.max(0, got.pagerDutyEvents - clean.pagerDutyEvents);
  const verdict: Verdict = lost.length
    ? 'lost'
    : extra.length
      ? 'duplicated'
      : other.length
        ? 'inconsistent'
        : 'survived';
  return {
    verdict,
    differences: [
      ...lost.map((l) => `lost: ${l}`),
      ...extra.map((e) => `twice: ${e}`),
      ...other.map((o) => `differs: ${o}`),
    ],
    resent,
  };
}
