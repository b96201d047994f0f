/** 公示: the authority that runs a notice opens and closes it and decides its objection cases; anyone reads it. */
import { allow } from '../policy.ts';
import { ownAuthority } from '../scopes.ts';

allow('public', 'read-public', 'notice', 'anyone: notices, candidate entries and published objection outcomes');
allow(['national', 'province'], ['open', 'close', 'read'], 'notice', 'notices of its own authority', ownAuthority);
allow(['national', 'province'], ['read', 'decide'], 'objection', 'objections to notices of its own authority', ownAuthority);
