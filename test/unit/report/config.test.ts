import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/config/load.js';
import { specNamed } from '../../../src/config/spec.js';
import { CONFIG_FILES } from '../../../src/validate/config-files.js';
import { reportConfigFrom } from '../../../src/report/config/report.js';

const spec = specNamed(CONFIG_FILES, 'report.yaml')!;
const check = (text: string) => checkFile(spec, '.github/support-kit/report.yaml', text).problems;

describe('report.yaml', () => {
  it('without a file every default is filled: 1 business hour, S0 and S1 majors, preset prefixes', () => {
    expect(reportConfigFrom(undefined)).toEqual({
      repositories: [],
      week: 'previous',
      staleAfterDays: 14,
      labels: { severity: 'S', status: 'status/', area: 'area/' },
      majorSeverities: ['S0', 'S1'],
      goals: { defaultMs: 3_600_000, severities: {} },
      team: [],
      title: 'Support report {week}',
      label: 'support-kit/report',
      listLimit: 25,
    });
  });

  it('a title without {week} is refused at its line: two weeks would share one issue', () => {
    expect(check('stale-after-days: 30\ntitle: Weekly support report\n')).toMatchObject([
      {
        line: 2,
        column: 8,
        severity: 'error',
        message: expect.stringContaining('must contain {week}'),
      },
    ]);
  });

  it('a zone shaped like an IANA name that does not exist is refused at its line', () => {
    expect(check('timezone: Europe/Pariss\n')).toMatchObject([
      { line: 1, column: 11, severity: 'error', message: 'unknown time zone "Europe/Pariss"' },
    ]);
  });

  it('a goal that is not hours and minutes is refused; one no label can match is a warning', () => {
    expect(check('response-goals:\n  default: 1 hour\n')[0]?.message).toMatch(
      /such as 1h, 30m or 2h30m/,
    );
    expect(
      check('response-goals:\n  severities:\n    P1: 30m\n').map((p) => [p.line, p.severity]),
    ).toEqual([[3, 'warning']]);
  });
});
