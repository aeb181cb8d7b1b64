import { formatMarker, hasMarker, parseMarkers, sectionOf } from '../../kernel/markers.js';
import type { Marker } from '../../kernel/plan.js';
import { type PendingNotification, readPending } from '../../kernel/pending-notifications.js';
import type { CommentSnapshot } from './types.js';
import { type FixLink, readFixLink } from '../../kernel/fix-link.js';

/**
 * What the kit did for an issue, kept in one marked comment so that a re-run (or a late cron
 * run) knows what is done: the escalation steps taken, the notifications sent, the playbook and
 * the last comment whose commands were handled. Nothing else remembers it.
 */

export const STATE_MARKER: Marker = { kind: 'escalation', keys: {} };
const STATE_KIND = 'escalation-state';

export interface Acknowledgement {
  at: string;
  by: string;
  how: 'comment' | 'command' | 'label';
}

export interface EscalationState {
  /** Escalation steps taken (1 = the first step is done). */
  steps: number;
  /** Recorded for `/ack`: the command's author was checked once, through the API. */
  ack?: Acknowledgement;
  /** Notification keys already sent or attempted (a failed one is also in `pending`). */
  notified: string[];
  playbook?: { name: string; at: string };
  leadership: boolean;
  /** The id of the last comment whose commands were handled. */
  command: number;
  /** When the incident closed, once its follow-ups were opened: they are never opened again. */
  followUps?: string;
  /** The follow-up reminders posted: `incident-retrospective:due`, `...:overdue`. */
  reminded: string[];
  /** The engineering issue the support issue waits on (`/escalate`, `/fixed-by`). */
  fix?: FixLink;
  /** What the kit last told of that issue (decide/fix.ts), so each news is told once. */
  told?: FixNews;
}

/**
 * How far the fix got, as last told: open (waiting, or reopened), fixed, not planned, or the
 * tags of the first pre-release and release that hold it.
 */
interface FixNews {
  state: 'open' | 'fixed' | 'not-planned';
  /** The closing commit (`none`: closed by hand), once read. */
  commit?: string;
  /** The newest release looked at: releases up to it need no look again. */
  checked?: string;
  beta?: string;
  stable?: string;
}

function emptyState(): EscalationState {
  return { steps: 0, notified: [], leadership: false, command: 0, reminded: [] };
}

/**
 * Nothing worth a comment yet. A handled command is: commands are looked for on every run, and
 * one that left no reply (`/assign`, `/severity`) would otherwise be obeyed again.
 */
export function isEmptyState(state: EscalationState): boolean {
  return (
    state.steps === 0 &&
    !state.ack &&
    state.notified.length === 0 &&
    !state.playbook &&
    state.command === 0 &&
    !state.followUps &&
    !state.fix
  );
}

export interface StoredState {
  state: EscalationState;
  pending: PendingNotification[];
  /** The state comment as it is now, to leave it alone when nothing changed. */
  body?: string;
}

/** The state from the kit's own comment; the marker in anyone else's (a person's, another app's) is ignored. */
export function readState(comments: readonly CommentSnapshot[]): StoredState {
  const comment = comments.find((c) => c.kit && hasMarker(c.body, STATE_MARKER));
  if (!comment) return { state: emptyState(), pending: [] };
  // The state may share its comment with intake's and on-call's sections: only its own counts.
  const own = { body: sectionOf(comment.body, STATE_MARKER) ?? comment.body };
  const keys = parseMarkers(own.body).find((m) => m.kind === STATE_KIND)?.keys ?? {};
  const state = emptyState();
  state.steps = Number(keys.steps) || 0;
  state.command = Number(keys.command) || 0;
  state.leadership = keys.leadership === '1';
  state.notified = (keys.notified ?? '').split(',').filter(Boolean);
  if (keys['ack-at'] && keys['ack-by'])
    state.ack = {
      at: keys['ack-at'],
      by: keys['ack-by'],
      how:
        keys['ack-how'] === 'comment' || keys['ack-how'] === 'label' ? keys['ack-how'] : 'command',
    };
  if (keys.playbook && keys['playbook-at'])
    state.playbook = { name: keys.playbook, at: keys['playbook-at'] };
  if (keys['follow-ups']) state.followUps = keys['follow-ups'];
  state.reminded = (keys.reminded ?? '').split(',').filter(Boolean);
  const fix = readFixLink(own.body);
  if (fix) state.fix = fix;
  const told = keys['fix-state'];
  if (told === 'open' || told === 'fixed' || told === 'not-planned')
    state.told = {
      state: told,
      ...(keys['fix-commit'] ? { commit: keys['fix-commit'] } : {}),
      ...(keys['fix-checked'] ? { checked: keys['fix-checked'] } : {}),
      ...(keys['fix-beta'] ? { beta: keys['fix-beta'] } : {}),
      ...(keys['fix-stable'] ? { stable: keys['fix-stable'] } : {}),
    };
  return { state, pending: readPending(own.body), body: own.body };
}

/** The hidden line that carries the state (the visible text is for people). */
export function stateLine(state: EscalationState): string {
  return formatMarker({
    kind: STATE_KIND,
    keys: {
      steps: String(state.steps),
      notified: [...new Set(state.notified)].sort().join(','),
      ...(state.ack
        ? { 'ack-at': state.ack.at, 'ack-by': state.ack.by, 'ack-how': state.ack.how }
        : {}),
      ...(state.playbook
        ? { playbook: state.playbook.name, 'playbook-at': state.playbook.at }
        : {}),
      ...(state.leadership ? { leadership: '1' } : {}),
      ...(state.command ? { command: String(state.command) } : {}),
      ...(state.followUps ? { 'follow-ups': state.followUps } : {}),
      ...(state.reminded.length > 0 ? { reminded: [...new Set(state.reminded)].join(',') } : {}),
      ...(state.told ? toldKeys(state.told) : {}),
    },
  });
}

function toldKeys(told: FixNews): Record<string, string> {
  return {
    'fix-state': told.state,
    ...(told.commit ? { 'fix-commit': told.commit } : {}),
    ...(told.checked ? { 'fix-checked': told.checked } : {}),
    ...(told.beta ? { 'fix-beta': told.beta } : {}),
    ...(told.stable ? { 'fix-stable': told.stable } : {}),
  };
}
