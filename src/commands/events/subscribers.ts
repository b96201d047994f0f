/**
 * Importing this module registers every domain-event subscriber. Features add an import
 * of their subscriber module here; commands that raise events import this file, so the
 * subscribers are always in place whatever face (HTTP, CLI, job) runs the command.
 */
import '../certificates/subscribers.ts';
import '../webhooks/webhook-outbox.ts';
import '../list-entries/on-negative-listed.ts';
export {};
