import { IANAZone } from 'luxon';
import type { ConfigProblem } from '../../kernel/problems.js';
import { locate, type YamlFile } from '../../kernel/yaml.js';

/**
 * What report.schema.json cannot see: a zone shaped like an IANA name that does not exist
 * (Europe/Pariss), and a severity goal whose key can never match because the severity prefix
 * says otherwise. The roster calendar a goal names is checked by the job, which has both files.
 */
export function checkReport(yaml: YamlFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const value = yaml.value as {
    timezone?: string;
    labels?: { severity?: string };
    'response-goals'?: { severities?: Record<string, string> };
  };
  const at = (path: (string | number)[], message: string, severity: 'error' | 'warning') =>
    problems.push({ file: yaml.file, ...locate(yaml, path), severity, message });
  if (value.timezone !== undefined && !IANAZone.isValidZone(value.timezone))
    at(['timezone'], `unknown time zone "${value.timezone}"`, 'error');
  const prefix = (value.labels?.severity ?? 'S').toLowerCase();
  for (const key of Object.keys(value['response-goals']?.severities ?? {})) {
    if (!key.toLowerCase().startsWith(prefix))
      at(
        ['response-goals', 'severities', key],
        `"${key}" does not start with the severity prefix "${value.labels?.severity ?? 'S'}", so no issue will have this goal`,
        'warning',
      );
  }
  return problems;
}
