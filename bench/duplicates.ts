/**
 * Intake's duplicate hints measured on a search that matches whole words in title, body and
 * comments, as GitHub's does (the emulator's, docs/emulator.md): a small desk of past reports
 * and new ones, some of them the same problem in other words, some only sharing words. Each new
 * issue runs through `dist/intake` on `issues.opened` with the support-triage preset, and the
 * issues its comment names are compared with the one it should name.
 *
 * `npm run bench -- --only duplicates` runs just this; `npm run bench` runs it too.
 */
import { webhookPayload } from '../dev/emulator/index.js';
import { presetFiles } from '../dev/fixtures/escalation.js';
import { REPO, startDesk } from '../dev/harness/desk.js';
import { projectRoot, runAction } from '../dev/harness/run-action.js';
import { writeSection } from './report.js';

const HEADING = "## Duplicate hints on GitHub's word-matching search";

const PAST: { key: string; title: string; body: string }[] = [
  {
    key: 'vpn-dns',
    title: 'DNS resolution fails in containers when the VPN is connected',
    body: 'nslookup times out inside containers as soon as the corporate VPN connects.',
  },
  {
    key: 'wsl-start',
    title: 'Docker Desktop does not start after updating WSL',
    body: 'After the WSL update the engine never starts; the whale stays orange.',
  },
  {
    key: 'disk-full',
    title: 'Disk image grows until the disk is full',
    body: 'The virtual disk keeps growing even after pruning images and volumes.',
  },
  {
    key: 'mount-slow',
    title: 'Bind mounts are very slow on macOS',
    body: 'npm install in a bind mounted folder takes ten minutes instead of one.',
  },
  {
    key: 'proxy-pull',
    title: 'Image pull fails behind the corporate proxy',
    body: 'docker pull answers proxyconnect tcp: dial tcp timeout behind our proxy.',
  },
  {
    key: 'kube-reset',
    title: 'Kubernetes stuck on starting after reset',
    body: 'Reset Kubernetes cluster and now it shows starting forever.',
  },
  {
    key: 'login-loop',
    title: 'Sign in loops back to the login page',
    body: 'Signing in opens the browser, succeeds, then Docker Desktop asks again.',
  },
  {
    key: 'gpu-missing',
    title: 'GPU not visible in containers on Windows',
    body: 'nvidia-smi inside the container says no devices were found.',
  },
];

/** New reports: `same` names the past report they duplicate, or none. */
const NEW: { title: string; body: string; same?: string }[] = [
  {
    title: 'Containers cannot resolve DNS on VPN',
    body: 'With the VPN connected nothing resolves in containers.',
    same: 'vpn-dns',
  },
  {
    title: 'Engine does not start since WSL update',
    body: 'Updated WSL yesterday; Docker Desktop engine will not start.',
    same: 'wsl-start',
  },
  {
    title: 'Disk full: the Docker disk image keeps growing',
    body: 'Pruning does not shrink the disk image.',
    same: 'disk-full',
  },
  {
    title: 'Slow bind mounts on macOS with npm',
    body: 'Bind mounts make npm very slow.',
    same: 'mount-slow',
  },
  {
    title: 'Pull fails behind proxy',
    body: 'Cannot pull any image behind the proxy at work.',
    same: 'proxy-pull',
  },
  {
    title: 'Login keeps looping after sign in',
    body: 'The sign in never sticks.',
    same: 'login-loop',
  },
  {
    title: 'Docker Desktop crashes when opening settings',
    body: 'Clicking the gear icon closes the app.',
  },
  {
    title: 'Feature request: start containers on boot',
    body: 'I would like containers to start when the machine starts.',
  },
  {
    title: 'Kubernetes dashboard shows wrong version',
    body: 'The version in the dashboard does not match.',
  },
  {
    title: 'Containers lose network after sleep',
    body: 'After the laptop sleeps containers have no network.',
  },
];

export interface DuplicateBench {
  rows: { title: string; expected?: number; hinted: number[] }[];
  searches: number;
}

export async function measureDuplicates(): Promise<DuplicateBench> {
  const emulator = await startDesk();
  const numbers = new Map<string, number>();
  for (const p of PAST)
    numbers.set(
      p.key,
      emulator.store.createIssue(REPO, { title: p.title, body: p.body, user: 'luc' }).number,
    );
  const workspace = presetFiles(projectRoot(), 'support-triage');
  const rows: DuplicateBench['rows'] = [];
  let searches = 0;
  for (const n of NEW) {
    const issue = emulator.store.createIssue(REPO, {
      title: n.title,
      body: n.body,
      user: 'customer-eng',
    });
    emulator.resetRequests();
    await runAction({
      action: 'intake',
      apiUrl: emulator.url,
      repo: REPO,
      event: {
        name: 'issues',
        payload: webhookPayload(emulator.store, 'issues', {
          repo: REPO,
          action: 'opened',
          number: issue.number,
        }),
      },
      workspace,
    });
    // From a checkout the search rides in the GraphQL query that reads the issue.
    searches += emulator.requests.filter(
      (r) =>
        r.route === 'GET /search/issues' ||
        (r.route === 'POST /graphql' &&
          /\bsearch\(/.test(String((r.body as { query?: unknown })?.query))),
    ).length;
    const comment = emulator.store.issue(REPO, issue.number).comments[0]?.body ?? '';
    const hinted = [...comment.matchAll(/#(\d+)/g)]
      .map((m) => Number(m[1]))
      .filter((h) => [...numbers.values()].includes(h));
    const expected = n.same ? numbers.get(n.same) : undefined;
    rows.push({ title: n.title, ...(expected ? { expected } : {}), hinted: [...new Set(hinted)] });
    // The new report is closed again: the next one is compared with the past ones only.
    emulator.store.updateIssue(REPO, issue.number, { state: 'closed' });
  }
  await emulator.close();
  return { rows, searches };
}

export function renderDuplicatesSection(b: DuplicateBench): string {
  const dupes = b.rows.filter((r) => r.expected !== undefined);
  const others = b.rows.filter((r) => r.expected === undefined);
  const found = dupes.filter((r) => r.hinted.includes(r.expected ?? -1)).length;
  const wrong = b.rows.reduce((n, r) => n + r.hinted.filter((h) => h !== r.expected).length, 0);
  const falseAlarms = others.filter((r) => r.hinted.length > 0).length;
  return [
    HEADING,
    '',
    `Command: \`npm run bench -- --only duplicates\` (also run by \`npm run bench\`), ${new Date().toISOString().slice(0, 10)}. \`dist/intake\` on \`issues.opened\`, support-triage preset (threshold 0.45, at most 3 hints), against the emulator's search, which matches whole words in title, body and comments as GitHub's does. ${PAST.length} open past reports; ${NEW.length} new ones, ${dupes.length} of them the same problem in other words.`,
    '',
    '| New report | Should name | Named |',
    '| --- | --- | --- |',
    ...b.rows.map(
      (r) =>
        `| ${r.title} | ${r.expected ? `#${r.expected}` : '—'} | ${r.hinted.map((h) => `#${h}`).join(', ') || '—'} |`,
    ),
    '',
    `Duplicates found: **${found} of ${dupes.length}**. Wrong issues named: **${wrong}**. New problems given a hint anyway: **${falseAlarms} of ${others.length}**. Searches: ${b.searches} (one per new report).`,
    '',
  ].join('\n');
}

export async function benchDuplicates(out: string): Promise<string> {
  const section = renderDuplicatesSection(await measureDuplicates());
  await writeSection(out, HEADING, section);
  return section;
}
