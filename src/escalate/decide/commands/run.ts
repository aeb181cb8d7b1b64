import type { CommandName, EscalationConfig } from '../../config/escalation.js';
import { COMMANDS, hasLabel, sameLabel } from '../../config/escalation.js';
import type { Channels, CommentSnapshot, IssueSnapshot } from '../types.js';
import type { Work } from '../work.js';
import type { Operation, RepoRef } from '../../../kernel/plan.js';
import { onCallAt } from '../../../roster/resolve.js';
import { routeFor } from '../../../roster/routes.js';
import type { Roster } from '../../../roster/types.js';
import { handoffMessage } from '../../../notify/slack.js';
import { statusNamed, statusNames } from '../status.js';
import { details, escapeInline, GITHUB_BODY_LIMIT, noMention } from '../../../kernel/markdown.js';
import { type ParsedCommand, parseCommands } from './parse.js';
import { type RosterFileText, replySlot, rosterPullRequest } from './roster-pull.js';
import {
  escalatedFromMarker,
  fixedByRef,
  fixKey,
  type FixTargets,
  fixText,
  startFollowing,
} from '../fix.js';

/**
 * What each slash command does to the issue under decision. Commands only change the working
 * copy (labels, assignees, state) and add comments, notifications or a plan elsewhere; the
 * decision turns that into operations. A command that cannot be obeyed says why in the reply and
 * changes nothing.
 */

export interface CommandEnv {
  repo: RepoRef;
  issue: IssueSnapshot;
  comments: readonly CommentSnapshot[];
  comment: CommentSnapshot;
  config: EscalationConfig;
  roster?: Roster;
  channels: Channels;
  now: Date;
  /** Lines of the reply to the command's comment. */
  reply: string[];
  /** The response clock and escalation so far, for the post-mortem timeline. */
  timeline: string[];
  /** What the issues `/duplicate` names are, as the caller found them (one GET each). */
  referenced?: Readonly<Record<number, Referenced>>;
  /** roster.yaml's text and path, for `/swap` and `/cover` to change. */
  rosterFile?: RosterFileText;
  /** The repository's default branch, as the event names it. */
  defaultBranch?: string;
  /** What the issues `/fixed-by` names are, as the caller found them (one GET each). */
  fixTargets?: FixTargets;
}

export type Referenced = 'issue' | 'pull' | 'missing';

/** The engineering issues the `/fixed-by` commands of these comments name, for the caller to look up. */
export function fixedByTargets(
  bodies: readonly string[],
  here: RepoRef,
): { repo: string; number: number }[] {
  const found = bodies
    .flatMap((b) => parseCommands(b))
    .filter((c) => c.name === 'fixed-by')
    .flatMap((c) => fixedByRef(c.args[0] ?? '', here) ?? []);
  return [...new Map(found.map((f) => [fixKey(f), f])).values()];
}

