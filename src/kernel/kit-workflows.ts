/**
 * The caller workflows `init` writes into a repository: `support-kit-<template>` in
 * `.github/workflows/`. The schedule's is named here once: the on-call job asks GitHub whether it
 * still runs, and validate checks it against the roster.
 */
export const CALLER_FOLDER = '.github/workflows';
export const callerFile = (template: string) => `support-kit-${template}`;
export const SCHEDULE_CALLER = callerFile('schedule.yml');
