import type { AnnotationProperties } from '@actions/core';

/**
 * A fake of the parts of `@actions/core` the host uses, recording what a run said: inputs come
 * from `inputs`, outputs, annotations, the job summary and failures land in `record`. Use it as
 *
 *   const core = await vi.hoisted(async () => (await import('../fakes/core.js')).fakeCore());
 *   vi.mock('@actions/core', () => core.module);
 *
 * so the test and the code under test share one record, even across `vi.resetModules()`.
 */

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties?: AnnotationProperties;
}

export interface CoreRecord {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  annotations: Annotation[];
  info: string[];
  summary: string;
  /** Calls to setFailed, in order: a run fails once, at the end. */
  failures: string[];
  /** Everything in order, as `kind: text`, to check what came before what. */
  log: string[];
}

export function fakeCore() {
  const record: CoreRecord = {
    inputs: {},
    outputs: {},
    annotations: [],
    info: [],
    summary: '',
    failures: [],
    log: [],
  };
  let pending = '';
  const annotate =
    (level: Annotation['level']) =>
    (message: string | Error, properties?: AnnotationProperties): void => {
      const text = message instanceof Error ? message.message : message;
      record.annotations.push({ level, message: text, ...(properties ? { properties } : {}) });
      record.log.push(`${level}: ${text}`);
    };
  const module = {
    getInput: (name: string) => (record.inputs[name] ?? '').trim(),
    setOutput: (name: string, value: unknown) => {
      record.outputs[name] = String(value);
      record.log.push(`output: ${name}`);
    },
    setFailed: (message: string | Error) => {
      const text = message instanceof Error ? message.message : message;
      record.failures.push(text);
      record.log.push(`failed: ${text}`);
    },
    error: annotate('error'),
    warning: annotate('warning'),
    notice: annotate('notice'),
    info: (message: string) => {
      record.info.push(message);
      record.log.push(`info: ${message}`);
    },
    debug: () => undefined,
    startGroup: (name: string) => record.log.push(`group: ${name}`),
    endGroup: () => record.log.push('endgroup'),
    summary: {
      addRaw(text: string) {
        pending += text;
        return this;
      },
      async write() {
        record.summary += pending;
        pending = '';
        return this;
      },
    },
  };
  return {
    module,
    record,
    /** A fresh record for the next test, with these inputs. */
    reset(inputs: Record<string, string> = {}) {
      record.inputs = { ...inputs };
      record.outputs = {};
      record.annotations = [];
      record.info = [];
      record.summary = '';
      record.failures = [];
      record.log = [];
      pending = '';
    },
  };
}
