/** Paths inside an Open XML package (the zip of an .xlsx): where a relationship points, where a part's own are. */

/** The folder a part lives in: 'xl' for 'xl/workbook.xml', '' for a part at the root. */
export function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** The path of a relationship target, relative to the folder of the part that owns the relationships. */
export function resolveTarget(ownerDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out: string[] = [];
  for (const p of `${ownerDir}/${target}`.split('/')) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The part holding a part's relationships: 'xl/_rels/workbook.xml.rels' for 'xl/workbook.xml'. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
