import { allow } from '../policy.ts';
import { inRegion } from '../scopes.ts';

// Subjects of type 'authority' carry the authority's region (provinceCode/cityCode).
allow('admin', ['manage-users', 'read-users'], 'authority', 'administrators, for authorities in their region (a national administrator: all)', inRegion);
