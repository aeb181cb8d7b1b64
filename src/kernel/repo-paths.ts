/**
 * Where the kit's files live in a repository. The caller workflows `init` writes are
 * `support-kit-<template>` in `.github/workflows/`; the scheduled ones are named here once: the
 * on-call job asks GitHub whether they still run, and validate checks the schedule against the
 * roster.
 */
export const CALLER_FOLDER = '.github/workflows';
export const callerFile = (template: string) => `support-kit-${template}`;
export const SCHEDULE_CALLER = callerFile('schedule.yml');
export const SCHEDULE_CALLER_PATH = `${CALLER_FOLDER}/${SCHEDULE_CALLER}`;
/** The weekly report's caller: a scheduled workflow of its own, which GitHub can turn off too. */
export const REPORT_CALLER = callerFile('report.yml');
export const REPORT_CALLER_PATH = `${CALLER_FOLDER}/${REPORT_CALLER}`;
/** The on-call calendars' caller: it republishes them on the pushes its path filter lets through. */
export const CALENDAR_CALLER_PATH = `${CALLER_FOLDER}/${callerFile('calendar.yml')}`;

/** GitHub's folder of issue forms, which intake checks issues against. */
export const TEMPLATE_FOLDER = '.github/ISSUE_TEMPLATE';
