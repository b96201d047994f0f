/** 动态管理表: the listed enterprise files its own; the list's authority opens the year and reads; reviewers read in their region. */
import { allow } from '../policy.ts';
import { atLevel, everyOf, inRegion, ownAuthority, ownEnterprise } from '../scopes.ts';

allow('enterprise', ['read', 'file'], 'dynamic-report', 'reports of its own listed entries', ownEnterprise);
allow('city', 'read', 'dynamic-report', 'reports of entries in its city', everyOf(atLevel('city'), inRegion));
allow('province', 'read', 'dynamic-report', 'reports of entries in its province', everyOf(atLevel('province'), inRegion));
allow('national', 'read', 'dynamic-report', 'reports of every region', everyOf(atLevel('national'), inRegion));
allow(['national', 'province', 'city', 'admin'], 'open', 'dynamic-report-year', 'the year’s reports for the lists of its own authority', ownAuthority);
