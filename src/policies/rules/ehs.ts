/**
 * The EHS register of one enterprise (subject type 'ehs-register'): the enterprise keeps
 * its own; reviewers read those of enterprises in their region, and never write them.
 * A reviewer of another region gets FORBIDDEN.
 */
import { allow } from '../policy.ts';
import { inRegion, ownEnterprise } from '../scopes.ts';

allow('enterprise', ['read', 'write'], 'ehs-register', 'its own enterprise’s register', ownEnterprise);
allow(['city', 'province', 'national'], 'read', 'ehs-register', 'registers of enterprises in the reviewer’s region (read-only)', inRegion);
