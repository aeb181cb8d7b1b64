import Holidays from 'date-holidays';
import { data } from 'date-holidays/data';
import library from 'date-holidays/package.json' with { type: 'json' };
import { Document, YAMLMap, YAMLSeq } from 'yaml';
import { DAY_MS } from '../roster/time.js';

/**
 * Suggested site holidays, for `support-kit oncall holidays`. The kit never consults a holiday
 * library at run time: site holidays are dates committed in roster.yaml, reviewed like any other
 * change, so that a library upgrade cannot move anybody's day off. This only drafts that list.
 *
 * A library's "public" holidays are a country's (or region's), not a company's, and a place name
 * says nothing reliable ("Cambridge" is in England and in Massachusetts), so the country comes
 * from an option or from the site's zone in the roster, and only when that zone belongs to a
 * single country of the data set.
 *
 * Only the CLI imports this module: the data set (hundreds of kB) stays out of action bundles.
 */

/** The request cannot be answered as asked: the message says what to pass instead. */
export class HolidaySourceError extends Error {}

export interface HolidayRequest {
  /** The site the list is for (a key of `sites:`). */
  site: string;
  year: number;
  /** The site's IANA zone from the roster; absent when no roster was read. */
  timezone?: string;
  /** ISO 3166-1 alpha-2, as date-holidays spells it (GB, not UK). */
  country?: string;
  /** A subdivision of the country in date-holidays (ISO 3166-2 suffix): ENG, CA, MA. */
  region?: string;
}

interface SuggestedHoliday {
  /** Local date in the country's zone, YYYY-MM-DD. */
  date: string;
  name: string;
  /** A holiday moved off a weekend, listed besides the real date. */
  substitute: boolean;
}

export interface HolidaySuggestion {
  site: string;
  year: number;
  country: string;
  countryName: string;
  region?: string;
  regionName?: string;
  timezone?: string;
  /** Remarks for the reviewer: how the country was chosen, regions left out, a zone mismatch. */
  notes: string[];
  /** Sorted by date. */
  holidays: SuggestedHoliday[];
  source: { library: string; version: string; dataVersion: string };
}

const COUNTRY = /^[A-Z]{2}$/;

function countryNames(): Record<string, string> {
  return new Holidays().getCountries('en');
}

/** The countries whose holiday data lists a zone. */
function countriesOfZone(zone: string): string[] {
  return Object.entries(data.holidays)
    .filter(([, country]) => country.zones?.includes(zone))
    .map(([code]) => code)
    .sort();
}

function described(codes: Record<string, string>): string {
  return Object.entries(codes)
    .map(([code, name]) => `${code} ${name}`)
    .join(', ');
}

function chooseCountry(request: HolidayRequest, names: Record<string, string>): string {
  if (request.country !== undefined) {
    const country = request.country.toUpperCase();
    if (!COUNTRY.test(country) || !names[country]) {
      throw new HolidaySourceError(
        `no holiday data for country "${request.country}": use a two-letter code such as FR, GB or US`,
      );
    }
    return country;
  }
  if (request.timezone === undefined) {
    throw new HolidaySourceError(
      `site "${request.site}": a site's name does not say which holidays apply (Cambridge is in ` +
        'England and in Massachusetts); pass --country CC [--region R], such as --country GB ' +
        '--region ENG, or --config with the roster that gives the site its zone',
    );
  }
  const candidates = countriesOfZone(request.timezone);
  if (candidates.length === 1) return candidates[0] as string;
  const which =
    candidates.length === 0
      ? `no country of the holiday data uses zone ${request.timezone}`
      : `zone ${request.timezone} is used by ${candidates.map((c) => `${c} (${names[c] ?? c})`).join(', ')}`;
  throw new HolidaySourceError(`site "${request.site}": ${which}; pass --country CC [--region R]`);
}

/** "2026-07-03 00:00:00 -0700" → the local dates the holiday covers (most cover one). */
function datesOf(holiday: { date: string; start: Date; end: Date }): string[] {
  const first = holiday.date.slice(0, 10);
  const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
  const base = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(base + i * DAY_MS).toISOString().slice(0, 10),
  );
}

