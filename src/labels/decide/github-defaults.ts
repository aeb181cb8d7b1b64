/**
 * The labels GitHub gives every new repository (docs.github.com, "Managing labels", "About
 * default labels"), as it creates them. A desk that turns `prune` on meets them on its first
 * sync; untouched, they are GitHub's furniture rather than a team's choice.
 */
export const GITHUB_DEFAULT_LABELS: readonly {
  name: string;
  color: string;
  description: string;
}[] = [
  { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
  {
    name: 'documentation',
    color: '0075ca',
    description: 'Improvements or additions to documentation',
  },
  { name: 'duplicate', color: 'cfd3d7', description: 'This issue or pull request already exists' },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
  { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
  { name: 'help wanted', color: '008672', description: 'Extra attention is needed' },
  { name: 'invalid', color: 'e4e669', description: "This doesn't seem right" },
  { name: 'question', color: 'd876e3', description: 'Further information is requested' },
  { name: 'wontfix', color: 'ffffff', description: 'This will not be worked on' },
];

/** Still exactly as GitHub made it: same name, color and description. */
export function isUntouchedDefault(label: {
  name: string;
  color: string;
  description: string | null;
}): boolean {
  return GITHUB_DEFAULT_LABELS.some(
    (d) =>
      d.name === label.name &&
      d.color === label.color.toLowerCase() &&
      d.description === (label.description ?? ''),
  );
}
