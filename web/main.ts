import { rowDetail, rowState, type BatchRow } from '../hosts/files/index';
import { fillTargets, parseA1, SEVERITIES, type CheckResult, type Finding, type ProposedScore, type Severity, type WorkbookGrid } from '../src/index';
import type { CellAddress } from '../taskpane/host';
import * as ui from '../taskpane/ui';
import { dropped, picked, type Gathered } from './gather';
import type { BatchReply, Reply, Request, SingleReply } from './protocol';
import { renderSheet, shownText, type CellMark } from './sheet-view';
import { texts } from './texts';

/**
 * The offline page: one workbook is checked and drawn with its findings; a folder or many files are checked as a
 * batch and given back as one zip. All work happens in a worker built into this file; nothing leaves the machine.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
/** The worker's script, built into this page (scripts/build-web.mjs); the batch's checkers run the same script. */
declare const WORKER_SOURCE: string;
const workerSource = WORKER_SOURCE;
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
const startWorker = () => new Worker(workerUrl);
/** Checkers for a batch: one per core, as `perf-check batch` uses all cores. */
const THREADS = Math.min(8, navigator.hardwareConcurrency || 2);

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function show(view: 'single' | 'batch' | 'none'): void {
  $('single').hidden = view !== 'single';
  $('batch').hidden = view !== 'batch';
}

/** The marks of one sheet: the worst severity per cell, every message. */
function marksOf(findings: Finding[], sheet: string): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const f of findings.filter((x) => x.sheet === sheet)) {
    const mark = marks.get(f.cell);
    if (!mark) marks.set(f.cell, { severity: f.severity, messages: [f.message] });
    else {
      mark.messages.push(f.message);
      if (SEVERITIES[f.severity].rank < SEVERITIES[mark.severity].rank) mark.severity = f.severity;
    }
  }
  return marks;
}

class SingleView {
  private sheetIndex = -1;

  constructor(
    private readonly name: string,
    private readonly grid: WorkbookGrid,
    private readonly result: CheckResult,
    private readonly proposals: ProposedScore[],
    private readonly fillError: string | undefined,
  ) {}

  /** The sheets the checker read (its tables) or found something on; all of them when it read none. */
  private sheets(): number[] {
    const used = new Set([...this.result.tables.map((t) => t.sheet), ...this.result.findings.map((f) => f.sheet)]);
    const indices = this.grid.sheets.map((_, i) => i).filter((i) => used.has(this.grid.sheets[i].name));
    return indices.length ? indices : this.grid.sheets.map((_, i) => i);
  }

  render(): void {
    ui.renderFindings(this.result.findings, (cell) => this.select(cell));
    ui.setStatus(texts.checked(this.name) + ui.checkSummary({ result: this.result, marked: 0, unmarked: [], withoutNote: [], unprotect: [] }));
    $('proposals').hidden = true;
    $('download-filled').hidden = true;
    const tabs = $('tabs');
    tabs.replaceChildren(
      ...this.sheets().map((i) => {
        const sheet = this.grid.sheets[i];
        const tab = Object.assign(document.createElement('button'), {
          type: 'button',
          className: 'tab',
          textContent: texts.sheetTab(sheet.name, this.result.findings.filter((f) => f.sheet === sheet.name).length),
        });
        tab.dataset.sheet = sheet.name;
        tab.addEventListener('click', () => this.showSheet(i));
        return tab;
      }),
    );
    this.sheetIndex = -1;
    this.showSheet(this.sheets()[0]);
    show('single');
  }

  private showSheet(index: number): void {
    if (index === this.sheetIndex) return;
    this.sheetIndex = index;
    const sheet = this.grid.sheets[index];
    $('tabs')
      .querySelectorAll<HTMLButtonElement>('.tab')
      .forEach((t) => t.classList.toggle('current', t.dataset.sheet === sheet.name));
    $('sheet').replaceChildren(renderSheet(sheet, marksOf(this.result.findings, sheet.name)));
    this.markProposals();
  }

