import { type Answer, type ParsedBody, answerOf, parseBody, unfenced } from './body.js';
import { hasWords, labelKey, lengthOf, listOf, shorten, squash } from './normalise.js';
import { normaliseSeverity, readSeverity } from './severity.js';
import { compilePattern, type Pattern } from '../../kernel/pattern.js';
import type {
  FieldRule,
  FormField,
  IntakeConfig,
  IntakeIssue,
  IntakeVerdict,
  IssueTemplate,
  MissingField,
} from './types.js';

/**
 * The verdict on one issue: what is missing or wrong (each with one sentence saying how to fix
 * it) and the labels its answers bring.
 *
 * A field is *required* when intake.yaml says so (`required: true` or `false` wins) or else
 * when the form does. Required fields must be there, non-empty, not junk and not the
 * template's own text. Rules about the content (min-length, pattern, logs, dropdown options,
 * severity) judge every answer that says something, required or not: a wrong answer is wrong
 * even where none was needed. Required checkbox options must be ticked in any case.
 */

/** One field as checked: its rule, its answer and the labels the answer brings. */
export interface FieldOutcome {
  field: FormField;
  rule: FieldRule;
  answer: Answer;
  /** Labels the answer brings (the severity label first), deduplicated. */
  labels: string[];
  /** The severity label, when this is the severity field and the answer names one. */
  severity: string | null;
  /** The issue type the answer asks for (the field's `types:`), if any. */
  type: string | null;
}

/** The verdict, with what decide and the comment need beyond it. */
export interface IntakeCheck extends IntakeVerdict {
  fields: FieldOutcome[];
  /** Decisions taken that change nothing on the issue (a config pattern that does not compile). */
  notes: string[];
}

/** The intake.yaml rule of a field: by id, then by id or label ignoring case and punctuation. */
function ruleFor(template: IssueTemplate, field: FormField, config: IntakeConfig): FieldRule {
  const rules = config.templates[template.key]?.fields ?? {};
  const exact = Object.hasOwn(rules, field.id) ? rules[field.id] : undefined;
  if (exact) return exact;
  const keys = new Set([labelKey(field.id), labelKey(field.label)]);
  const found = Object.entries(rules).find(([name]) => keys.has(labelKey(name)));
  return found?.[1] ?? {};
}

/** Does the field have to be answered. */
function isRequired(field: FormField, rule: FieldRule): boolean {
  return rule.required ?? field.required;
}

/** The labels an answer brings: the severity label, then the `labels:` mapping. */
function labelsForAnswer(
  field: FormField,
  rule: FieldRule,
  answer: Answer,
  config: IntakeConfig,
): { labels: string[]; severity: string | null } {
  if (answer.empty) return { labels: [], severity: null };
  const severity = rule.severity
    ? normaliseSeverity(severityText(answer), config.severity.labels)
    : null;
  const labels = severity ? [severity] : [];
  if (rule.labels) {
    const mapping = new Map<string, string[]>();
    for (const [said, brings] of Object.entries(rule.labels)) {
      const key = squash(said);
      if (!mapping.has(key)) mapping.set(key, Array.isArray(brings) ? brings : [brings]);
    }
    for (const one of saidIn(field, answer)) labels.push(...(mapping.get(squash(one)) ?? []));
  }
  return { labels: uniqueLabels(labels), severity };
}

/** The issue type an answer asks for by the field's `types:` mapping: the first one said. */
function typeForAnswer(field: FormField, rule: FieldRule, answer: Answer): string | null {
  if (answer.empty || !rule.types) return null;
  const mapping = new Map(Object.entries(rule.types).map(([said, type]) => [squash(said), type]));
  for (const one of saidIn(field, answer)) {
    const type = mapping.get(squash(one));
    if (type) return type;
  }
  return null;
}

/** What an answer says, one item per option ticked or chosen. */
function saidIn(field: FormField, answer: Answer): string[] {
  return field.type === 'checkboxes'
    ? answer.checked
    : field.type === 'dropdown'
      ? answer.selected
      : [unfenced(answer.text)];
}

/** Labels without repeats, GitHub-style (ignoring case), first spelling kept. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = label.toLowerCase();
    if (label === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every field of the template with its answer in `parsed`, its rule and labels. */
export function outcomesOf(
  template: IssueTemplate,
  parsed: ParsedBody,
  config: IntakeConfig,
): FieldOutcome[] {
  return template.fields.map((field) => {
    const rule = ruleFor(template, field, config);
    const answer = answerOf(parsed, field.id);
    return {
      field,
      rule,
      answer,
      ...labelsForAnswer(field, rule, answer, config),
      type: typeForAnswer(field, rule, answer),
    };
  });
}

