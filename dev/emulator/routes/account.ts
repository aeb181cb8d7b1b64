/** The authenticated user, users, teams and the rate-limit overview. */
import { notAccessibleByIntegration, notFound, requiresAuthentication } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderPublicUser, renderUser } from '../shapes.js';

/**
 * An installation token acts as a bot, which is no user: GitHub refuses it this endpoint
 * (it is not among the endpoints available for GitHub App installation access tokens).
 */
export function getAuthenticatedUser(ctx: RouteContext): Reply {
  if (!ctx.viewer) throw requiresAuthentication();
  if (ctx.viewer.type === 'Bot')
    throw notAccessibleByIntegration(
      'https://docs.github.com/rest/users/users#get-the-authenticated-user',
    );
  return {
    status: 200,
    body: {
      ...renderPublicUser(ctx.store, ctx.viewer.login),
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: false,
    },
  };
}

export function getUser(ctx: RouteContext): Reply {
  const user = ctx.store.findUser(ctx.params.username ?? '');
  if (!user) throw notFound();
  return { status: 200, body: renderPublicUser(ctx.store, user.login) };
}

export function listTeamMembers(ctx: RouteContext): Reply {
  const team = ctx.store.findTeam(ctx.params.org ?? '', ctx.params.team_slug ?? '');
  if (!team) throw notFound();
  return paginated(ctx, team.members, (login) => renderUser(ctx.store, login));
}

/** GET /rate_limit: does not count against the limit (as on GitHub). */
export function getRateLimit(ctx: RouteContext): Reply {
  const who = ctx.principal;
  const rate = ctx.rate;
  const core = rate.peek(who, 'core');
  const search = rate.peek(who, 'search');
  const graphql = rate.peek(who, 'graphql');
  const view = (s: typeof core) => ({
    limit: s.limit,
    used: s.used,
    remaining: s.remaining,
    reset: s.reset,
  });
  return {
    status: 200,
    body: {
      resources: { core: view(core), search: view(search), graphql: view(graphql) },
      rate: view(core),
    },
  };
}
