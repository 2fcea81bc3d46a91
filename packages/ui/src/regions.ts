import type { Region } from '@partnerline/domain';

/** Regions in tree order, indented by depth, for a region picker. */
export function regionOptions(regions: Region[], locale: string): { value: string; label: string }[] {
  const children = new Map<string | null, Region[]>();
  for (const r of regions) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ value: r.id, label: `${'\u00A0\u00A0\u00A0'.repeat(depth)}${locale === 'zh-CN' ? r.nameZh : r.nameEn}` });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * A place's name in the page's language: English pages show the catalog's English name where one exists
 * (浙江 → Zhejiang), falling back to the Chinese name; Chinese pages show the Chinese name.
 */
export function placeName(nameZh: string | null | undefined, nameEn: string | null | undefined, locale: string): string {
  if (locale === 'zh-CN') return nameZh || nameEn || '—';
  return nameEn || nameZh || '—';
}