export function checkIssue(
  issue: IntakeIssue,
  template: IssueTemplate | null,
  config: IntakeConfig,
): IntakeCheck {
  const notes: string[] = [];
  const missing: MissingField[] = [];
  const titleProblem = checkTitle(issue.title, template, config, notes);
  if (titleProblem) missing.push({ field: 'title', reason: titleProblem });
  if (!template) {
    notes.push('no template applies to this issue: only the title rules were checked');
    return {
      complete: missing.length === 0,
      template: null,
      missing,
      labels: [],
      fields: [],
      notes,
    };
  }
  const parsed = parseBody(issue.body, template);
  notes.push(...parsed.notes);
  noteUnknownRules(template, config, notes);
  const fields = outcomesOf(template, parsed, config);
  for (const outcome of fields) {
    const reason = fieldProblem(outcome, config, notes);
    if (reason) missing.push({ field: outcome.field.label, reason });
  }
  return {
    complete: missing.length === 0,
    template: template.key,
    missing,
    labels: uniqueLabels(fields.flatMap((outcome) => outcome.labels)),
    fields,
    notes,
  };
}

function noteUnknownRules(template: IssueTemplate, config: IntakeConfig, notes: string[]): void {
  const known = new Set(template.fields.flatMap((f) => [labelKey(f.id), labelKey(f.label)]));
  for (const name of Object.keys(config.templates[template.key]?.fields ?? {})) {
    if (!known.has(labelKey(name))) {
      notes.push(
        `intake.yaml has rules for the field "${name}", which the template "${template.key}" does not have`,
      );
    }
  }
}

/** A pattern from config, or null (with a note) when it does not compile: its check said why. */
function compile(pattern: string, where: string, notes: string[]): Pattern | null {
  const compiled = compilePattern(pattern);
  if ('pattern' in compiled) return compiled.pattern;
  notes.push(`the pattern for ${where} is not one the kit can run; it was not checked`);
  return null;
}

/** "Capitalised hint." → "capitalised hint", to follow a dash inside one sentence. */
function clause(text: string): string {
  const trimmed = text.trim().replace(/[.!\s]+$/u, '');
  return /^\p{Lu}\p{Ll}/u.test(trimmed)
    ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1)
    : trimmed;
}

function sentence(problem: string, fix: string): string {
  return `${problem} — ${clause(fix)}.`;
}

function choices(options: readonly string[]): string {
  const shown = options.slice(0, 8);
  return listOf(options.length > shown.length ? [...shown, '…'] : shown);
}

/** How to answer the field, in a clause: the rule's hint, else what its kind needs. */
function fixFor(field: FormField, rule: FieldRule, config: IntakeConfig): string {
  if (rule.hint) return rule.hint;
  if (rule.severity) return `answer one of ${listOf(config.severity.labels)}`;
  if (rule.logs) {
    return 'paste the logs between two ``` lines, or attach the log file or link to it';
  }
  if (field.type === 'dropdown' && field.options.length > 0) {
    return `${field.multiple ? 'pick one or more of' : 'pick one of'} ${choices(field.options)}`;
  }
  if (field.type === 'checkboxes')
    return 'tick the boxes that apply by changing "- [ ]" to "- [x]"';
  if (rule.patternHint) return `write ${rule.patternHint}`;
  return 'write your answer below it';
}

