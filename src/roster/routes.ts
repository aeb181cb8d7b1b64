import type { Roster, Route } from './types.js';

/**
 * Which schedule (and role) an issue goes to, from its labels: the first route that names one of
 * the labels, or that names none at all. Labels compare ignoring case and surrounding
 * spaces, as GitHub treats label names.
 */
export function routeFor(roster: Roster, labels: readonly string[]): Route | undefined {
  const have = new Set(labels.map((label) => label.trim().toLowerCase()));
  return roster.routes.find(
    (route) =>
      route.labels.length === 0 || route.labels.some((l) => have.has(l.trim().toLowerCase())),
  );
}
