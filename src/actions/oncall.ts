import { CALENDAR_EVENTS, ONCALL_EVENTS } from '../oncall/events.js';
import { readInput } from '../host/event.js';
import { startAction } from '../host/entry.js';

// `mode: calendar` is the calendar workflow's step: the same bundle, another job.
const mode = readInput('mode') || 'assign';
if (mode === 'calendar')
  await startAction('oncall', {
    events: CALENDAR_EVENTS,
    load: async () => (await import('../oncall/calendar-job.js')).calendarJob,
  });
else if (mode === 'assign')
  await startAction('oncall', {
    events: ONCALL_EVENTS,
    load: async () => (await import('../oncall/job.js')).oncallJob,
  });
else {
  process.stdout.write(
    `::error::support-kit oncall: mode must be assign or calendar, not "${mode}"\n`,
  );
  process.exitCode = 1;
}
