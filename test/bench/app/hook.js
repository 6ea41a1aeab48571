// A minimal React DevTools global hook, installed before React loads (profile=1 pages only).
// On every commit it records which conversation rows rendered: a row counts when a component
// inside it rendered, a component directly wrapping it rendered, or the row mounted. Subtrees
// React bailed out of are skipped the way React DevTools skips them (child pointer unchanged).
(function () {
  if (!/[?&]profile=1/.test(location.search)) return;
  var PerformedWork = 1;
  var COMPONENT = { 0: 1, 1: 1, 11: 1, 14: 1, 15: 1 }; // function, class, forwardRef, memo, simple memo
  var HOST = 5;
  var log = { commits: [] };
  window.__benchHook = log;
  function rowID(f) {
    var p = f.memoizedProps;
    return f.tag === HOST && p && p.role === 'row' && p['data-id'] != null ? String(p['data-id']) : null;
  }
  function rowOf(f) {
    for (var up = f.return; up; up = up.return) {
      var id = rowID(up);
      if (id !== null) return id;
    }
    var down = f.child;
    while (down && down.tag !== HOST) down = down.child;
    return down ? rowID(down) : null;
  }
  var names = null;
  function nameOf(f) {
    var t = f.type;
    if (t && (t.type || t.render)) t = t.type || t.render;
    return (t && (t.displayName || t.name)) || 'Anonymous';
  }
  function walk(next, prev, out) {
    var mounted = prev === null;
    if (COMPONENT[next.tag] && (mounted || (next.flags & PerformedWork) !== 0)) {
      var id = rowOf(next);
      if (id !== null) out[id] = 1;
      if (names) names.push(nameOf(next) + (id !== null ? ' @row ' + id : '') + (mounted ? ' (mount)' : ''));
    }
    if (mounted) {
      var own = rowID(next);
      if (own !== null) out[own] = 1;
    }
    if (!mounted && next.child === prev.child) return;
    for (var c = next.child; c; c = c.sibling) walk(c, mounted ? null : c.alternate, out);
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject: function (renderer) {
      var id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    checkDCE: function () {},
    onScheduleFiberRoot: function () {},
    onCommitFiberRoot: function (_id, root) {
      var out = {};
      names = window.__benchHookDetail ? [] : null;
      try {
        var next = root.current;
        walk(next, next.alternate, out);
      } catch (e) {
        out['error:' + e.message] = 1;
      }
      var entry = { t: performance.now(), rows: Object.keys(out) };
      if (names) entry.names = names;
      log.commits.push(entry);
    },
    onCommitFiberUnmount: function () {},
    onPostCommitFiberRoot: function () {},
  };
})();
