/** Repositories and their collaborators. */
import { notFound, requiresAuthentication } from '../errors.js';
import { paginated } from '../pagination.js';
import type { Reply, RouteContext } from '../route.js';
import { renderRepo, renderUser } from '../shapes.js';
import { PERMISSIONS, type Permission, type Repo } from '../store.js';
import { enumParam, repoOf } from './common.js';

export function getRepo(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  return { status: 200, body: renderRepo(ctx.store, repo, { viewer: ctx.viewer?.login ?? null }) };
}

function visible(ctx: RouteContext, repo: Repo): boolean {
  return !repo.private || ctx.viewer !== null;
}

export function listForOrg(ctx: RouteContext): Reply {
  const org = ctx.params.org ?? '';
  if (!ctx.store.isOrg(org)) throw notFound();
  const type = enumParam(
    ctx,
    'type',
    ['all', 'public', 'private', 'forks', 'sources', 'member'] as const,
    'all',
  );
  const repos = [...ctx.store.repos.values()]
    .filter((r) => r.owner.toLowerCase() === org.toLowerCase() && visible(ctx, r))
    .filter((r) =>
      type === 'public' ? !r.private : type === 'private' ? r.private : type !== 'forks',
    )
    .sort((a, b) => a.id - b.id);
  const viewer = ctx.viewer?.login ?? null;
  return paginated(ctx, repos, (r) => renderRepo(ctx.store, r, { viewer, minimal: true }));
}

/** Repositories the token's user owns or collaborates on (the Actions bot: every repository). */
export function listForAuthenticatedUser(ctx: RouteContext): Reply {
  const viewer = ctx.viewer;
  if (!viewer) throw requiresAuthentication();
  const repos = [...ctx.store.repos.values()]
    .filter((r) => viewer.type === 'Bot' || ctx.store.permission(r, viewer.login) !== null)
    .sort((a, b) => a.full_name.localeCompare(b.full_name));
  return paginated(ctx, repos, (r) =>
    renderRepo(ctx.store, r, { viewer: viewer.login, minimal: true }),
  );
}

const ROLE_TO_LEGACY: Record<Permission, string> = {
  read: 'read',
  triage: 'read',
  write: 'write',
  maintain: 'write',
  admin: 'admin',
};

function rank(p: Permission): number {
  return PERMISSIONS.indexOf(p);
}

function collaboratorPermissions(p: Permission) {
  return {
    pull: true,
    triage: rank(p) >= 1,
    push: rank(p) >= 2,
    maintain: rank(p) >= 3,
    admin: rank(p) >= 4,
  };
}

function collaborators(ctx: RouteContext, repo: Repo): { login: string; permission: Permission }[] {
  const out: { login: string; permission: Permission }[] = [];
  for (const user of ctx.store.assignableUsers(repo)) {
    const permission = ctx.store.permission(repo, user.login);
    if (permission) out.push({ login: user.login, permission });
  }
  return out;
}

export function listCollaborators(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const wanted = ctx.query.get('permission') as Permission | null;
  const list = collaborators(ctx, repo).filter(
    (c) => !wanted || rank(c.permission) >= rank(wanted),
  );
  return paginated(ctx, list, (c) => ({
    ...renderUser(ctx.store, c.login),
    permissions: collaboratorPermissions(c.permission),
    role_name: c.permission,
  }));
}

/** 204 when the user is a collaborator, else 404. */
export function checkCollaborator(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  if (!ctx.store.permission(repo, ctx.params.username ?? '')) throw notFound();
  return { status: 204 };
}

/**
 * GitHub's legacy `permission` (admin/write/read/none) plus the precise `role_name`. A known
 * user without access gets `none`; an unknown login is 404.
 */
export function getPermission(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const login = ctx.params.username ?? '';
  const user = ctx.store.findUser(login);
  if (!user) throw notFound(`${login} is not a user`);
  const permission = ctx.store.permission(repo, user.login);
  const legacy = permission ? ROLE_TO_LEGACY[permission] : repo.private ? 'none' : 'read';
  return {
    status: 200,
    body: {
      permission: legacy,
      role_name: permission ?? (repo.private ? 'none' : 'read'),
      user: {
        ...renderUser(ctx.store, user.login),
        permissions: permission
          ? collaboratorPermissions(permission)
          : { pull: !repo.private, triage: false, push: false, maintain: false, admin: false },
        role_name: permission ?? 'none',
      },
    },
  };
}
