/**
 * Listed entries: the authority whose list it is removes entries and decides declared
 * changes; the enterprise declares renames and boundary changes of its own entries.
 */
import { allow } from '../policy.ts';
import { ownAuthority, ownEnterprise } from '../scopes.ts';

allow('public', 'read-public', 'list-entry', 'anyone: the lists and each entry’s history');
allow(['national', 'province', 'city'], ['remove', 'decide-change', 'read'], 'list-entry', 'entries of its own authority’s lists', ownAuthority);
allow('enterprise', ['request-change', 'read'], 'list-entry', 'its own entries', ownEnterprise);