/** The issues that the `/duplicate` commands of these comments name, for the caller to look up. */
export function duplicateTargets(bodies: readonly string[]): number[] {
  const found = bodies
    .flatMap((b) => parseCommands(b))
    .filter((c) => c.name === 'duplicate')
    .map((c) => Number(/^#?(\d+)$/.exec(c.args[0] ?? '')?.[1] ?? NaN))
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(found)];
}

const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;
const REPO = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/;

/** A login the kit may @-mention: somebody on the roster. Anyone else is named without a ping. */
export function personRef(login: string, roster: Roster | undefined): string {
  const known =
    roster && Object.keys(roster.people).some((p) => p.toLowerCase() === login.toLowerCase());
  return known ? `@${login}` : `**${escapeInline(login)}**`;
}

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export function runCommand(command: ParsedCommand, work: Work, env: CommandEnv): void {
  const name = command.name;
  const say = (line: string) => env.reply.push(line);
  const code = `\`/${command.name}\``;
  if (!isCommandName(name)) {
    say(
      `Unknown command ${code}. Commands here: ${env.config.commands.enabled.map((c) => `\`/${c}\``).join(', ') || 'none'}.`,
    );
    return;
  }
  if (!env.config.commands.enabled.includes(name)) {
    say(`${code} is turned off in escalation.yaml; nothing was done.`);
    return;
  }
  const arg = command.args[0] ?? '';
  switch (name) {
    case 'ack': {
      work.ack = { at: env.comment.createdAt, by: env.comment.author, how: 'command' };
      const label = env.config.acknowledgedLabel;
      const isStatus = label && env.config.status?.labels.some((l) => sameLabel(l, label));
      if (label && !isStatus && !hasLabel(work.labels, label)) work.labels.push(label);
      work.statusEvents.push('acknowledged');
      return;
    }
    case 'assign':
    case 'handoff': {
      const login = LOGIN.exec(arg)?.[1];
      if (!login) {
        say(`${code} needs a login: \`/${name} @someone\`; nothing was done.`);
        return;
      }
      const before = work.assignees.filter((a) => a.toLowerCase() !== login.toLowerCase());
      if (name === 'assign') {
        if (!work.assignees.some((a) => a.toLowerCase() === login.toLowerCase()))
          work.assignees.push(login);
      } else {
        work.assignees = [login];
        work.handoff = login;
        // Said as what will be done: the executor assigns first and unassigns only once GitHub
        // took the new assignee, and the run's summary says how it went.
        const from = before.map((b) => `**${escapeInline(b)}**`).join(', ');
        say(
          `Handing off to ${personRef(login, env.roster)} for **${escapeInline(env.comment.author)}**${before.length ? `: ${from} ${before.length > 1 ? 'come' : 'comes'} off once GitHub has assigned ${personRef(login, env.roster)}` : ''}.`,
        );
        if (env.channels.webhook && env.config.webhook?.events.includes('handoff'))
          work.notify.push({
            kind: 'notify',
            channel: 'webhook',
            issue: env.issue.number,
            key: `hook-handoff-${env.comment.id}`,
            payload: handoffMessage(env.repo, env.issue, before, login, env.comment.author),
            reason: `/handoff by ${env.comment.author}`,
          });
      }
      work.statusEvents.push('assigned');
      return;
    }
    case 'severity': {
      const severities = env.config.severities;
      const wanted = arg.toLowerCase();
      const chosen = severities.find((s) => {
        const name = s.toLowerCase();
        // S1 picks S1-broken: the severity's name up to a separator.
        return (
          name === wanted ||
          (wanted !== '' && name.startsWith(wanted) && /[^a-z0-9]/.test(name.charAt(wanted.length)))
        );
      });
      if (!chosen) {
        say(
          severities.length
            ? `${code} takes one of ${severities.map((s) => `\`${escapeInline(s)}\``).join(', ')}; nothing was done.`
            : `${code}: no severities are listed in escalation.yaml; nothing was done.`,
        );
        return;
      }
      work.labels = [
        ...work.labels.filter((l) => !severities.some((s) => sameLabel(s, l))),
        chosen,
      ];
      return;
    }
    case 'status': {
      const status = env.config.status;
      if (!status) {
        say(`${code}: escalation.yaml has no status lifecycle; nothing was done.`);
        return;
      }
      const chosen = statusNamed(command.args.join(' '), status);
      if (!chosen) {
        say(
          `${code} takes one of ${statusNames(status)
            .map((s) => `\`${escapeInline(s)}\``)
            .join(', ')}; nothing was done.`,
        );
        return;
      }
      work.statusSet = chosen;
      return;
    }
    case 'oncall': {
      const roster = env.roster;
      const route = roster ? routeFor(roster, work.labels) : undefined;
      if (!roster || !route) {
        say('`/oncall`: no roster.yaml route covers this issue.');
        return;
      }
      const onCall = onCallAt(roster, route.schedule, env.now);
      const roles = Object.entries(onCall.roles).map(
        ([role, a]) => `${escapeInline(role)} **${escapeInline(a.login)}** (until ${a.shiftEnd})`,
      );
      say(
        roles.length
          ? `On call now for ${escapeInline(route.schedule)}: ${roles.join(', ')}.`
          : `Nobody is on call for ${escapeInline(route.schedule)} now${onCall.resumesAt ? `; coverage resumes at ${onCall.resumesAt}${onCall.resumesWith ? ` with **${escapeInline(onCall.resumesWith.login)}**` : ''}` : ''}.`,
      );
      return;
    }
    case 'duplicate': {
      const number = /^#?(\d+)$/.exec(arg)?.[1];
      if (!number || Number(number) === env.issue.number) {
        say(`${code} needs another issue: \`/duplicate #123\`; nothing was done.`);
        return;
      }
      const original = Number(number);
      const found = env.referenced?.[original];
      if (found !== 'issue') {
        say(
          found === undefined
            ? `${code}: #${original} could not be checked; nothing was done.`
            : `${code}: #${original} is ${found === 'pull' ? 'a pull request' : 'not an issue of this repository'}; nothing was done.`,
        );
        return;
      }
      const label = env.config.commands.duplicateLabel;
      if (!hasLabel(work.labels, label)) work.labels.push(label);
      say(`Duplicate of #${original}.`);
      if (work.state === 'open') {
        work.state = 'closed';
        work.stateReason = 'duplicate';
        work.close = 'duplicate';
      }
      return;
    }
    case 'escalate': {
      const match = REPO.exec(arg);
      if (!match) {
        say(`${code} needs a repository: \`/escalate owner/name\`; nothing was done.`);
        return;
      }
      const target = match[0]; // owner/name: REPO is anchored at both ends
      if (!env.config.commands.escalateTo.some((r) => r.toLowerCase() === target.toLowerCase())) {
        say(
          `${code}: ${escapeInline(target)} is not among the repositories escalation.yaml allows (commands.escalate-to); nothing was done.`,
        );
        return;
      }
      if (!env.channels.escalationToken) {
        say(
          `${code} needs the escalation-token input (a token that can open issues in ${escapeInline(target)}); nothing was done.`,
        );
        return;
      }
      work.remote.push({
        capability: 'escalate',
        repo: { owner: match[1] ?? '', repo: match[2] ?? '' },
        operations: [escalatedIssue(env, target)],
        notes: [`/escalate by ${env.comment.author} from #${env.issue.number}`],
      });
      startFollowing(work, {
        issue: env.issue.number,
        fix: {
          repo: { owner: match[1] ?? '', repo: match[2] ?? '' },
          marker: escalatedFromMarker(`${env.repo.owner}/${env.repo.repo}#${env.issue.number}`),
        },
        at: env.now.toISOString(),
        by: env.comment.author,
      });
      // The issue over there is opened after this plan is made: the reply says what will be done,
      // and GitHub's own cross-reference (its body links here) shows that it was.
      say(
        `Opening an issue in ${escapeInline(target)} with the full context of this one. It links back here, so it shows in this issue's timeline once it exists; the run's summary has its link or the error. This issue now waits on it: the kit follows it to its fix and release.`,
      );
      return;
    }
    case 'fixed-by': {
      fixedBy(arg, work, env);
      return;
    }
    case 'swap':
    case 'cover': {
      rosterChange(name, command, work, env);
      return;
    }
    case 'postmortem': {
      work.comments.push({
        kind: 'upsert-comment',
        issue: env.issue.number,
        marker: { kind: 'postmortem', keys: {} },
        body: postmortemOutline(env),
        reason: `/postmortem by ${env.comment.author}`,
      });
      return;
    }
  }
}

