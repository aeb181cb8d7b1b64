/**
 * The intake domain: issue templates (forms and markdown), the rules of intake.yaml, and the
 * verdict on one issue. Everything here is plain data so decide stays pure.
 */

export type FieldType = 'input' | 'textarea' | 'dropdown' | 'checkboxes';

/** One question of a template, as the rendered issue body shows it (`### {label}`). */
export interface FormField {
  /** The form's `id`, or a slug of the label when the form gives none. */
  id: string;
  label: string;
  type: FieldType;
  /** From the form's `validations.required`, or intake.yaml. */
  required: boolean;
  /** Dropdown options, or checkbox labels. */
  options: string[];
  /** Checkbox labels that must be ticked. */
  requiredOptions: string[];
  /** A dropdown that allows several answers. */
  multiple: boolean;
  /** Text the template puts in the field; an answer equal to it was never written. */
  placeholder?: string;
  value?: string;
}

export interface IssueTemplate {
  /** Key used in intake.yaml: the file name without extension (e.g. `escalation`). */
  key: string;
  /** The template's `name:` as GitHub shows it. */
  name: string;
  /** Repository path, for messages. */
  file: string;
  kind: 'form' | 'markdown';
  /** Default title the template proposes, e.g. "[Escalation]: ". */
  title?: string;
  /** Labels GitHub applies when the template is used. */
  labels: string[];
  /** The issue type a form gives its issues itself (its top-level `type:`). */
  issueType?: string;
  fields: FormField[];
}

/** What intake.yaml says about one field, beyond what the form can. */
export interface FieldRule {
  required?: boolean;
  minLength?: number;
  /** A regular expression (source) the answer must match. */
  pattern?: string;
  /** What the pattern asks for, in words, for the comment. */
  patternHint?: string;
  /** Logs: the answer needs a code block, an attachment link, or several lines. */
  logs?: boolean;
  /** Answer (dropdown option, checkbox label, or text) to the label(s) it brings. Matched ignoring case. */
  labels?: Record<string, string | string[]>;
  /**
   * Answer to the issue type it gives the issue, where the repository's organisation has that
   * type; the answer's labels are then left off. Matched ignoring case.
   */
  types?: Record<string, string>;
  /** This field carries the severity: normalised to exactly one of `IntakeConfig.severity.labels`. */
  severity?: boolean;
  /** How to fix it, shown in the comment when the field is missing or wrong. */
  hint?: string;
}

interface TemplateRules {
  /** The template applies when the issue carries one of these labels. */
  whenLabels: string[];
  /** Rules by field id or label (matched ignoring case). */
  fields: Record<string, FieldRule>;
}

export interface IntakeConfig {
  status: { complete: string; incomplete: string };
  exempt: { users: string[]; associations: string[] };
  /** Answers that say nothing (".", "N/A", "TBD", "-"), matched ignoring case and surrounding space. */
  junk: string[];
  title: { minLength?: number; pattern?: string; patternHint?: string };
  /** Rules per template key. */
  templates: Record<string, TemplateRules>;
  /** Severity labels from the most to the least severe: S0 first. */
  severity: { labels: string[] };
  /** Close an issue that stayed incomplete this many days without activity; reopen when completed. */
  closeAfterDays?: number;
  duplicates: { enabled: boolean; threshold: number; max: number };
}

/** The issue as intake sees it. */
export interface IntakeIssue {
  number: number;
  title: string;
  body: string;
  author: string;
  /** GitHub's author_association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, ... */
  authorAssociation: string;
  labels: string[];
  state: 'open' | 'closed';
  /** Why it was closed, when it was: the kit reopens only what it closed itself. */
  stateReason?: string | null;
  /** Its issue type's name, null for none; undefined when the read did not say (GraphQL). */
  type?: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * The issue types the repository's issues may take (its organisation's), or why it has none: it
 * belongs to a person, or the organisation set none up.
 */
export type RepoIssueTypes = { names: readonly string[] } | { none: string };

export interface MissingField {
  /** The field's label as the reader sees it ("Logs"), or "title". */
  field: string;
  /** What is wrong and how to fix it, in one sentence. */
  reason: string;
}

export interface IntakeVerdict {
  complete: boolean;
  /** The template key that applied, or null when none did. */
  template: string | null;
  missing: MissingField[];
  /** Labels the answers bring (severity, type, area, ...), in the order of the fields. */
  labels: string[];
}

export interface DuplicateCandidate {
  number: number;
  title: string;
  body: string;
  url: string;
}

export interface DuplicateHint {
  number: number;
  title: string;
  url: string;
  /** 0..1 */
  similarity: number;
}
