/* global Office */
// Office 2016/2019 without WebView2 runs add-ins in Internet Explorer 11's engine: everything ES2015+ the pane and
// the core use (Promise, Map, Set, Symbol, Array.from, Object.assign, RegExp named groups…) comes from core-js.
import 'core-js/stable';
import { ExcelHost, excelCapabilities } from './excel-host';
import { startPane } from '../../taskpane/pane';

/**
 * The task pane for Office without shared runtime or custom functions (Office 2016/2019 volume-licensed): the four
 * pane actions, each API above ExcelApi 1.1 used only where this Office has it.
 */
void Office.onReady(() => {
  startPane(new ExcelHost(excelCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version))));
  (window as unknown as { perfCheckStarted: boolean }).perfCheckStarted = true;
});