function severityText(answer: Answer): string {
  return answer.selected.length === 1 ? (answer.selected[0] ?? '') : unfenced(answer.text);
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`]+/gi;

/** A link to a file: GitHub attachments, gists, or any URL whose path ends in a file name. */
function linksToFile(text: string): boolean {
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(match[0].replace(/[.,;:!?]+$/, ''));
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (host === 'gist.github.com' || host.endsWith('githubusercontent.com')) return true;
    if (host === 'github.com' && /^\/(?:user-attachments|[^/]+\/[^/]+\/files)\//.test(url.pathname))
      return true;
    const last = url.pathname.split('/').pop() ?? '';
    if (/^[^.].*\.[a-z0-9]{1,8}$/i.test(last)) return true;
  }
  return false;
}

/** Logs are a fenced block with something in it, a link to a file, or at least five lines. */
export function looksLikeLogs(text: string): boolean {
  let inFence = false;
  let fencedLines = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (FENCE_LINE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (line.trim() === '') continue;
    lines += 1;
    if (inFence) fencedLines += 1;
  }
  return fencedLines > 0 || lines >= 5 || linksToFile(text);
}

function isJunk(text: string, config: IntakeConfig): boolean {
  const said = squash(text);
  return !hasWords(said) || config.junk.some((junk) => squash(junk) === said);
}

/**
 * The text the template put in the field, left as it was. Only `value` counts: GitHub submits a
 * form's pre-filled value when nobody touches it, but never its placeholder (grey hint text that
 * leaves the field empty, "_No response_"), so an answer equal to the placeholder was typed.
 */
function isTemplateText(text: string, field: FormField): boolean {
  const own = field.value;
  return own !== undefined && squash(own) !== '' && squash(unfenced(own.trim())) === squash(text);
}

function fieldProblem(outcome: FieldOutcome, config: IntakeConfig, notes: string[]): string | null {
  const { field, rule, answer } = outcome;
  const required = isRequired(field, rule);
  const fix = fixFor(field, rule, config);
  const isText = field.type === 'input' || field.type === 'textarea';
  const content = unfenced(answer.text);

  if (!answer.present && required) {
    return sentence(
      `The description has no “${field.label}” section`,
      `add a “### ${field.label}” heading, then ${clause(fix)}`,
    );
  }
  if (field.type === 'checkboxes') {
    const ticked = new Set(answer.checked.map(squash));
    const unticked = field.requiredOptions.filter((option) => !ticked.has(squash(option)));
    if (unticked.length > 0) {
      const names = listOf(
        unticked.map((option) => `“${shorten(option, 60)}”`),
        'and',
      );
      return sentence(
        `${names} ${unticked.length === 1 ? 'is' : 'are'} not ticked`,
        `tick ${unticked.length === 1 ? 'it' : 'them'} by changing "- [ ]" to "- [x]" once ${unticked.length === 1 ? 'it is' : 'they are'} true`,
      );
    }
  }
  if (answer.empty) {
    if (!required) return null;
    return field.type === 'checkboxes'
      ? sentence('No box is ticked', fix)
      : sentence('It is empty', fix);
  }
  if (isText && isJunk(content, config)) {
    return required ? sentence(`“${shorten(content)}” does not tell the team anything`, fix) : null;
  }
  if (isText && isTemplateText(content, field)) {
    return required ? sentence("It still holds the template's example text", fix) : null;
  }

  if (rule.severity) {
    const reading = readSeverity(severityText(answer), config.severity.labels);
    if (reading.label) return null;
    return rule.hint
      ? sentence(reading.problem ?? 'The severity is not one this project uses', rule.hint)
      : `${capitalise(reading.problem ?? `The severity is not one this project uses; answer one of ${listOf(config.severity.labels)}`)}.`;
  }
  if (field.type === 'dropdown' && field.options.length > 0) {
    const known = new Set(field.options.map(squash));
    const unknown = answer.selected.filter((choice) => !known.has(squash(choice)));
    if (unknown.length > 0) {
      return sentence(
        `${listOf(
          unknown.map((choice) => `“${shorten(choice)}”`),
          'and',
        )} ${unknown.length === 1 ? 'is not one of the choices' : 'are not among the choices'}`,
        `${field.multiple ? 'pick one or more of' : 'pick one of'} ${choices(field.options)}`,
      );
    }
    if (!field.multiple && answer.selected.length > 1) {
      return sentence(
        `It has ${answer.selected.length} choices where one is expected`,
        `pick just one of ${choices(field.options)}`,
      );
    }
  }
  if (rule.minLength !== undefined) {
    const length = lengthOf(content);
    if (length < rule.minLength) {
      return sentence(
        `It is too short (${length} of at least ${rule.minLength} characters)`,
        rule.hint ?? 'add more detail',
      );
    }
  }
  if (rule.pattern !== undefined) {
    const pattern = compile(rule.pattern, `the field "${field.label}"`, notes);
    if (pattern && !pattern.test(content)) {
      return sentence(
        `It does not look like ${rule.patternHint ?? 'what this field expects'}`,
        rule.hint ??
          (rule.patternHint
            ? `write ${rule.patternHint}`
            : 'check the expected format in the template'),
      );
    }
  }
  if (rule.logs && !looksLikeLogs(answer.text)) {
    return sentence('It holds no logs', fix);
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The title rules: a title that is only the template's default title ("[Escalation]: ") or
 * junk is missing; `min-length` counts what follows that default title; `pattern` judges the
 * whole title.
 */
function checkTitle(
  title: string,
  template: IssueTemplate | null,
  config: IntakeConfig,
  notes: string[],
): string | null {
  const whole = title.trim();
  const prefix = template?.title?.trim() ?? '';
  const own =
    prefix !== '' && whole.toLowerCase().startsWith(prefix.toLowerCase())
      ? whole.slice(prefix.length).trim()
      : whole;
  const rule = config.title;
  if (prefix !== '' && !hasWords(own)) {
    return sentence(
      `The title is only the template's “${prefix}” prefix`,
      'add a short summary of the problem after it',
    );
  }
  if (own === '' || isJunk(own, config)) {
    return sentence('The title says nothing about the problem', 'write a short summary of it');
  }
  if (rule.minLength !== undefined && lengthOf(own) < rule.minLength) {
    return sentence(
      `The title is too short (${lengthOf(own)} of at least ${rule.minLength} characters)`,
      'say in a few words what is wrong',
    );
  }
  if (rule.pattern !== undefined) {
    const pattern = compile(rule.pattern, 'the title', notes);
    if (pattern && !pattern.test(whole)) {
      return sentence(
        `The title does not look like ${rule.patternHint ?? 'what this project expects'}`,
        rule.patternHint
          ? `write it as ${rule.patternHint}`
          : 'edit it to follow the format the template shows',
      );
    }
  }
  return null;
}
