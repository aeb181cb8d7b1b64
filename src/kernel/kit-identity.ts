import { parseMarkers } from './markers.js';

/**
 * Whose markers count. A marker is only text: a person, or another app relaying a customer's
 * words, can paste one anywhere. Only what the identity the kit writes as wrote is the kit's: the
 * workflow token's `github-actions[bot]`, an App's `<slug>[bot]`, or the person whose token the
 * command line runs with. Any other author's marker is a quote or a forgery, however it is typed.
 */

/**
 * The login the kit's token writes as, learned from GitHub once per run and only when asked
 * (the gateway's `kitLogin`). GraphQL's `viewer` names it: `github-actions` for the workflow
 * token, where REST names the same author `github-actions[bot]`.
 */
export type KitIdentity = () => Promise<string>;

/** An author as REST (`type`: User, Bot) or the kit's GraphQL reads (`type`: the `__typename`) give it. */
export interface Author {
  login: string;
  type?: string;
}

/** GraphQL names a bot without the `[bot]` REST adds: `dependabot` is REST's `dependabot[bot]`. */
export function restLogin(author: Author): string {
  return author.type === 'Bot' && !/\[bot\]$/i.test(author.login)
    ? `${author.login}[bot]`
    : author.login;
}

/**
 * Whether `author` is the identity the kit writes as. `kitLogin` may come either way (GraphQL's
 * viewer names a bot without `[bot]`): a bot author matches it with the suffix added. A person
 * never matches a bot's name, since no person's login holds brackets.
 */
function isKitAuthor(author: Author | null | undefined, kitLogin: string): boolean {
  if (!author) return false;
  const login = restLogin(author).toLowerCase();
  const kit = kitLogin.toLowerCase();
  return login === kit || (author.type === 'Bot' && login === `${kit}[bot]`);
}

const anyMarker = (body: string) => parseMarkers(body).length > 0;

/**
 * The items (comments, issues) that carry a marker `marked` accepts and that the kit wrote, in
 * their order. Who the kit is is asked only when an item is marked: a run that meets no marker
 * costs no request.
 */
export async function kitWritten<T extends { body?: string | null; user: Author | null }>(
  items: readonly T[],
  identity: KitIdentity,
  marked: (body: string) => boolean = anyMarker,
): Promise<T[]> {
  const candidates = items.filter((item) => marked(item.body ?? ''));
  if (candidates.length === 0) return [];
  const kit = await identity();
  return candidates.filter((item) => isKitAuthor(item.user, kit));
}
