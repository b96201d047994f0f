/** Expert panels: the authority that forms a panel manages it; experts score the applications on their own panels. */
import { allow } from '../policy.ts';
import { ownAuthority } from '../scopes.ts';
import { onPanel } from './applications.ts';

allow(['national', 'province'], ['create', 'read', 'manage'], 'panel', 'panels of its own authority', ownAuthority);
allow('expert', 'read', 'panel', 'panels it sits on', onPanel);
allow('expert', ['review', 'declare-conflict'], 'application', 'applications on its panels', onPanel);
