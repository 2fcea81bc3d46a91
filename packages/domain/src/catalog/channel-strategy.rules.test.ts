import { describe, expect, it } from 'vitest';
import { channelStrategyFor, partnerTypeForStrategy } from './channel-strategy.rules.js';
import { ancestorsOf, descendantsOf, regionCovers } from './region-tree.js';

describe('channelStrategyFor', () => {
  it.each([
    [90, 10, 'direct'],
    [90, 80, 'strategic'],
    [20, 10, 'smb'],
    [20, 80, 'nurture'],
  ] as const)('potential %i, difficulty %i → %s', (p, d, expected) => {
    expect(channelStrategyFor(p, d)).toBe(expected);
  });

  it('treats a score equal to the threshold as high / hard', () => {
    expect(channelStrategyFor(50, 50)).toBe('strategic');
    expect(channelStrategyFor(49, 49)).toBe('smb');
  });

  it('follows configured thresholds', () => {
    expect(channelStrategyFor(60, 40, { highPotentialAt: 70, hardDifficultyAt: 30 })).toBe('nurture');
  });

  it('maps quadrants to the partner type they call for', () => {
    expect(partnerTypeForStrategy('strategic')).toBe('strategic');
    expect(partnerTypeForStrategy('smb')).toBe('smb');
    expect(partnerTypeForStrategy('direct')).toBeNull();
    expect(partnerTypeForStrategy('nurture')).toBeNull();
  });
});

describe('region tree', () => {
  const regions = [
    { id: 'cn', parentId: null },
    { id: 'bj', parentId: 'cn' },
    { id: 'gd', parentId: 'cn' },
    { id: 'sz', parentId: 'gd' },
    { id: 'gz', parentId: 'gd' },
    { id: 'sg', parentId: null },
  ];
  const byId = new Map(regions.map((r) => [r.id, r]));

  it('lists ancestors nearest first', () => {
    expect(ancestorsOf('sz', byId)).toEqual(['gd', 'cn']);
    expect(ancestorsOf('cn', byId)).toEqual([]);
  });

  it('a scope covers itself and its descendants, not siblings or other countries', () => {
    expect(regionCovers('cn', 'sz', byId)).toBe(true);
    expect(regionCovers('gd', 'gd', byId)).toBe(true);
    expect(regionCovers('gd', 'bj', byId)).toBe(false);
    expect(regionCovers('sg', 'sz', byId)).toBe(false);
    expect(regionCovers('sz', 'gd', byId)).toBe(false);
  });

  it('lists all descendants', () => {
    expect(descendantsOf('cn', regions).sort()).toEqual(['bj', 'gd', 'gz', 'sz']);
    expect(descendantsOf('sz', regions)).toEqual([]);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = new Map([
      ['a', { id: 'a', parentId: 'b' }],
      ['b', { id: 'b', parentId: 'a' }],
    ]);
    expect(ancestorsOf('a', cyclic)).toEqual(['b', 'a']);
  });
});
