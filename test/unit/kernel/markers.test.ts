import { describe, expect, it } from 'vitest';
import {
  formatMarker,
  hasMarker,
  joinSections,
  parseMarkers,
  sectionOf,
  sections,
  withSection,
  withMarker,
  withoutMarker,
} from '../../../src/kernel/markers.js';

describe('markers', () => {
  it('formats a marker as a hidden HTML comment with sorted keys', () => {
    expect(formatMarker({ kind: 'report', keys: { week: '2026-W47', repo: 'acme/desk' } })).toBe(
      '<!-- support-kit:report repo=acme%2Fdesk week=2026-W47 -->',
    );
  });

  it('reads back what it wrote, values decoded', () => {
    const body = withMarker(
      { kind: 'handoff', keys: { at: '2026-03-29T09:00 Europe/Paris' } },
      'text',
    );
    expect(parseMarkers(body)).toEqual([
      { kind: 'handoff', keys: { at: '2026-03-29T09:00 Europe/Paris' } },
    ]);
  });

  it('matches a marker only when every key agrees', () => {
    const body = withMarker({ kind: 'report', keys: { week: '2026-W47' } }, 'x');
    expect(hasMarker(body, { kind: 'report', keys: { week: '2026-W47' } })).toBe(true);
    expect(hasMarker(body, { kind: 'report', keys: { week: '2026-W48' } })).toBe(false);
    expect(hasMarker(body, { kind: 'validate', keys: {} })).toBe(false);
  });

  it('does not take an escaped marker in quoted text for a real one', () => {
    expect(parseMarkers('\\<!-- support-kit:report week=1 --\\>')).toEqual([]);
  });

  it('refuses kinds and keys that could break the comment', () => {
    expect(() => formatMarker({ kind: 'bad kind', keys: {} })).toThrow(/invalid marker kind/);
    expect(() => formatMarker({ kind: 'ok', keys: { 'a b': 'x' } })).toThrow(/invalid marker key/);
  });

  it('gives back the visible text of a body it wrote, and leaves a body without a marker line alone', () => {
    expect(withoutMarker(withMarker({ kind: 'intake', keys: {} }, 'Thanks!\n'))).toBe('Thanks!\n');
    expect(withoutMarker("<!-- a person's comment -->\nHello")).toBe(
      "<!-- a person's comment -->\nHello",
    );
  });
});

describe('sections: one comment that says several things', () => {
  const intake = { kind: 'intake', keys: {} };
  const oncall = { kind: 'oncall', keys: {} };
  const both = joinSections([
    withMarker(intake, 'Severity is missing.'),
    withMarker(oncall, 'Assigned to ivy.'),
  ]);

  it("finds each marker's section, and the whole body when there is one section", () => {
    expect(sections(both)).toHaveLength(2);
    expect(sectionOf(both, oncall)).toBe(withMarker(oncall, 'Assigned to ivy.'));
    expect(sectionOf(withMarker(intake, 'x'), intake)).toBe(withMarker(intake, 'x'));
  });

  it('replaces one section and leaves the other as it was', () => {
    const edited = withSection(both, intake, withMarker(intake, 'Thanks!'));
    expect(edited).toBe(
      joinSections([withMarker(intake, 'Thanks!'), withMarker(oncall, 'Assigned to ivy.')]),
    );
  });

  it('adds a section it does not have at the end, after a rule', () => {
    expect(withSection(withMarker(intake, 'x'), oncall, withMarker(oncall, 'y'))).toBe(
      `${withMarker(intake, 'x')}\n\n---\n${withMarker(oncall, 'y')}`,
    );
  });

  it('puts a new section of the issues workflow where a clean run would have: on-call before the clock', () => {
    const clock = { kind: 'escalation', keys: {} };
    const written = joinSections([withMarker(intake, 'x'), withMarker(clock, 'z')]);

    expect(withSection(written, oncall, withMarker(oncall, 'y'))).toBe(
      joinSections([withMarker(intake, 'x'), withMarker(oncall, 'y'), withMarker(clock, 'z')]),
    );
  });

  it('does not split at a rule that no marker follows', () => {
    expect(sections(withMarker(intake, 'a\n\n---\nb'))).toHaveLength(1);
  });
});
