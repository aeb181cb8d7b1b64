import { RosterError, rosterFrom } from './from-yaml.js';
import { skippedHandoffs } from '../rotation.js';
import type { ConfigProblem } from '../../kernel/problems.js';
import { formatPath } from '../../kernel/yaml.js';
import { locate, type YamlFile } from '../../kernel/yaml.js';

/**
 * What the roster schema cannot see (unknown people and sites, zones that do not exist, a
 * backup role over one member, ...), each at its line: the model itself says what is wrong.
 */
export function checkRoster(yaml: YamlFile): ConfigProblem[] {
  try {
    return skippedHandoffs(rosterFrom(yaml.value)).map((s) => {
      const path = ['rotations', s.rotation, 'handoff'];
      return {
        file: yaml.file,
        ...locate(yaml, path),
        severity: 'warning' as const,
        message:
          s.kind === 'skipped'
            ? `${formatPath(path)}: ${s.time} does not exist in ${s.zone} when the clocks go forward, so the hand-off moves on those days: ${s.dates.join('; ')}. Pick a time outside ${s.span}, which the clocks skip`
            : `${formatPath(path)}: ${s.time} happens twice in ${s.zone} when the clocks go back, and the hand-off is at the first of the two on those days: ${s.dates.join('; ')}. Pick a time outside ${s.span}, which the clocks repeat`,
      };
    });
  } catch (error) {
    if (!(error instanceof RosterError)) throw error;
    return error.problems.map((p) => ({
      file: yaml.file,
      ...locate(yaml, p.path),
      severity: 'error' as const,
      message: p.path.length > 0 ? `${formatPath(p.path)}: ${p.message}` : p.message,
    }));
  }
}
