import { describe, expect, it } from 'vitest';
import { parseCommands } from '../../../src/escalate/decide/commands/parse.js';

const names = (body: string) => parseCommands(body).map((c) => [c.name, ...c.args].join(' '));

describe('slash commands in a comment', () => {
  it('a line that starts with a command is a command, with its arguments', () => {
    expect(names('Taking this.\n/assign @luc\n/severity S1')).toEqual([
      'assign @luc',
      'severity S1',
    ]);
  });

  it('a quoted command is not run again', () => {
    expect(names('> /escalate acme/engine\n\nWhy escalate?')).toEqual([]);
  });

  it('commands inside fenced code blocks are text', () => {
    expect(names('```\n/ack\n```\n~~~sh\n/duplicate #3\n~~~\n/oncall')).toEqual(['oncall']);
  });

  it('a command in the middle of a sentence or indented is text', () => {
    expect(names('Please /ack this\n    /ack\n - /ack')).toEqual([]);
  });

  it('commands inside an HTML comment are text', () => {
    expect(names('<!--\n/ack\n-->\n/postmortem')).toEqual(['postmortem']);
  });

  it('a fence of four backticks is not closed by a line of three: its commands are code', () => {
    expect(names('````\n```\n/ack\n```\n````\n/oncall')).toEqual(['oncall']);
  });

  it('a tilde fence holds backtick lines, and a longer closing fence still closes it', () => {
    expect(names('~~~\n```\n/ack\n~~~~~\n/postmortem')).toEqual(['postmortem']);
  });

  it('a fence nested in a list item or a quote keeps its commands as code', () => {
    expect(names('- steps:\n\n  ```\n  /ack\n  ```\n> ```\n> /ack\n> ```')).toEqual([]);
  });

  it('an HTML comment opened mid-line hides the lines up to its end, as GitHub renders it', () => {
    expect(names('Looks fine <!--\n/ack\n-->\n/oncall')).toEqual(['oncall']);
  });

  it('an HTML block and a code span across lines are not text', () => {
    expect(names('<details>\n/ack\n</details>\n\nSee `the log\n/ack` above')).toEqual([]);
  });

  it('a command in a list item or in a quote, even on a lazy continuation line, is text', () => {
    expect(names('1. /ack\n- done\n/ack\n\n> quoted\n/ack')).toEqual([]);
  });

  it('a heading or a table cell is not a command line', () => {
    expect(names('/ack\n---\n\n/severity | S1\n--- | ---')).toEqual([]);
  });

  it('a command after a paragraph, a fence or a quote that has ended is obeyed', () => {
    expect(names('Hi.\n\n```\nlog\n```\n\n> why?\n\n/ack\n/assign @luc')).toEqual([
      'ack',
      'assign @luc',
    ]);
  });

  it('commands are read from the first 16,384 characters only', () => {
    const paste = `${'log line\n'.repeat(2000)}`;
    expect(names(`/ack\n\n${paste}/oncall`)).toEqual(['ack']);
  });

  it('emphasis and links are text GitHub shows: a command line inside them is obeyed', () => {
    expect(names('*Taking it\n/assign @luc*\n\n[the log\n/ack now](https://example.com)')).toEqual([
      'assign @luc*',
      'ack now](https://example.com)',
    ]);
  });

  it('the longest comment GitHub takes, full of emphasis delimiters, is read in under a second', () => {
    const started = performance.now();
    expect(names(`/ack\n${`${'*a_'.repeat(30)}\n`.repeat(700)}`)).toEqual(['ack']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('quotes nested thousands deep are not read, without failing', () => {
    expect(names(`${'> '.repeat(8000)}\n\n/ack`)).toEqual([]);
  });

  it('names are case-insensitive; unknown names are still parsed so they can be answered', () => {
    expect(names('/ACK\n/frobnicate now')).toEqual(['ack', 'frobnicate now']);
  });
});
