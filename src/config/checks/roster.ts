import { RosterError, rosterFrom } from '../../core/roster/from-yaml.js';
import type { ConfigProblem } from '../problems.js';
import { formatPath } from '../schema.js';
import { locate, type YamlFile } from '../yaml.js';

/**
 * What the roster schema cannot see (unknown people and sites, zones that do not exist, a
 * backup role over one member, ...), each at its line: the model itself says what is wrong.
 */
export function checkRoster(yaml: YamlFile): ConfigProblem[] {
  try {
    rosterFrom(yaml.value);
    return [];
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
