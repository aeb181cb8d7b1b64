import { ESCALATION_ANSWERS } from '../fixtures/escalation.js';

/**
 * What the demo's issues say under each preset: every preset has its own issue form, so a
 * complete issue, an incomplete one and the edit that completes it are written on that form.
 * Answers are by the form's labels; `formBody` (test/fixtures/forms.ts) renders them.
 */
export interface DemoStory {
  complete: { title: string; labels: string[]; answers: Record<string, string> };
  sparse: { title: string; labels: string[]; answers: Record<string, string>; lacks: string };
  /** The answers the author changes to complete the sparse issue, and what the step calls it. */
  fix: { answers: Record<string, string>; adds: string };
  /** The roster's logins: collaborators, so that GitHub lets the kit assign them. */
  team: string[];
  /** The form's question that says what is wrong: a new incident of the story answers it. */
  about: string;
}

const ESCALATION: DemoStory = {
  complete: {
    title: '[Escalation]: Engine restarts after upgrade to 17.06 on production nodes',
    labels: ['escalation'],
    answers: ESCALATION_ANSWERS,
  },
  sparse: {
    title: '[Escalation]: Overlay network drops packets between nodes',
    labels: ['escalation'],
    answers: {
      ...ESCALATION_ANSWERS,
      'Problem or feature request':
        'Overlay network drops packets between nodes since Monday; services time out.',
      Severity: 'N/A',
      Area: 'network',
      Logs: '_No response_',
    },
    lacks: 'no logs, severity "N/A"',
  },
  fix: {
    answers: { Severity: 'sev 2', Logs: '```\nkernel: vxlan: fdb lookup failed for 10.0.9.4\n```' },
    adds: 'adds the logs and "sev 2"',
  },
  team: ['alice', 'bob', 'chloe', 'dan', 'emma', 'fred', 'escalation-leads'],
  about: 'Problem or feature request',
};

const SUPPORT_REQUEST = {
  'Diagnostics ID': '1A2B3C4D-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123081500',
  Logs: '- [x] The diagnose tool uploaded the logs without an error',
  'What changed before it broke?': 'An upgrade',
  'Steps to reproduce':
    '1. Upgrade to 4.37 from the menu\n2. Restart the app\n3. Run docker ps: it hangs forever',
  'Expected and actual behaviour': 'docker ps lists the containers; instead it never returns.',
  'OS and version': 'macOS 15.2',
};

const OPERATIONS = {
  'Kind of request': 'Something is down or degraded',
  Area: 'An application',
  'Cluster, namespace or application': 'smaug / opf-observatorium',
  'What happened': 'The Grafana dashboards of our namespace show no data since 07:40 this morning.',
  'Logs or screenshots': '_No response_',
};

const OUTAGE = {
  Customer: 'Initech',
  'Escalated by': 'TAM',
  Severity: 'S1-broken',
  'Outage started at': '2026-11-23 07:50 UTC',
  Impact:
    'Nobody at Initech can post messages: every post times out after 30 seconds, 4,000 users.',
  Environment: 'Production',
  Database: 'PostgreSQL',
  'System information':
    'Server 10.2.1, 3 app nodes (8 CPU, 32 GB), PostgreSQL 15 primary (16 CPU, 64 GB)',
  'Support bundle and slow query log': 'Support bundle attached; slow query log to follow.',
};

const INCIDENT = {
  'Reported by': 'Dana Whitfield, dana@example.org',
  'How it came in': 'Hotline call',
  'Where it runs': 'SCF',
  Version: '3.4.2',
  'What happened': 'Opening a 2 TB Silo database on the SCF hangs the viewer at 40% with no error.',
  'What was tried so far': 'Checked the known issues; none matches.',
};

const STORIES: Record<string, DemoStory> = {
  escalation: ESCALATION,
  'support-triage': {
    complete: {
      title: '[Problem]: docker ps hangs after upgrading to 4.37',
      labels: ['support'],
      answers: SUPPORT_REQUEST,
    },
    sparse: {
      title: '[Problem]: Containers lose DNS when the VPN connects',
      labels: ['support'],
      answers: { ...SUPPORT_REQUEST, 'Diagnostics ID': 'n/a', 'Steps to reproduce': '1.\n2.\n3.' },
      lacks: 'no diagnostics id, no steps',
    },
    fix: {
      answers: {
        'Diagnostics ID': '9F8E7D6C-1A2B-1A2B-1A2B-1A2B3C4D5E6F/20261123101500',
        'Steps to reproduce':
          '1. Connect the corporate VPN\n2. docker run alpine nslookup example.com',
      },
      adds: 'adds the diagnostics id and the steps',
    },
    team: [],
    about: 'Expected and actual behaviour',
  },
  'daily-rotation': {
    complete: {
      title: '[Ops]: Grafana shows no data for opf-observatorium',
      labels: ['support'],
      answers: OPERATIONS,
    },
    sparse: {
      title: '[Ops]: Access please',
      labels: ['support'],
      answers: {
        ...OPERATIONS,
        'Kind of request': 'A change to make',
        Area: 'Access and permissions',
        'What happened': 'need access',
      },
      lacks: 'says only "need access"',
    },
    fix: {
      answers: {
        'What happened':
          'Please add me (user lena) to the opf-datacatalog admins group: I took over the project.',
      },
      adds: 'says which access, and why',
    },
    team: ['ana', 'ben', 'cyril', 'dora', 'emil', 'fay'],
    about: 'What happened',
  },
  'sev1-playbook': {
    complete: {
      title: '[Outage]: Initech cannot post messages',
      labels: ['incident'],
      answers: OUTAGE,
    },
    sparse: {
      title: '[Outage]: Globex channel switching is slow',
      labels: ['incident'],
      answers: {
        ...OUTAGE,
        Customer: 'Globex',
        Severity: 'P1',
        Impact: 'slow',
        'System information': '?',
      },
      lacks: 'severity "P1", no impact, no system information',
    },
    fix: {
      answers: {
        Severity: 'S2-major',
        Impact:
          'Channel switching takes 20 seconds for the 600 users of Globex; posting still works.',
        'System information': 'Server 10.1.4, 2 app nodes (4 CPU, 16 GB), MySQL 8 (8 CPU, 32 GB)',
      },
      adds: 'gives the severity, the impact and the system',
    },
    team: ['jordan', 'priya', 'sam', 'tomas'],
    about: 'Impact',
  },
  'live-incident': {
    complete: {
      title: '[Incident]: Viewer hangs opening a Silo database on the SCF',
      labels: ['incident'],
      answers: INCIDENT,
    },
    sparse: {
      title: '[Incident]: The viewer crashes when saving a movie',
      labels: ['incident'],
      answers: { ...INCIDENT, Version: '', 'What happened': 'crash' },
      lacks: 'no version, "crash"',
    },
    fix: {
      answers: {
        Version: '3.4.2',
        'What happened': 'The viewer crashes with a segmentation fault when it saves a movie.',
      },
      adds: 'gives the version and what crashed',
    },
    team: ['amy', 'luc', 'ivy', 'noah', 'zoe'],
    about: 'What happened',
  },
};

/** The story of a preset; a preset without a form of its own (a roster only) tells the escalation one. */
export function storyFor(preset: string): DemoStory {
  return STORIES[preset] ?? ESCALATION;
}