  select(cell: CellAddress): void {
    const index = this.grid.sheets.findIndex((s) => s.name === cell.sheet);
    if (index < 0) return;
    this.showSheet(index);
    $('sheet')
      .querySelectorAll('.selected')
      .forEach((td) => td.classList.remove('selected'));
    const td = $('sheet').querySelector<HTMLElement>(`td[data-cell="${cell.cell}"]`);
    if (!td) return;
    td.classList.add('selected');
    td.scrollIntoView({ block: 'center', inline: 'center' });
  }

  private shown(sheet: string, cell: string): string {
    const { row, col } = parseA1(cell);
    return shownText(this.grid.sheets.find((s) => s.name === sheet)?.cells[row]?.[col]);
  }

  private typed(p: ProposedScore): string {
    return this.shown(p.sheet, p.scoreCell);
  }

  /** 填写自评得分: what the rule engine computes, beside what was typed; the differing cells are marked on the sheet. */
  showProposals(): void {
    const box = $('proposals');
    box.hidden = false;
    if (!this.proposals.length) {
      box.replaceChildren(paragraph(ui.fillSummary({ written: 0, kept: 0, nothingToFill: true }).text));
      return;
    }
    const differing = this.proposals.filter((p) => this.typed(p) !== p.score);
    const table = document.createElement('table');
    table.className = 'list';
    const head = table.createTHead().insertRow();
    for (const h of texts.proposalsHeader) head.append(Object.assign(document.createElement('th'), { textContent: h }));
    const body = table.createTBody();
    for (const p of this.proposals) {
      const tr = body.insertRow();
      tr.className = differing.includes(p) ? 'differs' : '';
      for (const text of [`${p.sheet}!${p.scoreCell}`, p.indicator, this.typed(p), p.score, p.reason, p.basis]) tr.insertCell().textContent = text;
      tr.addEventListener('click', () => this.select({ sheet: p.sheet, cell: p.scoreCell }));
    }
    box.replaceChildren(
      paragraph(texts.proposalsSummary(this.proposals, differing.length)),
      ...(this.fillError ? [paragraph(texts.noFilledCopy(this.fillError))] : []),
      table,
    );
    $('download-filled').hidden = !!this.fillError;
    this.markProposals();
    box.scrollIntoView({ block: 'nearest' });
  }

  /** Each computed score and reason that differs from what was typed, shown after it in its cell (“5 → 0”). */
  private markProposals(): void {
    if ($('proposals').hidden) return;
    const sheet = this.grid.sheets[this.sheetIndex];
    for (const target of fillTargets(this.proposals.filter((x) => x.sheet === sheet.name))) {
      const td = $('sheet').querySelector<HTMLElement>(`td[data-cell="${target.cell}"]`);
      if (!td || this.shown(sheet.name, target.cell) === String(target.value)) continue;
      td.dataset.proposed = String(target.value);
      td.classList.add('proposed');
    }
  }
}

const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

function renderBatch(rows: BatchRow[]): void {
  const table = document.createElement('table');
  table.className = 'list';
  const head = table.createTHead().insertRow();
  for (const h of texts.batchHeader) head.append(Object.assign(document.createElement('th'), { textContent: h }));
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    tr.className = r.status === 'unreadable' ? 'unreadable' : '';
    const counts: [Severity, number][] = [
      ['error', r.errors],
      ['warning', r.warnings],
      ['info', r.infos],
    ];
    for (const text of [r.file, r.department ?? '', rowState(r)]) tr.insertCell().textContent = text;
    tr.cells[2].className = 'state';
    for (const [severity, n] of counts) {
      const td = Object.assign(tr.insertCell(), { textContent: String(n), className: 'number' });
      // A count of errors or warnings wears its severity's fill, as the marked cells do.
      if (n && severity !== 'info') td.style.backgroundColor = SEVERITIES[severity].fill;
    }
    tr.insertCell().textContent = rowDetail(r);
  }
  $('batch-rows').replaceChildren(table);
}

