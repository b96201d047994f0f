/** Third-party engagements: the evaluator organisation works on its own; the enterprise engages; reviewers read in their region. */
import { allow } from '../policy.ts';
import { atLevel, everyOf, inRegion, ownEnterprise, ownEvaluatorOrg } from '../scopes.ts';

allow('evaluator', ['read', 'accept', 'decline', 'record-verified-data', 'sign'], 'evaluation', 'engagements of its own organisation', ownEvaluatorOrg);
allow('enterprise', ['read', 'engage', 'release'], 'evaluation', 'engagements on its own applications', ownEnterprise);
allow('city', 'read', 'evaluation', 'evaluations of applications in its city', everyOf(atLevel('city'), inRegion));
allow('province', 'read', 'evaluation', 'evaluations of applications in its province', everyOf(atLevel('province'), inRegion));
allow('national', 'read', 'evaluation', 'evaluations of every region', everyOf(atLevel('national'), inRegion));
