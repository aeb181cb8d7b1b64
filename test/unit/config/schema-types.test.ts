/**
 * The config code's own types for each file against the file's JSON Schema (config/schema/).
 *
 * scripts/schema-types.ts generates a type from each schema into src/<capability>/config/
 * *.schema.ts. The first test regenerates them and compares, so a schema change fails here until
 * `npm run schema-types` is run. The others are compile-time checks (the typecheck step of
 * `npm test`, `tsc --noEmit`, fails on them; at run time they pass trivially) that the
 * hand-written types agree with the generated ones:
 *
 * - every file the schema accepts has the hand-written type (generated extends hand-written):
 *   the code is ready for every valid file;
 * - every value of the hand-written type passes the schema (hand-written extends generated),
 *   except where noted: the type promises nothing the schema rejects;
 * - both name the same keys at every depth. Assignability alone would not notice a key the
 *   schema gains, since an optional key is assignable both ways.
 *
 * A failure names the path ("Expected: never, Actual: "status.fresh"") or the type that no
 * longer fits. Change the type with the schema, or the schema with the type.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate, SCHEMA_TYPES } from '../../../scripts/schema-types.js';
import { assertExtends, assertNever, type Difference, type PathsMissing } from './schema-shape.js';
import type { EscalationSchema } from '../../../src/escalate/config/escalation.schema.js';
import type { EscalationFile } from '../../../src/escalate/config/escalation.js';
import type { IntakeSchema } from '../../../src/intake/config/intake.schema.js';
import type { intakeConfigFrom } from '../../../src/intake/config/intake.js';
import type { IssueFormSchema } from '../../../src/intake/config/issue-form.schema.js';
import type { Form } from '../../../src/intake/config/issue-templates.js';
import type { LabelsSchema } from '../../../src/labels/config/labels.schema.js';
import type { LabelEntry } from '../../../src/labels/config/extends.js';
import type { LabelsSettings } from '../../../src/labels/job.js';
import type { ReportSchema } from '../../../src/report/config/report.schema.js';
import type { ReportFile } from '../../../src/report/config/report.js';
import type { RosterSchema } from '../../../src/roster/config/roster.schema.js';
import type { RosterFile } from '../../../src/roster/config/from-yaml.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the types generated from the schemas', () => {
  test.each(SCHEMA_TYPES)('$out is fresh from $schema', async (entry) => {
    const committed = await readFile(join(root, entry.out), 'utf8').catch(() => '(missing)');
    expect(committed, `${entry.out} is stale: run npm run schema-types`).toBe(
      await generate(entry),
    );
  });
});

/** intake.yaml as intakeConfigFrom reads it. */
type IntakeFile = NonNullable<Parameters<typeof intakeConfigFrom>[0]>;
/** labels.yaml: the settings the labels job reads, and what resolveLabels reads. */
type LabelsFile = LabelsSettings & { extends?: string; labels?: LabelEntry[] };

describe('the config code reads each file as its schema describes it', () => {
  test('intake.yaml (IntakeFile in src/intake/config/intake.ts)', () => {
    assertExtends<IntakeSchema, IntakeFile>();
    assertExtends<IntakeFile, IntakeSchema>();
    assertNever<PathsMissing<IntakeSchema, IntakeFile>>();
    assertNever<PathsMissing<IntakeFile, IntakeSchema>>();
  });

  test('report.yaml (ReportFile in src/report/config/report.ts)', () => {
    assertExtends<ReportSchema, ReportFile>();
    assertExtends<ReportFile, ReportSchema>();
    assertNever<PathsMissing<ReportSchema, ReportFile>>();
    assertNever<PathsMissing<ReportFile, ReportSchema>>();
  });

  test('escalation.yaml (EscalationFile in src/escalate/config/escalation.ts)', () => {
    assertExtends<EscalationSchema, EscalationFile>();
    assertExtends<EscalationFile, EscalationSchema>();
    assertNever<PathsMissing<EscalationSchema, EscalationFile>>();
    assertNever<PathsMissing<EscalationFile, EscalationSchema>>();
  });

  test('labels.yaml (LabelsSettings in src/labels/job.ts, LabelEntry in extends.ts)', () => {
    assertExtends<LabelsSchema, LabelsFile>();
    assertExtends<LabelsFile, LabelsSchema>();
    assertNever<PathsMissing<LabelsSchema, LabelsFile>>();
    assertNever<PathsMissing<LabelsFile, LabelsSchema>>();
  });

  test('roster.yaml (RosterFile in src/roster/config/from-yaml.ts)', () => {
    assertExtends<RosterSchema, RosterFile>();
    assertNever<PathsMissing<RosterSchema, RosterFile>>();
    assertNever<PathsMissing<RosterFile, RosterSchema>>();
    // Hand-written extends generated, except a layer's window (a calendar, or a site with hours)
    // and a gap (a timezone or a site): the schema says "one of", the type has every key
    // optional and rosterFrom looks at which one is there.
    type Schedule = RosterFile['schedules'][string];
    type SchemaSchedule = RosterSchema['schedules'][string];
    assertExtends<Omit<RosterFile, 'schedules'>, Omit<RosterSchema, 'schedules'>>();
    assertExtends<Omit<Schedule, 'layers' | 'gaps'>, Omit<SchemaSchedule, 'layers' | 'gaps'>>();
    assertExtends<
      Omit<Schedule['layers'][number], 'window'>,
      Omit<SchemaSchedule['layers'][number], 'window'>
    >();
  });

  test('issue forms (Form in src/intake/config/issue-templates.ts)', () => {
    // The schema is the part of GitHub's issue-form syntax intake relies on, and leaves the
    // rest open; GitHub checks the rest. So one way only: every form the schema accepts has the
    // type intake reads it with. The keys that differ are listed, so a new one fails here.
    assertExtends<IssueFormSchema, Form>();
    assertNever<
      Difference<PathsMissing<IssueFormSchema, Form>, 'description' | 'assignees' | 'projects'>
    >();
    // What intake reads under `attributes`, which the schema leaves to GitHub.
    assertNever<
      Difference<
        PathsMissing<Form, IssueFormSchema>,
        | 'body[].attributes.label'
        | 'body[].attributes.description'
        | 'body[].attributes.render'
        | 'body[].attributes.placeholder'
        | 'body[].attributes.value'
        | 'body[].attributes.multiple'
        | 'body[].attributes.options'
        | 'body[].attributes.options[].label'
        | 'body[].attributes.options[].required'
      >
    >();
  });
});
