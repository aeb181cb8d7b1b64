/** What a token may do: see permissions.ts for how GitHub decides it. */
export type Scope = 'issues' | 'pull-requests' | 'contents' | 'metadata' | 'actions' | 'pages';
export type Access = 'none' | 'read' | 'write';

export interface TokenGrant {
  login: string;
  kind: 'workflow' | 'app' | 'user';
  /** Repositories (owner/name) an installation token acts on; all, when left out. */
  repositories?: string[];
  /** An installation token's permissions; a scope left out is none. Users have their role's. */
  permissions?: Partial<Record<Scope, Access>>;
}
