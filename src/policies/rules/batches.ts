/** Batches: created by the authority's reviewers or administrators, published by its reviewers; read by anyone. */
import { allow } from '../policy.ts';
import { ownAuthority } from '../scopes.ts';

allow('public', 'read-public', 'batch', 'anyone: batches, their entries and their changes');
allow(['national', 'province', 'admin'], 'create', 'batch', 'batches of its own authority', ownAuthority);
allow(['national', 'province', 'admin'], 'update', 'batch', 'open batches of its own authority: deadline, pinned framework, notice number', ownAuthority);
allow(['national', 'province'], 'publish', 'batch', 'batches of its own authority', ownAuthority);
