/**
 * A factory-year's declared AnnualData: the enterprise keeps its own (while no application
 * under review or listed rests on that year, a rule the command checks); reviewers read
 * those of enterprises in their region.
 */
import { allow } from '../policy.ts';
import { inRegion, ownEnterprise } from '../scopes.ts';

allow('enterprise', ['read', 'write'], 'annual-data', 'its own factories’ years', ownEnterprise);
allow(['city', 'province', 'national'], 'read', 'annual-data', 'factories of enterprises in the reviewer’s region', inRegion);
