/**
 * Importing this module registers every job handler with the runner. Each feature keeps
 * its handlers next to its commands and is imported here.
 */
import '../webhooks/deliver-webhook.ts';
import '../notices/notice-jobs.ts';
import '../dynamic-reports/dynamic-report-jobs.ts';
import '../list-entries/notify-authority-job.ts';
import '../imports/import-jobs.ts';
export {};