/**
 * `/fixed-by owner/name#12` (or `#12` here): this issue waits on an engineering issue that exists.
 * Another repository must be one `/escalate` may reach (commands.escalate-to), whose token reads it.
 */
function fixedBy(arg: string, work: Work, env: CommandEnv): void {
  const code = '`/fixed-by`';
  const say = (line: string) => env.reply.push(line);
  const ref = fixedByRef(arg, env.repo);
  if (!ref || (sameRepoText(ref.repo, env.repo) && ref.number === env.issue.number)) {
    say(
      `${code} needs an engineering issue: \`/fixed-by owner/name#123\` or \`/fixed-by #123\`; nothing was done.`,
    );
    return;
  }
  if (
    !sameRepoText(ref.repo, env.repo) &&
    !env.config.commands.escalateTo.some((r) => r.toLowerCase() === ref.repo.toLowerCase())
  ) {
    say(
      `${code}: ${escapeInline(ref.repo)} is not among the repositories escalation.yaml allows (commands.escalate-to); nothing was done.`,
    );
    return;
  }
  const found = env.fixTargets?.[fixKey(ref)];
  if (found === undefined || found === 'missing') {
    say(
      found === undefined
        ? `${code}: ${fixText(ref)} could not be checked${sameRepoText(ref.repo, env.repo) ? '' : ' (it needs the escalation-token input)'}; nothing was done.`
        : `${code}: ${fixText(ref)} is not an issue the kit can read; nothing was done.`,
    );
    return;
  }
  const [owner = '', repo = ''] = found.repo.split('/');
  startFollowing(work, {
    issue: env.issue.number,
    fix: { repo: { owner, repo }, number: found.number, id: found.id },
    at: env.now.toISOString(),
    by: env.comment.author,
  });
  say(`This issue now waits on ${fixText(found)}: the kit follows it to its fix and release.`);
}

