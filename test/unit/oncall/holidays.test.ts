import { describe, expect, it } from 'vitest';
import {
  HolidaySourceError,
  renderHolidayYaml,
  suggestHolidays,
} from '../../../src/oncall/holidays.js';
import { fixtureText, rosterOf } from '../fixtures/roster/load.js';

/**
 * `support-kit oncall holidays`: a draft of a site's holidays from date-holidays, to review and
 * commit. Public holidays only, substitute days marked, and no guessing of the country.
 */

describe('holiday suggestions', () => {
  it("lists France's 2026 public holidays, Easter Monday on April 6 and the 14th of July included", () => {
    const { holidays } = suggestHolidays({ site: 'paris', year: 2026, country: 'FR' });
    expect(holidays).toContainEqual({
      date: '2026-04-06',
      name: 'Lundi de Pâques',
      substitute: false,
    });
    expect(holidays).toContainEqual({
      date: '2026-07-14',
      name: 'Fête Nationale de la France',
      substitute: false,
    });
    // Pentecost Sunday and Mothers' Day are observances, not days off.
    expect(holidays.map((h) => h.date)).not.toContain('2026-05-24');
    expect(holidays).toHaveLength(11);
  });

  it('marks the US Independence Day observed on Friday 2026-07-03 as a substitute, beside the Saturday itself', () => {
    const { holidays } = suggestHolidays({ site: 'sfo', year: 2026, country: 'US', region: 'CA' });
    expect(holidays.filter((h) => h.date.startsWith('2026-07'))).toEqual([
      { date: '2026-07-03', name: 'Independence Day (substitute day)', substitute: true },
      { date: '2026-07-04', name: 'Independence Day', substitute: false },
    ]);
  });

  it('refuses a site called Cambridge without --country: its name does not say England or Massachusetts', () => {
    expect(() => suggestHolidays({ site: 'cambridge', year: 2026 })).toThrow(HolidaySourceError);
    expect(() => suggestHolidays({ site: 'cambridge', year: 2026 })).toThrow(
      /Cambridge is in England and in Massachusetts\); pass --country CC \[--region R\]/,
    );
  });

  it("refuses to take Cambridge's country from Europe/London alone: the UK's holidays differ by region", () => {
    expect(() =>
      suggestHolidays({ site: 'cambridge', year: 2026, timezone: 'Europe/London' }),
    ).toThrow(/zone Europe\/London is in GB, whose holidays differ by region \(.*ENG England/);
  });

  it("takes the country from the site's zone when a region is given, England's summer bank holiday included", () => {
    const suggestion = suggestHolidays({
      site: 'cambridge',
      year: 2026,
      timezone: 'Europe/London',
      region: 'ENG',
    });
    expect(suggestion.country).toBe('GB');
    expect(suggestion.holidays).toContainEqual({
      date: '2026-08-31',
      name: 'Summer bank holiday',
      substitute: false,
    });
  });

  it('refuses a zone shared by several countries', () => {
    expect(() =>
      suggestHolidays({ site: 'zurich', year: 2026, timezone: 'Europe/Zurich' }),
    ).toThrow(/zone Europe\/Zurich is used by CH \(Switzerland\), LI \(Liechtenstein\)/);
  });

  it('refuses a region the country does not have, naming the ones it has', () => {
    expect(() =>
      suggestHolidays({ site: 'cambridge', year: 2026, country: 'GB', region: 'MA' }),
    ).toThrow(/country GB has no region "MA".*ENG England/);
  });
});

describe('holiday suggestions as YAML', () => {
  const suggestion = suggestHolidays({ site: 'sfo', year: 2026, country: 'US', region: 'CA' });
  const text = renderHolidayYaml(suggestion);

  it('pastes under sites.<site>.holidays of a roster, which then accepts every date', () => {
    const pasted = text
      .split('\n')
      .map((line) => (line ? `      ${line}` : line))
      .join('\n');
    const roster = rosterOf(
      fixtureText('follow-the-sun').replace(
        /( {2}sfo:\n {4}timezone: America\/Los_Angeles\n {4}holidays:\n)( {6}- .*\n)+/,
        (_, head: string) => `${head}${pasted}\n`,
      ),
    );
    expect(roster.sites.sfo?.holidays).toContainEqual({
      date: '2026-07-03',
      name: 'Independence Day (substitute day)',
    });
    expect(roster.sites.sfo?.holidays).toHaveLength(suggestion.holidays.length);
  });

  it('names the library, its version and the CC BY-SA licence of the data, and says company holidays differ', () => {
    const header = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.slice(2))
      .join(' ');
    expect(header).toMatch(
      /^Public holidays of United States of America, California \(US-CA\) in 2026/,
    );
    expect(header).toMatch(/Source: date-holidays \d+\.\d+\.\d+ \(data \d{4}-\d{2}-\d{2}\)/);
    expect(header).toMatch(
      /under CC BY-SA 3\.0 \(https:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/\)/,
    );
    expect(header).toMatch(/public holidays are not your company's/);
    expect(header).toMatch(/Paste under sites\.sfo\.holidays:$/);
  });

  it('marks substitute days with a comment, in date order', () => {
    const lines = text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toContain(
      '- { date: 2026-07-03, name: Independence Day (substitute day) } # substitute',
    );
    const dates = lines.map((line) => /date: (\S+),/.exec(line)?.[1] ?? '');
    expect(dates).toEqual([...dates].sort());
  });
});
