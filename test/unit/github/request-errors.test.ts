import { describe, expect, it } from 'vitest';
import { describeRequestError } from '../../../src/github/gateway.js';

const refused = (method: string, url: string) => ({
  status: 403,
  message: 'Resource not accessible by integration',
  request: { method, url },
});

describe('a refused request, said so a person can fix it', () => {
  it('names the route and the permission the job lacks', () => {
    expect(
      describeRequestError(
        refused(
          'PUT',
          'https://api.github.com/repos/acme/desk/actions/workflows/support-kit-schedule.yml/enable',
        ),
      ),
    ).toBe(
      "PUT https://api.github.com/repos/acme/desk/actions/workflows/support-kit-schedule.yml/enable: 403 Resource not accessible by integration. The token may not do this: give the job `actions: write` in its workflow's permissions (or use a token that has it)",
    );
  });

  it('asks for read where the request only reads', () => {
    expect(
      describeRequestError(refused('GET', 'https://api.github.com/repos/acme/desk/issues/1')),
    ).toContain('`issues: read`');
  });
});
