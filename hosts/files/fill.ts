import { fileMessages, type FillTarget } from '../../src/index';
import { AnnotateError, setCellStyle, sheetsOf, unpack, type Package } from './annotate';
import { escapeXml } from './xml';

/**
 * The filled copy: the 自评得分 and 扣分原因 the rule engine computed, written into their cells by patching the
 * package like the annotated copy. Only those sheets' XML and workbook.xml change (Excel and WPS are asked to
 * recalculate on opening, so that the 总分 follows the new scores); where a formula gave way to a value, the
 * calculation chain, which would point at it, is dropped and rebuilt by Excel.
 */

/** CT_Workbook elements that follow calcPr. */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function cellXml(p: string, attributes: string, value: number | string): string {
  const attrs = attributes.replace(/\s+t="[^"]*"/, '');
  return typeof value === 'number'
    ? `<${p}c${attrs}><${p}v>${value}</${p}v></${p}c>`
    : `<${p}c${attrs} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

/** Writes one value into a sheet's XML, keeping the cell's format; tells whether a formula was replaced. */
function writeCell(xml: string, p: string, address: string, value: number | string): { xml: string; formula: boolean } {
  const find = (text: string) => new RegExp(`<${p}c\\b([^>]*?\\br="${address}"[^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`).exec(text);
  // A cell the sheet does not have yet is created where it belongs, in its row.
  const withCell = find(xml) ? xml : setCellStyle(xml, p, address, () => 0);
  const cell = find(withCell)!;
  // The first cell of a shared formula holds it for the others: replaced, they would lose their formula.
  if (new RegExp(`<${p}f\\b[^>]*\\bref="`).test(cell[2] ?? '')) {
    throw new AnnotateError(fileMessages.sharedFormula(address));
  }
  return { xml: withCell.replace(cell[0], cellXml(p, cell[1], value)), formula: new RegExp(`<${p}f\\b`).test(cell[2] ?? '') };
}

function recalculateOnLoad(pkg: Package): void {
  const workbook = pkg.text('xl/workbook.xml')!;
  const p = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? '';
  const existing = new RegExp(`<${p}calcPr\\b[^>]*?/?>`).exec(workbook);
  if (existing) {
    const tag = existing[0].replace(/\s+fullCalcOnLoad="[^"]*"/, '');
    pkg.write('xl/workbook.xml', workbook.replace(existing[0], tag.replace(`<${p}calcPr`, `<${p}calcPr fullCalcOnLoad="1"`)));
    return;
  }
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  const next = AFTER_CALC_PR.map((name) => workbook.search(new RegExp(`<${p}${name}\\b`))).find((at) => at >= 0);
  const at = next ?? workbook.search(new RegExp(`</${p}workbook>`));
  pkg.write('xl/workbook.xml', workbook.slice(0, at) + element + workbook.slice(at));
}

function dropCalcChain(pkg: Package): void {
  const path = 'xl/calcChain.xml';
  if (!pkg.has(path)) return;
  pkg.remove(path);
  const rels = pkg.text('xl/_rels/workbook.xml.rels')!;
  pkg.write('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''));
  pkg.write('[Content_Types].xml', pkg.text('[Content_Types].xml')!.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
}

export function fillXlsx(bytes: Uint8Array, targets: readonly FillTarget[]): Uint8Array {
  const pkg = unpack(bytes);
  const { sheets } = sheetsOf(pkg);
  let formulaReplaced = false;
  for (const sheet of sheets) {
    const onSheet = targets.filter((t) => t.sheet === sheet.name);
    if (!onSheet.length || !sheet.part) continue;
    let xml = pkg.text(sheet.part)!;
    const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
    for (const t of onSheet) {
      const written = writeCell(xml, p, t.cell, t.value);
      xml = written.xml;
      formulaReplaced ||= written.formula;
    }
    pkg.write(sheet.part, xml);
  }
  recalculateOnLoad(pkg);
  if (formulaReplaced) dropCalcChain(pkg);
  return pkg.toZip();
}
