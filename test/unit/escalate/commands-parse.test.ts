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

  it('names are case-insensitive; unknown names are still parsed so they can be answered', () => {
    expect(names('/ACK\n/frobnicate now')).toEqual(['ack', 'frobnicate now']);
  });
});
