// 「自动计算合计」: fills the totals the binding can compute from their parts, asking before
// replacing a total the clerk typed.
import { h } from './dom.js';

/** ctx: {store, formView, notices, ask, readOnly(), cellLabels: Map id → label} */
export async function fillTotals(ctx) {
  const { store, notices } = ctx;
  if (ctx.readOnly()) return;
  const proposals = store.proposeTotals();
  if (proposals.length === 0) {
    notices.say('没有需要自动计算的合计：合计都已正确，或者分项还没有填全（空白的分项不按 0 计算）。');
    return;
  }
  const typed = proposals.filter((p) => p.current !== '');
  let chosen = proposals;
  if (typed.length) {
    const choice = await ctx.ask({
      title: '有 ' + typed.length + ' 个合计与计算结果不同',
      body: [
        h('p', null, '以下合计已经填写，但与各分项之和不同：'),
        h('ul', { class: 'dialog-list' }, typed.map((p) => h('li', null, (ctx.cellLabels.get(p.cell) || p.cell) + '：现填「' + p.current + '」，计算得 ' + p.value))),
        h('p', null, '要用计算结果替换它们吗？'),
      ],
      buttons: [
        { label: '替换为计算结果', value: 'all', primary: true },
        { label: '只填写空白的合计', value: 'blank' },
        { label: '取消', value: 'cancel' },
      ],
      cancelValue: 'cancel',
    });
    if (choice === 'cancel') return;
    if (choice === 'blank') chosen = proposals.filter((p) => p.current === '');
  }
  const entries = chosen.map((p) => [ctx.formView.registry.cells.get(p.cell), p.value]);
  ctx.formView.fillCells(entries, 'totals');
  notices.say('已自动填写 ' + entries.length + ' 个合计。');
}
