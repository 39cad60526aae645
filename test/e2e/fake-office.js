// A scripted stand-in for Excel and Office.js, served in place of Microsoft's CDN script in the end-to-end test.
// It keeps a workbook (window.__excel, set before the page loads) and implements the part of the Excel API the
// add-in uses with Excel's batching rule: what is loaded can be read only after context.sync(), and what is written
// is applied at sync, in order.
(function () {
  'use strict';
  const state = window.__excel;
  const sheetOf = (name) => {
    const sheet = state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error('ItemNotFound: ' + name);
    return sheet;
  };
  const colName = (c) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const a1 = (r, c) => colName(c) + (r + 1);
  const parse = (address) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    return { row: Number(m[2]) - 1, col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };

  function RequestContext() {
    const loaded = [];
    const pending = [];
    /** An API object: load() asks for its properties at the next sync; reading before that fails as in Excel. */
    function proxy(read, extra) {
      const values = {};
      let ready = false;
      const obj = extra || {};
      obj.load = () => {
        loaded.push(() => {
          Object.assign(values, read());
          ready = true;
        });
        return obj;
      };
      return new Proxy(obj, {
        get(target, key) {
          if (key in target) return target[key];
          if (typeof key !== 'string') return undefined;
          if (!ready) throw new Error('PropertyNotLoaded: ' + key);
          return values[key];
        },
        set(target, key, value) {
          if (target.__write && target.__write(key, value)) return true;
          target[key] = value;
          return true;
        },
      });
    }
    const queue = (op) => pending.push(op);

    function range(sheet, address) {
      const fill = proxy(
        () => {
          const color = sheet.fills[address];
          return { color: color || '#FFFFFF', pattern: color ? 'Solid' : 'None' };
        },
        {
          clear: () => queue(() => delete sheet.fills[address]),
          __write: (key, value) => key === 'color' && (queue(() => (sheet.fills[address] = value)), true),
        },
      );
      const protection = proxy(() => ({ locked: !(sheet.unlocked || []).includes(address) }));
      return proxy(
        () => {
          const cell = sheet.cells[address];
          return {
            values: [[cell ? cell.value : '']],
            formulas: [[cell ? (cell.formula !== undefined ? '=' + cell.formula : cell.value) : '']],
          };
        },
        {
          format: { fill, protection },
          select: () => queue(() => (state.selected = sheet.name + '!' + address)),
          __write: (key, value) => {
            if (key !== 'values' && key !== 'formulas') return false;
            queue(() => {
              if (sheet.protected && !(sheet.unlocked || []).includes(address)) throw new Error('AccessDenied: ' + address);
              const v = value[0][0];
              if (key === 'formulas') sheet.cells[address] = { value: 0, formula: String(v).slice(1) };
              else if (v === '' || v === null) delete sheet.cells[address];
              else sheet.cells[address] = { value: v };
            });
            return true;
          },
        },
      );
    }

    function block(sheet, top, left, rows, cols) {
      return proxy(() => {
        const grid = (f) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(sheet.cells[a1(top + r, left + c)])));
        return {
          values: grid((c) => (c ? c.value : '')),
          formulas: grid((c) => (c ? (c.formula !== undefined ? '=' + c.formula : c.value) : '')),
          numberFormat: grid((c) => (c && c.numFmt) || 'General'),
        };
      });
    }

    function worksheet(sheet) {
      const bounds = () => {
        const at = Object.keys(sheet.cells).map(parse);
        if (!at.length) return null;
        const top = Math.min(...at.map((p) => p.row));
        const left = Math.min(...at.map((p) => p.col));
        return { top, left, rows: Math.max(...at.map((p) => p.row)) - top + 1, cols: Math.max(...at.map((p) => p.col)) - left + 1 };
      };
      return {
        name: sheet.name,
        protection: proxy(() => ({
          protected: !!sheet.protected,
          options: { allowFormatCells: !!sheet.allowFormatCells, allowEditObjects: !!sheet.allowEditObjects },
        })),
        getUsedRangeOrNullObject: () => {
          const merged = proxy(() => ({
            isNullObject: sheet.merges.length === 0,
            address: sheet.merges.map((m) => "'" + sheet.name + "'!" + m).join(', '),
          }));
          return proxy(
            () => {
              const b = bounds();
              return b
                ? { isNullObject: false, rowIndex: b.top, columnIndex: b.left, rowCount: b.rows, columnCount: b.cols }
                : { isNullObject: true };
            },
            { getMergedAreasOrNullObject: () => merged },
          );
        },
        getRange: (address) => {
          if (!address.includes(':')) return range(sheet, address);
          const [from, to] = address.split(':').map(parse);
          return block(sheet, from.row, from.col, to.row - from.row + 1, to.col - from.col + 1);
        },
        notes: {
          getItemOrNullObject: (address) =>
            proxy(() => ({ isNullObject: sheet.notes[address] === undefined, content: sheet.notes[address] || '' }), {
              delete: () => queue(() => delete sheet.notes[address]),
              __write: (key, value) => key === 'content' && (queue(() => (sheet.notes[address] = value)), true),
            }),
          add: (address, content) => queue(() => (sheet.notes[address] = content)),
        },
        activate: () => queue(() => (state.activeSheet = sheet.name)),
      };
    }

    const worksheets = {
      items: [],
      load: () => {
        loaded.push(() => (worksheets.items = state.sheets.map(worksheet)));
        return worksheets;
      },
      getItem: (name) => worksheet(sheetOf(name)),
    };
    // Threaded comments: the workbook has none; the add-in lists them to leave the clerk's alone.
    const comments = {
      items: [],
      load: () => comments,
      add: () => {
        throw new Error('the add-in writes notes where Excel has them');
      },
    };
    this.workbook = {
      worksheets,
      comments,
      settings: {
        getItemOrNullObject: (key) =>
          proxy(() => ({ isNullObject: !(key in state.settings), value: state.settings[key] }), {
            delete: () => queue(() => delete state.settings[key]),
          }),
        add: (key, value) => queue(() => (state.settings[key] = value)),
      },
    };
    this.sync = async () => {
      state.syncs = (state.syncs || 0) + 1;
      pending.splice(0).forEach((op) => op());
      loaded.splice(0).forEach((fill) => fill());
    };
  }

  window.Excel = { run: (work) => Promise.resolve().then(() => work(new RequestContext())) };
  window.CustomFunctions = {
    associate: (id) => (state.functions = (state.functions || []).concat(id)),
    Error: Error,
    ErrorCode: { invalidValue: '#VALUE!' },
  };
  window.Office = {
    onReady: (callback) => Promise.resolve().then(() => callback({ host: 'Excel', platform: 'PC' })),
    context: { requirements: { isSetSupported: () => true } },
    actions: {
      associate: (name, action) => {
        state.actions = (state.actions || []).concat(name);
        // The ribbon: the test presses a button by calling its action with an event, as Office does.
        (window.__ribbon = window.__ribbon || {})[name] = action;
      },
    },
    addin: { showAsTaskpane: () => Promise.resolve() },
  };
})();