export function suggestHolidays(request: HolidayRequest): HolidaySuggestion {
  const names = countryNames();
  const country = chooseCountry(request, names);
  const regions = new Holidays().getStates(country) ?? {};
  const region = request.region?.toUpperCase();
  if (request.region !== undefined && region !== undefined && !regions[region]) {
    const known = Object.keys(regions).length ? `its regions: ${described(regions)}` : 'none';
    throw new HolidaySourceError(
      `country ${country} has no region "${request.region}" in the holiday data (${known})`,
    );
  }

  const hasRegions = Object.keys(regions).length > 0;
  // A zone names a country, not a region: Europe/London alone would drop England's summer bank
  // holiday (and add none of Scotland's), so a country with regional lists must be chosen outright.
  // Without --country, chooseCountry took the country from the zone, so request.timezone is set.
  const zone = request.timezone ?? '';
  if (request.country === undefined && region === undefined && hasRegions) {
    throw new HolidaySourceError(
      `site "${request.site}": zone ${zone} is in ${country}, whose holidays differ by ` +
        `region (${described(regions)}); pass --region R, or --country ${country} for the ` +
        'national holidays only',
    );
  }

  const notes: string[] = [];
  if (request.country === undefined) {
    notes.push(`Country ${country} from the site's zone ${zone}.`);
  } else if (request.timezone && !data.holidays[country]?.zones?.includes(request.timezone)) {
    notes.push(
      `Check the country: the site's zone ${request.timezone} is not one of ${country}'s in the holiday data.`,
    );
  }
  if (region === undefined && hasRegions) {
    notes.push(
      `National holidays only: ${country}'s regions (${Object.keys(regions).join(', ')}) add their own (--region).`,
    );
  }

  const calendar = region === undefined ? new Holidays(country) : new Holidays(country, region);
  const byDate = new Map<string, SuggestedHoliday>();
  for (const holiday of calendar.getHolidays(request.year)) {
    if (holiday.type !== 'public') continue;
    for (const date of datesOf(holiday)) {
      if (!date.startsWith(`${request.year}-`)) continue;
      const same = byDate.get(date);
      // The roster keeps one entry per date: two holidays on one day share it.
      if (same) same.name = `${same.name} / ${holiday.name}`;
      else byDate.set(date, { date, name: holiday.name, substitute: holiday.substitute === true });
    }
  }
  return {
    site: request.site,
    year: request.year,
    country,
    countryName: names[country] ?? country,
    ...(region !== undefined ? { region, regionName: regions[region] } : {}),
    ...(request.timezone !== undefined ? { timezone: request.timezone } : {}),
    notes,
    holidays: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    source: { library: library.name, version: library.version, dataVersion: data.version },
  };
}

/**
 * The list as YAML to paste under `sites.<site>.holidays:`, with a header naming the source and
 * its licence: the data is CC BY-SA, and the attribution has to travel with the copied dates.
 */
export function renderHolidayYaml(suggestion: HolidaySuggestion): string {
  const s = suggestion;
  const where = s.region
    ? `${s.countryName}, ${s.regionName ?? s.region} (${s.country}-${s.region})`
    : `${s.countryName} (${s.country})`;
  const zone = s.timezone ? `, zone ${s.timezone}` : '';
  const paragraphs = [
    `Public holidays of ${where} in ${s.year}, suggested for site ${s.site}${zone}.`,
    `Source: ${s.source.library} ${s.source.version} (data ${s.source.dataVersion}), ` +
      'https://github.com/commenthol/date-holidays. Holiday data by commenthol and contributors, ' +
      'from Wikipedia, under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/): ' +
      'keep this attribution with the dates.',
    "A country's public holidays are not your company's: remove the days the site works, add " +
      "the company's days off, then commit the list. Substitute days (a holiday moved off a " +
      'weekend) are separate entries marked "substitute"; the holiday\'s own date is listed too.',
    ...s.notes,
    `Paste under sites.${s.site}.holidays:`,
  ];
  const list = new YAMLSeq();
  for (const holiday of s.holidays) {
    const item = new YAMLMap();
    item.flow = true;
    item.set('date', holiday.date);
    item.set('name', holiday.name);
    if (holiday.substitute) item.comment = ' substitute';
    list.items.push(item);
  }
  const doc = new Document(list);
  doc.commentBefore = paragraphs.flatMap((text) => wrap(text, HEADER_WIDTH)).join('\n');
  return doc.toString({ lineWidth: 0 });
}

const HEADER_WIDTH = 96;

/** Comment lines of at most `width` characters, each starting with the space after "#". */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ` ${word}`;
    } else line = line ? `${line} ${word}` : ` ${word}`;
  }
  if (line) lines.push(line);
  return lines;
}
