import { describe, expect, it } from 'vitest';
import { brandSimilarity, customerNameAltKeys, customerNamesMatch, editDistance, parseCustomerName } from './customer-match.js';

const match = (a: string, b: string) => customerNamesMatch(a, b, { threshold: 0.85 });

describe('parseCustomerName', () => {
  it('reads regions, brand and business words of a Chinese name, whatever the spelling', () => {
    for (const name of ['北京字节跳动科技有限公司', '字节跳动（北京）科技有限公司', '字節跳動(北京)科技有限責任公司', '北京市 字节跳动 科技']) {
      expect(parseCustomerName(name)).toMatchObject({ script: 'cjk', regions: ['北京'], brand: '字节跳动', business: ['科技'] });
    }
  });

  it('reads a Latin name without legal form, accents, articles or punctuation', () => {
    expect(parseCustomerName("The L'Oréal Group, S.A.")).toMatchObject({ script: 'latin', brand: 'loreal', descriptors: ['group'], formal: true });
    expect(parseCustomerName('Procter & Gamble Co.')).toMatchObject({ brand: 'procter gamble', business: [] });
  });

  it('keeps a generic name whole in its core', () => {
    expect(parseCustomerName('浙江大学')).toMatchObject({ brand: '', regions: ['浙江'], business: ['大学'], core: '浙江大学' });
  });
});

