import { allow, type Predicate } from '../policy.ts';
import { ownAuthority } from '../scopes.ts';

/** The issuing authority itself, or the national authority over every tier. */
const issuingOrNational: Predicate = (membership, subject, actor) => membership !== null && (membership.authorityLevel === 'national' || ownAuthority(membership, subject, actor));

allow('public', ['read', 'verify'], 'certificate', 'anyone: certificates and their live status are public records');
allow(['admin', 'national', 'province', 'city'], ['issue', 'revoke'], 'certificate', 'the issuing authority’s administrators and reviewers, and the national authority', issuingOrNational);
allow('admin', 'rotate', 'signing-key', 'administrators of the key’s authority, and national administrators', issuingOrNational);
