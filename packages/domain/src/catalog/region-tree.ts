/** Regions form a tree; a scope on a region covers its descendants. */
export interface RegionNode {
  id: string;
  parentId: string | null;
}

export function ancestorsOf(regionId: string, byId: ReadonlyMap<string, RegionNode>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(regionId)?.parentId ?? null;
  while (current && !seen.has(current)) {
    seen.add(current);
    out.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return out;
}

/** True when `region` is `scope` itself or lies below it. */
export function regionCovers(scopeId: string, regionId: string, byId: ReadonlyMap<string, RegionNode>): boolean {
  return scopeId === regionId || ancestorsOf(regionId, byId).includes(scopeId);
}

export function descendantsOf(regionId: string, regions: readonly RegionNode[]): string[] {
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  }
  const out: string[] = [];
  const stack = [...(children.get(regionId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
