/**
 * Workspace pages that are no single command's: an authority's own administration and
 * oversight screens. Their routes declare these rules (`config.access`), so the pages
 * answer 403 to any other role before they read anything.
 */
import { allow } from '../policy.ts';

allow('admin', 'administer', 'authority', 'administrators: the authorities’ settings and the frameworks pinned to their batches');
allow(['national', 'province', 'city'], 'oversee', 'authority', 'staff of an authority: its deadlines, quotas and the dynamic management of its lists');
