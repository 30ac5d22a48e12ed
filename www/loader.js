/* Classic script (no module syntax), so that it runs in every browser and can say, in
   Chinese, why the page cannot start: no WebAssembly (IE, 360 兼容模式), WebAssembly blocked by
   a Content-Security-Policy, or no ES modules. Otherwise it starts js/main.js (one WebAssembly
   build, pkg/, runs in every browser from Chromium 83 on).
   On any other page (a portal's CMS template: no #boot-message element) it starts nothing and
   defines window.XxgkReport instead: XxgkReport.ready resolves with the API of xxgk-report.js
   (loaded from next to this file), or rejects with the same Chinese explanation. */
(function () {
  'use strict';

  var boot = document.getElementById('boot');
  var bootMessage = document.getElementById('boot-message');
  var embedded = !bootMessage;
  var here = document.currentScript && document.currentScript.src ? document.currentScript.src : document.baseURI;

  if (embedded) {
    var settle = {};
    window.XxgkReport = {
      // No Promise at all (IE): ready stays null and `error` says why.
      ready: typeof Promise === 'function' ? new Promise(function (resolve, reject) { settle.resolve = resolve; settle.reject = reject; }) : null,
      error: null,
      // Called by embed/global.js with the module's API.
      attach: function (api) { api.init().then(settle.resolve, settle.reject); }
    };
  }

  function say(title, lines) {
    if (embedded) {
      var error = new Error(title + '：' + lines.join(''));
      error.lines = lines;
      window.XxgkReport.error = error;
      if (settle.reject) { settle.reject(error); }
      return;
    }
    if (!boot) { return; }
    boot.setAttribute('role', 'alert');
    while (boot.firstChild) { boot.removeChild(boot.firstChild); }
    var h = document.createElement('h2');
    h.appendChild(document.createTextNode(title));
    boot.appendChild(h);
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(lines[i]));
      boot.appendChild(p);
    }
    boot.className = 'boot boot-error';
  }
  if (!embedded) { window.xxgkBootFailure = say; }

  var HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

  var oldBrowser = [
    '请改用以下任一方式打开本页：',
    '1. 如果使用 360 安全浏览器、QQ 浏览器、搜狗浏览器等双核浏览器，请点击地址栏右侧的“闪电”或“e”图标，切换到“极速模式”；',
    '2. 或者使用新版的 Chrome、Edge、Firefox、奇安信可信浏览器、龙芯浏览器等打开本页。',
    '您的数据不会因此丢失。'
  ];

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' || typeof Promise === 'undefined') {
    say('当前浏览器无法运行本页面', ['本页面需要浏览器支持 WebAssembly，当前浏览器（或“兼容模式”）不支持。'].concat(oldBrowser));
    return;
  }
  var script = document.createElement('script');
  if (!('noModule' in script)) {
    say('当前浏览器版本过旧', ['本页面需要较新的浏览器（Chromium 内核 83 或以上、Firefox 78 或以上）。'].concat(oldBrowser));
    return;
  }
  try {
    // A valid empty module: if compiling it throws, a security policy forbids WebAssembly.
    new WebAssembly.Module(new Uint8Array(HEADER));
  } catch (e) {
    say('本页面被网站的安全策略阻止运行', [
      '网站的内容安全策略（Content-Security-Policy）不允许运行 WebAssembly，而本页面的检查程序依赖它。',
      '请网站管理员在 script-src 中加入 \'wasm-unsafe-eval\'（旧版浏览器需 \'unsafe-eval\'），或把本页面部署在允许 WebAssembly 的位置。',
      '技术信息：' + (e && e.message ? e.message : String(e))
    ]);
    return;
  }
  if (embedded) {
    script.type = 'module';
    script.src = new URL('embed/global.js', here).href;
    script.onerror = function () {
      say('填报模块未能加载', ['无法加载 ' + script.src + '。请确认 xxgk-report 的全部文件都已上传到该位置。']);
    };
    document.head.appendChild(script);
    return;
  }
  // The single-file build (./build.sh dist) carries the page inline instead of as modules.
  if (typeof window.xxgkStartInline === 'function') {
    window.xxgkStartInline();
    return;
  }

  script.type = 'module';
  script.src = 'js/main.js';
  script.onerror = function () {
    say('页面文件未能加载', ['无法加载 js/main.js。请检查网络连接后刷新页面；如在内网部署，请确认全部文件都已上传。']);
  };
  document.head.appendChild(script);
  window.setTimeout(function () {
    if (!window.XXGK_STARTED && bootMessage && boot.className === 'boot') {
      bootMessage.firstChild.nodeValue = '页面加载时间较长，请稍候……如长时间没有反应，请刷新页面。';
    }
  }, 8000);
}());
