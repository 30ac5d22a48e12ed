// 「本机草稿」: every draft kept in this browser for this form, by agency and year, newest first;
// open one, delete one, or start a blank report. Opening comes back to the form view.
import { h, clear } from './dom.js';
import { draftTitle, timeText } from './draft-keeper.js';

/** ctx: {drafts, keeper, readOnly(), back() → shows the form} */
export function createDraftsView(ctx) {
  const { drafts, keeper } = ctx;
  const heading = h('h2', { id: 'drafts-title', tabindex: '-1' }, '本机草稿');
  const body = h('div', { class: 'drafts-body' });
  const element = h('section', { class: 'section drafts-view', id: 'drafts', 'aria-labelledby': 'drafts-title' }, [
    heading,
    h('p', { class: 'hint' }, '以下草稿只保存在本机的这个浏览器中，按机关和年度区分，最近保存的在前。换电脑或清理浏览器数据后将不再存在，请及时下载 JSON 备份。'),
    body,
    h('p', { class: 'drafts-actions' }, [
      h('button', { type: 'button', class: 'button', id: 'drafts-new', onclick: () => { keeper.startBlank(); ctx.back(); } }, '新建空白报告'),
      ' ',
      h('button', { type: 'button', class: 'button', id: 'drafts-back', onclick: () => ctx.back() }, '返回报告'),
    ]),
  ]);

  function render() {
    clear(body);
    if (!drafts.available) {
      body.appendChild(h('p', null, '此浏览器不允许本页在本机保存草稿（例如隐私模式，或本页被嵌入其他网站）。请用「下载报告（JSON）」保存您的工作。'));
      return;
    }
    const list = drafts.list();
    if (!list.length) {
      body.appendChild(h('p', { id: 'drafts-empty' }, '本机还没有保存的草稿。'));
      return;
    }
    const rows = list.map((d) => {
      const current = d.id === keeper.currentId;
      return h('tr', { 'data-draft': d.id, class: current ? 'is-current' : null }, [
        h('th', { scope: 'row' }, [d.name || '（未填写机关名称）', current ? h('span', { class: 'draft-current' }, '（正在编辑）') : null]),
        h('td', null, d.year ? d.year + ' 年' : '（未填写）'),
        h('td', null, d.savedAt ? timeText(d.savedAt) : ''),
        h('td', null, String(d.filled || 0)),
        h('td', null, [
          h('button', {
            type: 'button', class: 'button', 'data-action': 'open', disabled: current && !ctx.readOnly(),
            'aria-label': '打开草稿「' + draftTitle(d) + '」',
            onclick: () => { keeper.open(d.id); ctx.back(); },
          }, '打开'),
          ' ',
          h('button', {
            type: 'button', class: 'button button-warning', 'data-action': 'delete',
            'aria-label': '删除草稿「' + draftTitle(d) + '」',
            onclick: () => keeper.remove(d.id).then((removed) => { if (removed) render(); }),
          }, '删除'),
        ]),
      ]);
    });
    body.appendChild(h('table', { class: 'drafts-table', id: 'drafts-table' }, [
      h('thead', null, h('tr', null, ['机关名称', '报告年度', '保存时间', '已填单元格', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows),
    ]));
  }

  drafts.watch(() => { if (!element.hidden) render(); });

  return { name: 'drafts', element, onShow: render, focusTarget: () => heading, render };
}
