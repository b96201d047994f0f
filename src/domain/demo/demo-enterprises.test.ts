import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeParts, validateCreditCode } from '../credit-code/credit-code.ts';
import { getIndustry, isManufacturing } from '../reference/industries.ts';
import { cityCodeOf, findRegion, provinceCodeOf } from '../reference/regions.ts';
import { demoEnterprises, SILICONE_PLANT_CREDIT_CODE, SILICONE_PLANT_KEY } from './demo-enterprises.ts';

const enterprises = demoEnterprises();

test('the same seed gives byte-identical output; another seed does not', () => {
  assert.equal(JSON.stringify(demoEnterprises()), JSON.stringify(enterprises));
  assert.notEqual(JSON.stringify(demoEnterprises(240, 1)), JSON.stringify(enterprises));
});

test('a smaller count gives a prefix of the default list', () => {
  assert.deepEqual(demoEnterprises(50), enterprises.slice(0, 50));
});

test('240 by default, at least 200, with unique keys, names and credit codes', () => {
  assert.equal(enterprises.length, 240);
  for (const field of ['key', 'nameZh', 'nameEn', 'creditCode'] as const) {
    assert.equal(new Set(enterprises.map((e) => e[field])).size, enterprises.length, field);
  }
});

test('every credit code is valid (GB 32100 and GB 11714) and registered in the enterprise’s region', () => {
  for (const enterprise of enterprises) {
    assert.deepEqual(validateCreditCode(enterprise.creditCode), { ok: true, code: enterprise.creditCode });
    const parts = creditCodeParts(enterprise.creditCode);
    assert.equal(parts?.organizationCodeValid, true, enterprise.creditCode);
    assert.equal(parts?.regionCode, enterprise.regionCode);
  }
});

test('the silicone plant comes first, with a stable key and credit code', () => {
  const [first] = enterprises;
  assert.equal(first?.key, SILICONE_PLANT_KEY);
  assert.equal(first?.nameZh, '江西蓝星星火有机硅有限公司');
  assert.equal(first?.nameEn, 'Jiangxi Bluestar Xinghuo Organic Silicone Co., Ltd.');
  assert.equal(first?.regionCode, '360425');
  assert.equal(first?.cityCode, '360400');
  assert.equal(first?.industryCode, '2614');
  // Pinned so that a change to the generator cannot silently re-key the story's enterprise.
  assert.equal(SILICONE_PLANT_CREDIT_CODE, '91360425705862313P');
  assert.equal(first?.creditCode, SILICONE_PLANT_CREDIT_CODE);
});

test('every industry is a listed GB/T 4754-2017 manufacturing class', () => {
  for (const enterprise of enterprises) {
    assert.ok(isManufacturing(enterprise.industryCode), enterprise.industryCode);
    assert.equal(getIndustry(enterprise.industryCode).level, 'class');
  }
  assert.ok(new Set(enterprises.map((e) => e.industryCode)).size >= 15);
});

test('region codes are consistent and known to the reference', () => {
  for (const enterprise of enterprises) {
    assert.ok(findRegion(enterprise.regionCode), enterprise.regionCode);
    assert.equal(provinceCodeOf(enterprise.regionCode), enterprise.provinceCode);
    assert.equal(cityCodeOf(enterprise.regionCode) ?? enterprise.regionCode, enterprise.cityCode);
    for (const factory of enterprise.factories) {
      assert.equal(provinceCodeOf(factory.regionCode), enterprise.provinceCode);
      assert.ok(factory.key.startsWith(`${enterprise.key}-f`));
      assert.ok(factory.siteAreaM2 > 0);
    }
  }
});

test('a good share in Jiangxi (several in 九江) and in Hubei, the rest across provinces', () => {
  const share = (province: string) => enterprises.filter((e) => e.provinceCode === province).length / enterprises.length;
  assert.ok(share('360000') >= 0.25, `Jiangxi ${share('360000')}`);
  assert.ok(share('420000') >= 0.1, `Hubei ${share('420000')}`);
  assert.ok(enterprises.filter((e) => e.cityCode === '360400').length >= 5);
  assert.ok(new Set(enterprises.map((e) => e.provinceCode)).size >= 15);
});

test('names look like Chinese company names and are marked as demo', () => {
  for (const enterprise of enterprises) {
    assert.match(enterprise.nameZh, /有限公司$/);
    assert.match(enterprise.nameEn, /Co\., Ltd\.$/);
    assert.equal(enterprise.isDemo, true);
    assert.ok(enterprise.address.length > 6);
  }
});

test('count is validated', () => {
  assert.throws(() => demoEnterprises(0));
  assert.throws(() => demoEnterprises(1.5));
});