function sameRepoText(text: string, repo: RepoRef): boolean {
  return text.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase();
}

/** `/swap` and `/cover`: a pull request on roster.yaml, whose link the reply gets once it is open. */
function rosterChange(
  name: 'swap' | 'cover',
  command: ParsedCommand,
  work: Work,
  env: CommandEnv,
): void {
  const code = `\`/${name}\``;
  if (work.pulls.length > 0) {
    env.reply.push(`${code}: one swap or cover a comment; this one was not done.`);
    return;
  }
  const made = rosterPullRequest({
    kind: name,
    args: command.args,
    author: env.comment.author,
    commentId: env.comment.id,
    issue: env.issue.number,
    roster: env.roster,
    file: env.rosterFile,
    defaultBranch: env.defaultBranch,
    now: env.now,
  });
  if (typeof made === 'string') {
    env.reply.push(`${code}: ${made}; nothing was done.`);
    return;
  }
  work.pulls.push(made);
  env.reply.push(replySlot(made));
}

/**
 * Text from an issue or comment, quoted into what the kit writes: no @-mentions, no `#123`
 * cross-references, no HTML comments (so no forged kit marker rides along).
 */
function quoteUntrusted(text: string): string {
  const safe = noMention(text)
    .replace(/#(?=\d)/g, '#\u2060')
    .replace(/<!--/g, '&lt;!--')
    .replace(/\r\n?/g, '\n')
    .trim();
  return (safe || '(empty)')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * GitHub refuses an issue body over 65,536 characters; the kit's marker line and the note on what
 * was cut must fit too.
 */
const ISSUE_BODY_MAX = GITHUB_BODY_LIMIT - 200;

/** The text cut to `max` characters, saying how many were left out. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (n: number) => `\n\n… and ${n} more characters`;
  const keep = max - note(text.length).length;
  return `${text.slice(0, keep)}${note(text.length - keep)}`;
}

/** Seed 001's L2 to L3 hand-over: an issue in the engineering repository with all the context. */
function escalatedIssue(env: CommandEnv, target: string): Operation {
  const { repo, issue } = env;
  const from = `${repo.owner}/${repo.repo}#${issue.number}`;
  const conversation = env.comments
    .filter((c) => !c.bot && c.id !== env.comment.id)
    .map((c) => `**${escapeInline(c.author)}** at ${c.createdAt}:\n\n${quoteUntrusted(c.body)}`);
  const body = [
    `Escalated from ${issue.url} by **${escapeInline(env.comment.author)}**.`,
    '',
    `- Reported by: **${escapeInline(issue.author)}** at ${issue.createdAt}`,
    `- Labels: ${issue.labels.map((l) => `\`${escapeInline(l)}\``).join(', ') || 'none'}`,
    `- Assignees: ${issue.assignees.map((a) => `**${escapeInline(a)}**`).join(', ') || 'none'}`,
    '',
    '### Report',
    '',
    quoteUntrusted(issue.body),
    ...(conversation.length ? ['', '### Conversation', '', conversation.join('\n\n')] : []),
  ].join('\n');
  return {
    kind: 'upsert-issue',
    marker: escalatedFromMarker(from),
    title: `[${from}] ${issue.title}`.slice(0, 256),
    body: truncate(body, ISSUE_BODY_MAX),
    labels: env.config.commands.escalateLabels,
    reason: `/escalate ${target} from ${from}`,
  };
}

function postmortemOutline(env: CommandEnv): string {
  return [
    `### Post-mortem outline for #${env.issue.number}`,
    '',
    ...env.config.postmortem.map((item) => `- [ ] ${escapeInline(item)}`),
    '',
    details(
      'What the kit recorded',
      env.timeline.map((t) => `- ${t}`),
    ),
  ].join('\n');
}
