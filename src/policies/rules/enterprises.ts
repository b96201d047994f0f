import { allow } from '../policy.ts';
import { inRegion, ownEnterprise } from '../scopes.ts';

allow('public', 'read-public', 'enterprise', 'anyone: names, credit codes, listings and published KPIs');
allow('enterprise', ['read', 'update-profile'], 'enterprise', 'its own enterprise', ownEnterprise);
allow(['city', 'province', 'national'], 'read', 'enterprise', 'enterprises in the reviewer’s region', inRegion);
allow('admin', ['read', 'register'], 'enterprise', 'administrators, within their authority’s region', inRegion);
