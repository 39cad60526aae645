// Loaded first, as it is, by both panes, taskpane.html and legacy.html (ES3: any Office's browser engine runs it). If
// the pane cannot start — Office.js not reachable, a script this engine cannot run (Office without WebView2 runs
// even Microsoft 365's shared runtime in IE11's engine) — the clerk reads why, in Chinese, not a blank pane.
(function () {
  var shown = false;
  function say(text) {
    var status = document.getElementById('status');
    if (shown || !status) return;
    shown = true;
    status.className = 'error';
    status.innerText = text;
  }
  window.onerror = function () {
    if (!window.perfCheckStarted)
      say(
        '此版本的 Office 无法运行绩效自评助手的面板（浏览器引擎不支持）。请安装 Microsoft Edge WebView2 运行时或升级 Office 后重试；也可使用 perf-check 命令行检查表格。',
      );
  };
  setTimeout(function () {
    if (!window.perfCheckStarted)
      say('绩效自评助手没有启动：未能加载 Office.js。请检查本机能否访问加载项所在的服务器（或内网部署的 Office.js），然后关闭并重新打开面板。');
  }, 20000);
})();
