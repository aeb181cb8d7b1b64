/**
 * GitHub Pages as far as publishing needs it: whether it is on and how it is built
 * (docs.github.com/rest/pages/pages#get-a-apiname-pages-site). Off answers 404; reading takes the
 * `pages: read` permission (permissions.ts).
 */
import { notFound } from '../errors.js';
import type { Reply, RouteContext } from '../route.js';
import { repoOf } from './common.js';

export function getPages(ctx: RouteContext): Reply {
  const repo = repoOf(ctx);
  const site = repo.pages;
  if (!site) throw notFound();
  const [owner = '', name = ''] = repo.full_name.split('/');
  const html = site.html_url ?? `https://${owner.toLowerCase()}.github.io/${name}/`;
  return {
    status: 200,
    body: {
      url: `${ctx.origin}/repos/${repo.full_name}/pages`,
      status: 'built',
      cname: null,
      custom_404: false,
      html_url: html,
      build_type: site.build_type,
      ...(site.build_type === 'legacy' ? { source: { branch: 'gh-pages', path: '/' } } : {}),
      public: site.public ?? true,
      https_enforced: true,
    },
  };
}
