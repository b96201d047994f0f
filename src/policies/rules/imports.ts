/**
 * Bulk imports. Sending a file is open to the roles that may import something; each row is
 * then authorized on its own ('import' on the dynamic report it files): the ministry's
 * reviewers anywhere, a province's reviewers in its province, an administrator in its
 * authority's region, an enterprise for its own entries. An import's progress and errors
 * are read by whoever sent it, and by administrators.
 */
import { allow, type Predicate } from '../policy.ts';
import { atLevel, everyOf, inRegion, ownEnterprise } from '../scopes.ts';

const ownImport: Predicate = (_membership, subject, actor) => actor.kind === 'user' && subject.createdBy === actor.userId;

allow('national', 'import', 'dynamic-report', 'reports of entries in every region', everyOf(atLevel('national'), inRegion));
allow('province', 'import', 'dynamic-report', 'reports of entries in its province', everyOf(atLevel('province'), inRegion));
allow('admin', 'import', 'dynamic-report', 'reports of entries in its authority’s region', inRegion);
allow('enterprise', 'import', 'dynamic-report', 'reports of its own listed entries', ownEnterprise);

allow(['national', 'province', 'admin', 'enterprise'], 'create', 'import', 'an import of its own; every row is authorized in turn');
allow(['national', 'province', 'city', 'admin', 'enterprise', 'evaluator', 'expert'], 'read', 'import', 'the imports it sent', ownImport);
allow('admin', 'read', 'import', 'every import');
