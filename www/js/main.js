// Entry point, started by loader.js once it knows the browser can run the page.
import { start } from './app.js';

start(window.XXGK_PKG || 'pkg/').catch((e) => {
  const detail = e && e.message ? e.message : String(e);
  window.xxgkBootFailure('页面启动失败', [
    '填报页面未能启动。请刷新页面重试；如果仍然失败，请换用新版浏览器打开。',
    '您之前填写的内容保存在本机，不会因此丢失。',
    '技术信息：' + detail,
  ]);
});