function main(): void {
  if (typeof Worker === 'undefined') {
    ui.setStatus(texts.worker, true);
    return;
  }
  let worker = startWorker();
  /** The workbook being checked, then the one shown. */
  let name = '';
  let single: { view: SingleView; reply: SingleReply } | undefined;
  let zip: { bytes: Uint8Array; name: string } | undefined;
  let started = 0;
  let folder: string | undefined;

  const onMessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    if (reply.kind === 'progress') {
      const bar = $<HTMLProgressElement>('bar');
      bar.max = reply.total;
      bar.value = reply.done;
      $('progress-text').textContent = texts.progress(reply.done, reply.total, (performance.now() - started) / 1000);
      return;
    }
    busy(false);
    if (reply.kind === 'single') showSingle(reply);
    else if (reply.kind === 'batch') showBatch(reply);
  };
  // A workbook that brings the worker down (out of memory) ends that check, not the page: a fresh worker takes over.
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    worker.terminate();
    worker = startWorker();
    worker.onmessage = onMessage;
    worker.onerror = onError;
    busy(false);
    $('progress').hidden = true;
    ui.setStatus(texts.crashed, true);
  };
  worker.onmessage = onMessage;
  worker.onerror = onError;

  function busy(on: boolean): void {
    document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input').forEach((b) => (b.disabled = on));
    $('drop').classList.toggle('busy', on);
  }

  function showSingle(reply: SingleReply): void {
    single = undefined;
    if (!reply.grid || !reply.result) {
      show('none');
      ui.setStatus(texts.unreadable(name, reply.row.reason ?? ''), true);
      return;
    }
    single = { reply, view: new SingleView(name, reply.grid, reply.result, reply.proposals ?? [], reply.fillError) };
    single.view.render();
  }

  function showBatch(reply: BatchReply): void {
    const seconds = (performance.now() - started) / 1000;
    zip = { bytes: reply.zip, name: texts.zipName(folder) };
    $('progress').hidden = true;
    renderBatch(reply.rows);
    ui.setStatus(
      texts.batchDone(reply.rows, reply.skipped, seconds),
      reply.rows.some((r) => r.status === 'unreadable'),
    );
    $('batch').dataset.seconds = seconds.toFixed(2);
    show('batch');
  }

  function start(gathered: Gathered): void {
    const { inputs } = gathered;
    folder = gathered.folder;
    if (!inputs.length) {
      ui.setStatus(texts.nothing, true);
      return;
    }
    busy(true);
    started = performance.now();
    if (inputs.length === 1 && !folder) {
      name = inputs[0].file.name;
      ui.setStatus(texts.checking(name));
      post({ kind: 'single', input: inputs[0] });
      return;
    }
    show('none');
    ui.setStatus(texts.batchStarted(inputs.length));
    $('progress').hidden = false;
    post({ kind: 'batch', inputs, workerSource, threads: THREADS });
  }

  const post = (request: Request) => worker.postMessage(request);

  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && !drop.classList.contains('busy')) void dropped(e.dataTransfer).then(start);
  });
  // A file dropped beside the zone must not make the browser open it instead of the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  for (const id of ['pick-files', 'pick-folder']) {
    const input = $<HTMLInputElement>(id);
    input.addEventListener('change', () => {
      if (input.files?.length) start(picked(input.files));
      input.value = '';
    });
  }
  $('fill').addEventListener('click', () => single?.view.showProposals());
  $('download-annotated').addEventListener('click', () => {
    const copy = single?.reply.annotated;
    if (copy) download(copy, texts.annotatedName(name), XLSX_TYPE);
  });
  $('download-filled').addEventListener('click', () => {
    const copy = single?.reply.filled;
    if (copy) download(copy, texts.filledName(name), XLSX_TYPE);
  });
  $('download-zip').addEventListener('click', () => zip && download(zip.bytes, zip.name, 'application/zip'));
  ui.setStatus(texts.ready);
}

main();
