import type { NamedFile } from './protocol';

/**
 * The files a clerk dropped or picked, with their paths relative to the dropped folder — as `perf-check batch`
 * lists a folder: sub-folders too, but no hidden files.
 */

export interface Gathered {
  inputs: NamedFile[];
  /** The folder's name when one folder was given: the zip is named after it. */
  folder?: string;
}

const skipped = (name: string) => name.startsWith('.');

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, path: string, out: NamedFile[]): Promise<void> {
  if (skipped(entry.name)) return;
  if (entry.isFile) out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  else if (entry.isDirectory)
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, path ? `${path}/${child.name}` : child.name, out);
}

const byPath = (inputs: NamedFile[]) => inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/**
 * Must be called within the drop event: the entries are gone once it returns. An item without an entry (a file
 * dragged from a program rather than a folder) is taken as the file it is.
 */
export function dropped(transfer: DataTransfer): Promise<Gathered> {
  const items = Array.from(transfer.items, (item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() })).filter((i) => i.entry || i.file);
  return (async () => {
    const inputs: NamedFile[] = [];
    const folder = items.length === 1 && items[0].entry?.isDirectory ? items[0].entry.name : undefined;
    for (const { entry, file } of items) {
      if (entry) await walk(entry, folder ? '' : entry.name, inputs);
      else if (file && !skipped(file.name)) inputs.push({ file, path: file.name });
    }
    return { inputs: byPath(inputs), ...(folder ? { folder } : {}) };
  })();
}

/** Files from a file input; a folder input gives paths under the folder's name, which the summary leaves out. */
export function picked(files: FileList): Gathered {
  const all = Array.from(files);
  const relative = all.map((file) => file.webkitRelativePath || file.name);
  const folders = new Set(relative.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const folder = folders.size === 1 && !folders.has('') ? [...folders][0] : undefined;
  const inputs = all
    .map((file, i) => ({ file, path: folder ? relative[i].slice(folder.length + 1) : relative[i] }))
    .filter((f) => !f.path.split('/').some(skipped));
  return { inputs: byPath(inputs), ...(folder ? { folder } : {}) };
}
