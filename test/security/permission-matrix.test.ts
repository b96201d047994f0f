/**
 * The permission matrix, generated from the routes and the policy rules, on both
 * databases. Every route the app registers must declare its access (`config.access`,
 * src/http/access.ts): a route without one fails here. Then every JSON API route and
 * every page and form action is called as the public and as every demo role — admin,
 * national, province (Jiangxi), city (九江), evaluator, expert, enterprise (the silicone
 * plant) and hubei@demo (Hubei's province) — for a subject in Jiangxi and its twin in
 * Hubei (test/security/matrix-world.ts), and the answer must match the declared rule:
 *
 * - expected from the rules: `public` → everyone; `signed-in` → every user; a rule with
 *   a subject in the path → `can(actor, action, subject)` for the subject the path names
 *   (loaded as the commands load it); a rule without one → some rule gives the action on
 *   that subject type to one of the caller's roles (the region is then in the body or
 *   the caller's own, and the command's own tests cover it);
 * - "denied" means exactly: 401 UNAUTHENTICATED for the public on the API, a 303 to the
 *   sign-in page for the public on the site, 403 FORBIDDEN for a signed-in user;
 * - "allowed" means the route did not refuse the caller: not 401, not 403, no redirect
 *   to sign-in, no 5xx. The calls carry an empty body (`{}` or an empty form), so an
 *   allowed caller often gets 400 (the form is empty), 404 (an item id of the path is
 *   not there), 409/422 (the state or a programme rule refuses) or 415 — all fine here.
 *
 * Calls run against a store whose transactions roll back (matrix-world.ts), so an
 * allowed call changes nothing the next caller sees; sign-out routes are called last.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { isRuleAccess } from '../../src/http/access.ts';
import { seedDemo } from '../../src/commands/seed/seed-demo.ts';
import { listRules } from '../../src/policies/index.ts';
import { DIALECTS, type TestStore } from '../support/stores.ts';
import { testConfig } from '../support/app.ts';
import { prepareMatrixWorlds, rollingBack, type MatrixWorlds } from './matrix-world.ts';
import { call, DECLARED_HERE, demoCaller, expectAllowed, key, LOGOUT, probesOf, publicCaller, SEED_DAY, USERS, verdict, type Caller } from './route-probes.ts';

for (const dialect of DIALECTS) {
  describe(`permission matrix on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let fixtures: MatrixWorlds;
    let transactions: ReturnType<typeof rollingBack>;
    const callers: Caller[] = [];

    before(async () => {
      store = await dialect.open();
      await seedDemo(store, { today: SEED_DAY });
      fixtures = await prepareMatrixWorlds(store);
      transactions = rollingBack(store);
      app = await buildApp({ config: testConfig(store), store: transactions });
      await app.ready();
      callers.push(await publicCaller(app));
      for (const email of USERS) callers.push(await demoCaller(store, email));
      transactions.on = true;
    });

    /** Sign-out ends the session it is called with: each such call gets a session of its own. */
    const freshSession = async (caller: Caller): Promise<Caller> => (caller.actor.kind === 'user' ? demoCaller(store, caller.actor.email) : caller);

    after(async () => {
      await app?.close();
      await store?.dispose();
    });

    test('every route declares its access, and every declared rule exists', () => {
      const routes = app.routeAccessTable.filter((r) => r.method !== 'HEAD');
      assert.ok(routes.length > 150, `${routes.length} routes`);
      const undeclared = routes.filter((r) => r.access === undefined && DECLARED_HERE[key(r)] === undefined).map(key);
      assert.deepEqual(undeclared, [], 'routes without config.access (src/http/access.ts)');
      const ruled = new Set(listRules().flatMap((rule) => rule.actions.map((action) => `${action} ${rule.subjectType}`)));
      for (const route of routes) {
        const access = route.access ?? DECLARED_HERE[key(route)];
        if (isRuleAccess(access) && !access.action.startsWith(':')) assert.ok(ruled.has(`${access.action} ${access.subject}`), `${key(route)}: no rule gives "${access.action}" on "${access.subject}"`);
      }
    });

    test('every route answers every caller, in both regions, as its rule says', async (t) => {
      const routes = app.routeAccessTable.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/docs'));
      const ordered = [...routes.filter((r) => !LOGOUT.has(key(r))), ...routes.filter((r) => LOGOUT.has(key(r)))];
      const mismatches: string[] = [];
      const tally = { calls: 0, allowed: 0, refused: 0 };
      for (const route of ordered) {
        const access = route.access ?? DECLARED_HERE[key(route)]!;
        for (const probe of probesOf(route, access, fixtures)) {
          for (const caller of callers) {
            const allowed = await expectAllowed(store, probe, caller);
            const got = verdict(await call(app, probe, LOGOUT.has(key(route)) ? await freshSession(caller) : caller), route.web);
            const want = allowed ? 'allowed' : caller.actor.kind === 'public' ? 'refused-public' : 'refused-user';
            tally.calls++;
            if (allowed) tally.allowed++;
            else tally.refused++;
            if (got !== want) mismatches.push(`${route.method} ${probe.url} [${probe.world}${probe.action ? ` ${probe.action}` : ''}] as ${caller.name}: expected ${want}, got ${got}`);
          }
        }
      }
      assert.deepEqual(mismatches, [], `${mismatches.length} of ${tally.calls} calls differ from the rules`);
      // Both outcomes occur in numbers: the matrix is not all-allowed or all-refused.
      assert.ok(tally.allowed > 500 && tally.refused > 500, JSON.stringify(tally));
      t.diagnostic(`${routes.length} routes, ${tally.calls} calls: ${tally.allowed} allowed, ${tally.refused} refused`);
    });
  });
}
