// Which draft this tab edits, and keeping it saved. Listens to the report store: every change
// is saved (debounced); a report that comes in from outside (import, the host, the iframe parent)
// is given a draft slot by placeIncoming, which never overwrites another draft. One tab edits a
// draft at a time (tab-lock.js); a tab that finds its draft busy shows it read-only and follows it.
import { h } from './dom.js';
import { newDraftId, sameAgency } from './drafts.js';

const SAVE_DELAY_MS = 250;

export function draftTitle(meta) {
  const name = meta && meta.name ? meta.name : '未填写机关名称';
  return name + (meta && meta.year ? ' · ' + meta.year + ' 年' : ' · 未填写年度');
}

export function timeText(ms) {
  const d = new Date(ms);
  const two = (n) => (n < 10 ? '0' : '') + n;
  const today = new Date();
  const day = d.toDateString() === today.toDateString() ? '' : (d.getMonth() + 1) + '月' + d.getDate() + '日 ';
  return day + two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
}

/**
 * ctx: {store, drafts, lock, ask, notices, touched() → keys, readOnly: {get(), set(flag, why)},
 *       onStatus(text)}
 */
export function createDraftKeeper(ctx) {
  const { store, drafts, lock, notices } = ctx;
  const pointerKey = 'xxgk-report/tab-draft/' + drafts.namespace;
  let currentId = null;
  let saveTimer = 0;
  let lastIdentity = '';

  function rememberInTab(id) {
    try { window.sessionStorage.setItem(pointerKey, id); } catch (e) { /* not kept across reloads */ }
  }
  function tabPointer() {
    try { return window.sessionStorage.getItem(pointerKey); } catch (e) { return null; }
  }

  function scheduleSave() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    if (ctx.readOnly.get() || currentId === null) return;
    const json = store.toJson();
    if (typeof json !== 'string') return;
    store.remember(json);
    if (!drafts.available) return;
    const identity = store.identity();
    // Nothing typed and no last year's report given yet: no empty draft in the list.
    if (store.isBlank() && !store.previous && !drafts.get(currentId)) return;
    const ok = drafts.save(currentId, {
      json, touched: ctx.touched(), name: identity.name, year: identity.year, filled: store.filledCells(), previous: store.previous,
    });
    ctx.onStatus(ok ? '草稿已保存在本机（' + timeText(Date.now()) + '）' : '草稿未能保存（本机存储已满或被禁止）：请下载 JSON 备份，或在「本机草稿」中删除不用的草稿');
    const sig = identity.name + '\u0001' + identity.year;
    if (sig !== lastIdentity) {
      lastIdentity = sig;
      showDuplicate();
    }
  }

  /** A banner when another draft has the same agency and year (both are kept; the clerk chooses). */
  function showDuplicate() {
    const identity = store.identity();
    const other = drafts.findSame(identity.name, identity.year, currentId);
    if (!other) { notices.removeBanner('duplicate'); return; }
    notices.banner('duplicate', '本机还有一份「' + draftTitle(other) + '」的草稿（保存于 ' + timeText(other.savedAt) + '）。两份草稿都已保留，请核对后删除不用的一份。',
      h('button', { type: 'button', class: 'button', onclick: () => open(other.id) }, '打开那份草稿'));
  }

  /** Shows draft `id` in the form (origin 'draft'), or a blank report when there is none. */
  function show(id, origin) {
    const data = drafts.load(id);
    if (!data) {
      store.replace(null, { origin: 'blank' });
      return false;
    }
    try {
      const previous = data.previous && typeof data.previous.json === 'string' ? data.previous : null;
      store.replace(data.json, { origin, touched: Array.isArray(data.touched) ? data.touched : [], previous });
      store.remember(data.json);
      return data;
    } catch (e) {
      store.replace(null, { origin: 'blank' });
      notices.alert('本机保存的草稿无法读取，已打开空白报告。原因：' + (e && e.message ? e.message : e));
      return false;
    }
  }

  function switchTo(id) {
    currentId = id;
    rememberInTab(id);
    lastIdentity = '';
    ctx.onStatus('');
  }

  /** Edit draft `id` in this tab (asking first when another tab edits it). */
  async function enter(id, { greet } = {}) {
    if (currentId !== null && !ctx.readOnly.get()) saveNow();
    switchTo(id);
    if (lock.busyElsewhere(id)) {
      lock.release();
      show(id, 'follow');
      ctx.readOnly.set(true, '本报告已在另一个标签页中打开。为避免两个标签页互相覆盖草稿，同一时间只能在一个标签页中编辑。');
      const choice = await ctx.ask({
        title: '本报告已在另一个标签页中打开',
        body: [h('p', null, '同一时间只能在一个标签页中编辑，否则两边的草稿会互相覆盖。'),
          h('p', null, '您可以在此只读查看，或者在此继续编辑（另一个标签页将改为只读），也可以在此新建一份报告。')],
        buttons: [
          { label: '只读查看', value: 'read', primary: true },
          { label: '在此标签页编辑', value: 'take' },
          { label: '新建空白报告', value: 'new' },
        ],
        cancelValue: 'read',
      });
      if (choice === 'take') takeOver();
      if (choice === 'new') startBlank();
      return;
    }
    lock.acquire(id);
    drafts.setLast(id);
    if (ctx.readOnly.get()) ctx.readOnly.set(false);
    const data = show(id, 'draft');
    if (data && greet) notices.say(greet + '（保存于 ' + timeText(data.savedAt) + '）。');
    showDuplicate();
  }

  function takeOver() {
    lock.acquire(currentId);
    drafts.setLast(currentId);
    show(currentId, 'draft');
    ctx.readOnly.set(false);
    notices.say('现在可以在此标签页编辑。');
  }

  function startBlank() {
    if (currentId !== null && !ctx.readOnly.get()) saveNow();
    const id = newDraftId();
    switchTo(id);
    lock.acquire(id);
    drafts.setLast(id);
    if (ctx.readOnly.get()) ctx.readOnly.set(false);
    store.replace(null, { origin: 'blank' });
    notices.removeBanner('duplicate');
  }

  function open(id) {
    if (id === currentId && !ctx.readOnly.get()) return Promise.resolve();
    return enter(id, { greet: '已打开本机草稿「' + draftTitle(drafts.get(id)) + '」' });
  }

  async function remove(id) {
    const meta = drafts.get(id);
    const ok = await ctx.ask({
      title: '删除草稿「' + draftTitle(meta) + '」？',
      body: [h('p', null, '删除后无法恢复。如需保留，请先点击「取消」，打开这份草稿并下载 JSON 备份。')],
      buttons: [{ label: '删除草稿', value: true, primary: true }, { label: '取消', value: false }],
      cancelValue: false,
    });
    if (!ok) return false;
    if (lock.busyElsewhere(id)) {
      notices.say('这份草稿正在另一个标签页中编辑，没有删除。');
      return false;
    }
    drafts.remove(id);
    if (id === currentId) startBlank();
    notices.say('已删除草稿「' + draftTitle(meta) + '」。');
    showDuplicate();
    return true;
  }

  /**
   * The draft slot for a report that replaces the one shown, without asking: the current slot
   * when the current report is blank or of the same agency and year, otherwise a new slot, so
   * that the current draft stays as it was. {newSlot, same, kept: meta of the draft left as it was}.
   */
  function placeWithoutAsking(incoming) {
    if (store.isBlank()) return { newSlot: false, same: false };
    // A name the host locked is what the report will carry.
    const name = store.locked['agency.name'] !== undefined ? store.locked['agency.name'].trim() : incoming.name;
    const year = incoming.year;
    const current = store.identity();
    const unnamed = !current.name && !current.year && !name && !year;
    const same = unnamed || (sameAgency(name, current.name) && String(year) === String(current.year));
    if (same) return { newSlot: false, same: true };
    saveNow();
    const kept = drafts.get(currentId);
    switchTo(newDraftId());
    lock.acquire(currentId);
    return { newSlot: true, same: false, kept };
  }

  /**
   * As placeWithoutAsking, but asks before replacing what was typed in the current slot; resolves
   * false when the clerk keeps the current report. source: 「导入的」; action: 「导入「x.docx」」.
   */
  async function placeIncoming(identity, { source, action }) {
    const current = store.identity();
    const place = placeWithoutAsking(identity);
    if (!place.same) return place;
    const ok = await ctx.ask({
      title: '用' + source + '报告替换当前内容？',
      body: [h('p', null, '本页已经填写了「' + draftTitle(current) + '」的报告。' + action + '会替换全部现有内容。'),
        h('p', null, '如需保留现有内容，请先点击「取消」并下载 JSON 备份。')],
      buttons: [{ label: '替换为' + source + '报告', value: true, primary: true }, { label: '取消', value: false }],
      cancelValue: false,
    });
    return ok ? place : false;
  }

  store.on('change', (event) => {
    if (event.origin === 'follow' || event.origin === 'draft' || ctx.readOnly.get()) return;
    if (event.kind === 'replace') saveNow(); else scheduleSave();
  });
  store.on('crash', () => setTimeout(saveNow, 0));

  // Another tab saved the draft this (read-only) tab shows: follow it.
  drafts.watch((id, dataChanged) => {
    if (id === currentId && dataChanged && lock.held !== currentId && ctx.readOnly.get()) show(currentId, 'follow');
  });

  return {
    get currentId() { return currentId; },
    /** First draft of this tab: the one it had before a reload, else the one last edited. */
    start() {
      const known = (id) => (id && drafts.get(id) ? id : null);
      // The last draft may not be saved yet while another tab has just started typing it.
      const last = drafts.last();
      const newest = drafts.list()[0];
      const id = known(tabPointer()) || known(last) || (last && lock.busyElsewhere(last) ? last : null) || (newest ? newest.id : null);
      if (id) return enter(id, { greet: '已恢复本机保存的草稿' });
      startBlank();
      return Promise.resolve();
    },
    /** A report given by the host at start (mount option `report`): a new slot, no draft replaced. */
    startWith(session) {
      switchTo(newDraftId());
      lock.acquire(currentId);
      store.replace(session, { origin: 'host', touched: 'all' });
    },
    placeIncoming,
    placeWithoutAsking,
    saveNow,
    open,
    remove,
    startBlank,
    takeOver,
    /** Stops for good (a mounted form is destroyed): the draft is saved, the lock given back. */
    close() {
      saveNow();
      lock.close();
      drafts.close();
    },
  };
}
