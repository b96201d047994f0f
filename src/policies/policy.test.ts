import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, can } from './index.ts';
import type { Membership, UserActor } from '../domain/actors/actor.ts';
import { AppError } from '../domain/errors.ts';

function user(...memberships: Partial<Membership>[]): UserActor {
  return { kind: 'user', userId: 1, email: 'u@test', displayName: 'u', memberships: memberships.map((m) => ({ role: 'city', authorityId: null, authorityLevel: null, regionCode: null, enterpriseId: null, evaluatorOrgId: null, ...m })) };
}

const jiangxiReviewer = user({ role: 'province', authorityLevel: 'province', regionCode: '360000', authorityId: 2 });
const jiujiangReviewer = user({ role: 'city', authorityLevel: 'city', regionCode: '360400', authorityId: 3 });
const national = user({ role: 'national', authorityLevel: 'national', regionCode: '000000', authorityId: 1 });
const plant = user({ role: 'enterprise', enterpriseId: 7 });

const inJiujiang = { type: 'enterprise', enterpriseId: 7, provinceCode: '360000', cityCode: '360400' };
const inWuhan = { type: 'enterprise', enterpriseId: 8, provinceCode: '420000', cityCode: '420100' };
const inNanchang = { type: 'enterprise', enterpriseId: 9, provinceCode: '360000', cityCode: '360100' };

test('region scope: a province sees its province, a city its city, the nation everything', () => {
  assert.equal(can(jiangxiReviewer, 'read', inJiujiang), true);
  assert.equal(can(jiangxiReviewer, 'read', inWuhan), false);
  assert.equal(can(jiujiangReviewer, 'read', inJiujiang), true);
  assert.equal(can(jiujiangReviewer, 'read', inNanchang), false);
  assert.equal(can(national, 'read', inWuhan), true);
});

test('an enterprise reads only itself; nothing is allowed without a rule', () => {
  assert.equal(can(plant, 'read', inJiujiang), true);
  assert.equal(can(plant, 'read', inWuhan), false);
  assert.equal(can(plant, 'fly', inJiujiang), false);
  assert.equal(can(national, 'read', { type: 'no-such-subject' }), false);
});

test('authorize refuses the public with UNAUTHENTICATED and a user with FORBIDDEN', () => {
  assert.throws(() => authorize({ kind: 'public', clientKey: 'k' }, 'read', inJiujiang), (e) => AppError.is(e, 'UNAUTHENTICATED'));
  assert.throws(() => authorize(jiangxiReviewer, 'read', inWuhan), (e) => AppError.is(e, 'FORBIDDEN'));
  assert.doesNotThrow(() => authorize({ kind: 'public', clientKey: 'k' }, 'read-public', inWuhan));
});
