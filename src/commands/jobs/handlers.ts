/**
 * Importing this module registers every job handler with the runner. Each feature keeps
 * its handlers next to its commands and is imported here.
 */
export {};
