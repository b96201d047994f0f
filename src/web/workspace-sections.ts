/**
 * The workspace's sections: each feature registers what it offers to which roles, with
 * an optional count of what waits for the user there. The dashboard lists them.
 */
import type { Role, UserActor } from '../domain/actors/actor.ts';
import type { Store } from '../store/store.ts';

export interface WorkspaceSection {
  id: string;
  roles: readonly Role[];
  /** Path under /workspace, without the language prefix. */
  href: string;
  /** Catalogue keys of the title and a one-line description. */
  titleKey: string;
  descriptionKey: string;
  /** Items waiting for this user in the section (shown as a badge), if the section counts any. */
  waiting?: (store: Store, actor: UserActor) => Promise<number>;
  order?: number;
}

const SECTIONS: WorkspaceSection[] = [];

export function registerWorkspaceSection(section: WorkspaceSection): void {
  if (!SECTIONS.some((s) => s.id === section.id)) SECTIONS.push(section);
}

export function sectionsFor(actor: UserActor): WorkspaceSection[] {
  const roles = new Set(actor.memberships.map((m) => m.role));
  return SECTIONS.filter((s) => s.roles.some((r) => roles.has(r))).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