describe('customerNamesMatch', () => {
  it.each([
    ['华为技术有限公司', '華為技術有限公司', 'traditional characters'],
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统（深圳）有限公司', 'bracketed city'],
    ['广东省深圳市大疆创新科技有限公司', '深圳大疆创新', 'province + city vs city, business omitted'],
    ['ＴＣＬ科技集团股份有限公司', 'TCL科技', 'full-width letters, descriptor omitted'],
    ['Siemens Aktiengesellschaft', 'SIEMENS AG', 'legal form spelled out'],
    ['Schlumberger Limited', 'Schlumbreger Ltd', 'typing slip in a long brand'],
    ['Hewlett-Packard Enterprise', 'Hewlett Packard Enterprise', 'hyphen'],
    ['北京五八信息技术有限公司', '北京58信息技术有限公司', 'Chinese numerals vs digits'],
    ['上海交通大学医学院附属瑞金医院', '上海瑞金医院', 'affiliation prefix omitted'],
    ['A.P. Møller - Mærsk A/S', 'A.P. Moller-Maersk', 'ø and æ transliterated'],
    ['Uppsala universitet', 'Uppsala University', 'university in the local language'],
  ])('%s = %s (%s)', (a, b) => {
    expect(match(a, b).match).toBe(true);
  });

  it.each([
    ['北京华信科技有限公司', '北京华信软件有限公司', 'same brand, other business'],
    ['北京华信科技有限公司', '北京华新科技有限公司', 'one character differs'],
    ['浙江大学', '北京大学', 'generic names in different regions'],
    ['中国银行', '中国建设银行', 'different banks'],
    ['北京华信科技有限公司', '上海华信科技有限公司', 'same name registered in another city'],
    ['Harbor Logistics', 'Harvest Logistics', 'different brands'],
    ['First Union Bank of Ohio', 'First Union Bank of Utah', 'different state banks'],
    ['Global Logistics Partners', 'Global Capital Partners', 'generic-word brands'],
    ['Northwind Traders Inc.', 'Northwind Holdings Inc.', 'two registered names: trading company vs holding company'],
    ['中国烟草总公司', '中国烟草总公司江苏省公司', 'head company vs its provincial company'],
    ['University of Sydney', 'University of Technology Sydney', 'different universities in one city'],
    ['Canon Inc.', 'Canon Medical Systems Corporation', 'two registered names, one with business words'],
  ])('%s ≠ %s (%s)', (a, b) => {
    expect(match(a, b).match).toBe(false);
  });

  it.each([
    ['University College London', 'UCL', 'acronym'],
    ['Électricité de France', 'EDF', 'acronym with "de"'],
    ['Katholieke Universiteit Leuven', 'KU Leuven', 'initials of part of the name'],
    ['Industria de Diseño Textil, S.A.', 'Inditex', 'syllable blend of the whole name'],
    ['Hongkong and Shanghai Banking Corporation Limited', 'HSBC', 'acronym including the legal word'],
    ['Kungliga Tekniska högskolan', 'KTH Royal Institute of Technology', 'acronym plus English name; högskola = institute'],
    ['University of Helsinki', 'Helsingin yliopisto', 'Finnish name, genitive city'],
    ['Nissan Motor Co., Ltd.', 'Nissan Jidosha K.K.', 'romanised Japanese business word'],
    ['Telefonaktiebolaget LM Ericsson', 'Ericsson', 'legal form in a compound, initials omitted'],
    ['上海浦东发展银行股份有限公司', '浦发银行', 'Chinese abbreviation, region omitted'],
    ['中国建筑第八工程局有限公司', '中建八局', '中 for 中国, one character of some words'],
    ['北京大学人民医院', '北大人民医院', 'abbreviated university prefix'],
    ['上海交通大学', '上海交大', 'abbreviation of a generic name with its own brand'],
    ['中国建设银行股份有限公司', 'China Construction Bank Corporation', 'generic Chinese name in English'],
    ['北京大学', 'Peking University', 'old romanisation'],
  ])('%s = %s (short form: %s)', (a, b) => {
    expect(match(a, b).match).toBe(true);
    expect(match(b, a).match).toBe(true);
  });

  it.each([
    ['HP Inc.', 'Hewlett Packard Enterprise', 'initials fit, but the other name states a descriptor this one lacks'],
    ['FedEx Corporation', 'Federal Exchange Bank', 'a blend must spell the whole other name'],
    ['BBVA', 'Banco Bilbao Vizcaya', 'a letter too many'],
    ['华信通科技有限公司', '华信科技有限公司', 'a longer brand is not an abbreviation'],
    ['中国工商银行股份有限公司', '中国银行股份有限公司', 'a generic name is not an abbreviation'],
    ['深圳华强北电子有限公司', '深圳华电子有限公司', 'a one-character brand is not an abbreviation'],
    ['西安交通大学', '上海交大', 'abbreviation in another city'],
    ['Hochschule München', 'Technische Universität München', 'Hochschule reads as university, still another one'],
    ['浙江大学', 'Zhejiang University of Technology', 'English name with one word more'],
    ['北京银行', 'Bank of Shanghai', 'another city'],
  ])('%s ≠ %s (short form: %s)', (a, b) => {
    expect(match(a, b).match).toBe(false);
    expect(match(b, a).match).toBe(false);
  });

  it('explains its verdict', () => {
    expect(match('北京华信科技有限公司', '北京华信软件有限公司')).toMatchObject({ reason: 'business_differs', score: 1 });
    expect(match('北京华信科技有限公司', '上海华信科技有限公司').reason).toBe('region_differs');
    expect(match('Harbor Logistics', 'Harvest Logistics').reason).toBe('brand_differs');
    expect(match('浙江大学', '北京大学').reason).toBe('generic_name_differs');
    expect(match('', 'Acme').reason).toBe('empty');
  });

  it('is symmetric', () => {
    const names = ['北京华信科技有限公司', '华信（北京）', '北京华信软件', 'Acme Corp', 'ACME Holdings', '浙江大学', 'Harbour Freight Tools', 'Harbor Freight'];
    for (const a of names) for (const b of names) expect(match(a, b).match).toBe(match(b, a).match);
  });

  it('follows the policy threshold for Latin brands', () => {
    expect(customerNamesMatch('Harbor Freight', 'Harbour Freight', { threshold: 0.85 }).match).toBe(true);
    expect(customerNamesMatch('Harbor Freight', 'Harbour Freight', { threshold: 0.95 }).match).toBe(false);
  });
});

describe('customerNameAltKeys (a second retrieval key)', () => {
  it.each([
    ['University College London', 'UCL'],
    ['Mitsubishi UFJ Financial Group, Inc.', 'MUFG'],
    ['Hongkong and Shanghai Banking Corporation Limited', 'HSBC'],
    ['Katholieke Universiteit Leuven', 'KU Leuven'],
    ['上海浦东发展银行股份有限公司', '浦发银行'],
    ['中国建筑第八工程局有限公司', '中建八局'],
    ['北京大学人民医院', '北大人民医院'],
    ['中国建设银行股份有限公司', 'China Construction Bank Corporation'],
  ])('%s and %s share a key', (a, b) => {
    expect(match(a, b).match).toBe(true);
    expect(customerNameAltKeys(a).some((k) => customerNameAltKeys(b).includes(k))).toBe(true);
  });
});

describe('edit distance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('northwind', 'nortwhind')).toBe(1);
    expect(editDistance('华信', '华新')).toBe(1);
    expect(brandSimilarity('harbor', 'harbour')).toBeCloseTo(0.857, 3);
  });
});
