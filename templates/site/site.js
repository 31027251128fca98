/* kehoach site: data files loaded by script tags (browsers refuse fetch() on file://), the
   task tables, sorting, the home page's filters, search and printing. No library, nothing
   from the network. Text from the plans is only ever set with textContent, never as HTML.

   Data (written by kehoach.site.data):
   KH.nap("danh-muc", {ngay, tt: [status labels], cq: [[id, name, has page]],
                       kh: [[slug, number (or the type when none), title, kind, issued,
                             path], or null for a plan that did not load],
                       tv: {listed group's index: [its members' indices]}})
   an entry (kehoach.site.entries.Entry.as_list): [plan, task (index in the plan's file),
     role (0 lead, 1 coordinator), status, due (days since 1970, or null), days (overdue, or
     left while open), approximate (default 0), occurrences overdue (0), occurrences (1),
     body (-1: the agency whose page it is), the body first assigned when a successor holds
     it now (-1: none)] — the defaults at the end left off
   KH.nap("ke-hoach/<slug>", {nv: [[task id, wording, deadline phrase (or [start, end] of it in
                                   the wording), [[body or "", ISO day, evidence, period]] (or
                                   0), the leads it names when one is a listed group]]}) */
(function () {
  "use strict";
  var KH = window.KH = window.KH || {};
  var store = {};
  var waiting = {};
  var LIMIT = 500;
  var OVERDUE = 3;

  KH.nap = function (key, value) {
    store[key] = value;
    var callbacks = waiting[key] || [];
    delete waiting[key];
    callbacks.forEach(function (fn) { fn(); });
  };

  function dataBase() { return document.body.getAttribute("data-du-lieu") || "du-lieu/"; }
  function root() { return document.body.getAttribute("data-goc") || ""; }

  /* Load one data file (once) and call back when it is there, or has failed. */
  function need(key, callback) {
    if (Object.prototype.hasOwnProperty.call(store, key)) { callback(); return; }
    var first = !waiting[key];
    (waiting[key] = waiting[key] || []).push(callback);
    if (!first) { return; }
    var tag = document.createElement("script");
    tag.src = dataBase() + key + ".js";
    tag.onerror = function () { KH.nap(key, null); };
    document.head.appendChild(tag);
  }

  function needAll(keys, callback, each) {
    var left = keys.length;
    if (!left) { callback(); return; }
    keys.forEach(function (key) {
      need(key, function () {
        left -= 1;
        if (each) { each(key); }
        if (!left) { callback(); }
      });
    });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u0110]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /* dd/mm/yyyy of an ISO day or of a day number (days since 1970). */
  function day(value) {
    if (value === null || value === undefined || value === "") { return ""; }
    if (typeof value === "number") {
      var d = new Date(value * 86400000);
      return two(d.getUTCDate()) + "/" + two(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear();
    }
    var p = value.split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : value;
  }

  function at(entry, i, fallback) { return entry.length > i ? entry[i] : fallback; }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function link(href, text) {
    var a = el("a", text);
    a.href = href;
    return a;
  }

  function catalogue() { return store["danh-muc"] || {cq: [], kh: [], tt: []}; }
  function planOf(entry) { return catalogue().kh[entry[0]] || ["", "", "", "", "", ""]; }
  var bodyIndex = null;  // a body's id → its index, for the few a plan names that the registry lacks
  function indexOf(id) {
    if (!bodyIndex) {
      bodyIndex = {};
      catalogue().cq.forEach(function (b, i) { bodyIndex[b[0]] = i; });
    }
    return id in bodyIndex ? bodyIndex[id] : -1;
  }
  var pageBody = -1;  // the index of the agency whose page this is
  function bodyIndexOf(entry) {
    var i = at(entry, 9, -1);
    if (typeof i === "string") { return indexOf(i); }
    return i < 0 ? pageBody : i;
  }
  function bodyOf(entry) { return catalogue().cq[bodyIndexOf(entry)] || ["", "", 0]; }
  /* The name of the body an entry's slot refers to (an index, or an id the registry lacks;
     -1 or absent: none). */
  function nameAt(entry, slot) {
    var i = at(entry, slot, -1);
    if (typeof i === "string") { return indexOf(i) >= 0 ? catalogue().cq[indexOf(i)][1] : i; }
    return i >= 0 ? (catalogue().cq[i] || ["", ""])[1] : "";
  }
  /* Whom the plan gave an entry's task to, as the agency's page says it: another body (a
     group it coordinates through), the group it leads as a member of, the body it took over
     from, or itself. */
  function givenTo(entry, page) {
    var body = bodyOf(entry);
    if (body[0] !== page) { return body[1]; }
    var from = nameAt(entry, 10);
    var group = entry[2] === 0 ? throughGroup(entry) : "";
    if (group && from) { return group + "; kế thừa từ " + from; }
    return group || (from ? "Kế thừa từ " + from : "Trực tiếp");
  }
  /* The listed group(s) the plan gave a lead entry's task to, when its body (or the one it
     took over from) leads it as a member rather than by name. */
  function throughGroup(entry) {
    var task = taskOf(entry);
    var named = task && task.length > 4 ? task[4] : null;
    if (!named) { return ""; }
    var who = at(entry, 10, -1);
    if (typeof who === "string") { who = indexOf(who); }
    if (who < 0) { who = bodyIndexOf(entry); }
    if (named.indexOf(who) >= 0) { return ""; }
    var members = catalogue().tv || {};
    return named.filter(function (g) {
      return typeof g === "number" && (members[g] || []).indexOf(who) >= 0;
    }).map(function (g) { return catalogue().cq[g][1]; }).join(", ");
  }
  function planKey(entry) { return "ke-hoach/" + planOf(entry)[0]; }

  /* The task (id, wording, phrase, records) of an entry, once its plan's file is loaded. */
  function taskOf(entry) {
    var plan = store[planKey(entry)];
    return plan ? plan.nv[entry[1]] || null : null;
  }
  function taskId(entry) { var t = taskOf(entry); return t ? t[0] : ""; }
  function phraseOf(task) {
    return typeof task[2] === "string" ? task[2] : task[1].slice(task[2][0], task[2][1]);
  }

  function planLabel(plan) { return plan[1]; }
  function taskHref(entry) {
    return root() + "ke-hoach/" + planOf(entry)[0] + ".html#nv-" + taskId(entry);
  }

  /* --- cells of a task table, by column code ------------------------------------------ */
  var CELLS = {
    ke_hoach: function (e) {
      var plan = planOf(e);
      return link(root() + "ke-hoach/" + plan[0] + ".html", planLabel(plan));
    },
    nhiem_vu: function (e) {
      var box = document.createDocumentFragment();
      var task = taskOf(e);
      if (!task) { return el("span", "…"); }
      box.appendChild(link(taskHref(e), task[0]));
      box.appendChild(el("span", " " + task[1]));
      if (at(e, 8, 1) > 1) { box.appendChild(el("span", " (" + at(e, 8, 1) + " kỳ)", "phu")); }
      return box;
    },
    co_quan: function (e) {
      var body = bodyOf(e);
      return body[2] ? link(root() + "co-quan/" + body[0] + ".html", body[1])
        : document.createTextNode(body[1]);
    },
    qua_nhom: function (e, page) { return document.createTextNode(givenTo(e, page)); },
    tinh_trang: function (e) {
      var box = el("span", catalogue().tt[e[3]], "tt s" + e[3]);
      if (at(e, 7, 0) > 1) { box.textContent += " (" + at(e, 7, 0) + " kỳ quá hạn)"; }
      return box;
    },
    thoi_han: function (e) {
      var task = taskOf(e);
      return document.createTextNode(task ? phraseOf(task) : "");
    },
    han: function (e) {
      return document.createTextNode((at(e, 6, 0) && e[4] !== null ? "≈ " : "") + day(e[4]));
    },
    so_ngay: function (e) {
      return document.createTextNode(e[3] === OVERDUE ? String(e[5]) : "");
    },
    con_lai: function (e) {
      return document.createTextNode(e[3] === OVERDUE || e[5] === null ? "" : String(e[5]));
    },
    hoan_thanh: function (e, page) {
      var task = taskOf(e);
      var body = bodyOf(e)[0];
      var out = document.createDocumentFragment();
      if (!task || e[2] !== 0) { return out; }
      (task[3] || []).forEach(function (r) {
        if (r[0] && r[0] !== body && r[0] !== page) { return; }
        var line = el("span", day(r[1]) + (r[2] ? " – " + r[2] : ""), "ban-ghi");
        out.appendChild(line);
      });
      return out;
    }
  };

  var SORT = {
    ke_hoach: function (e) { return planLabel(planOf(e)); },
    nhiem_vu: function (e) { return taskId(e); },
    co_quan: function (e) { return bodyOf(e)[1]; },
    qua_nhom: function (e, page) { return givenTo(e, page); },
    tinh_trang: function (e) { return e[3]; },
    thoi_han: function (e) { var t = taskOf(e); return t ? phraseOf(t) : ""; },
    han: function (e) { return e[4] === null ? 1e9 : e[4]; },
    so_ngay: function (e) { return e[3] === OVERDUE ? e[5] : -1; },
    con_lai: function (e) { return e[5] === null || e[3] === OVERDUE ? 1e9 : e[5]; },
    hoan_thanh: function (e) { return e[3]; }
  };

  /* An agency's file keeps only the entries it holds; its page also shows those of the
     holders its file names (kem: its groups, or a listed group's members), each in its own
     file. Load them, and join their entries in (once), each with its holder; false while
     they load (the callback runs when they are in). */
  function withRelated(key, callback) {
    var data = store[key];
    if (!data || !data.kem) { return true; }
    var keys = data.kem.map(function (id) { return "co-quan/" + id; });
    var missing = keys.filter(function (k) { return !(k in store); });
    if (missing.length) { needAll(missing, callback); return false; }
    var all = data.nv.slice();
    data.kem.forEach(function (id) {
      var other = store["co-quan/" + id];
      var holder = indexOf(id);
      (other ? other.nv : []).forEach(function (e) {
        if (at(e, 9, -1) !== -1) { return; }  // a body's row there that another now holds
        var full = e.slice();
        while (full.length < 9) { full.push([0, 0, 1][full.length - 6]); }
        full[9] = holder >= 0 ? holder : id;
        all.push(full);
      });
    });
    all.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    data.nv = all;
    delete data.kem;
    return true;
  }

  /* --- task tables filled from data ----------------------------------------------------- */
  function TaskTable(table) {
    var source = table.getAttribute("data-nguon").split(":");
    this.table = table;
    this.columns = table.getAttribute("data-cot").split(" ");
    this.labels = Array.prototype.map.call(table.tHead.rows[0].cells,
      function (th) { return th.textContent.trim(); });
    this.key = source[0];
    this.field = source[1];
    this.role = source.length > 2 ? Number(source[2]) : null;
    this.page = this.key.indexOf("co-quan/") === 0 ? this.key.slice(8) : "";
    if (this.page) { pageBody = indexOf(this.page); }
    this.filter = function () { return true; };
    this.all = false;
    this.order = null;
    this.note = document.getElementById(table.id + "-thong-bao");
  }

  TaskTable.prototype.rows = function () {
    var data = store[this.key];
    var role = this.role;
    var rows = data ? data[this.field] : [];
    rows = rows.filter(function (e) { return role === null || e[2] === role; });
    rows = rows.filter(this.filter);
    if (this.order) {
      var by = SORT[this.order.column];
      var sign = this.order.up ? 1 : -1;
      var page = this.page;
      rows = rows.slice().sort(function (a, b) {
        var x = by(a, page);
        var y = by(b, page);
        return (x < y ? -1 : x > y ? 1 : 0) * sign;
      });
    }
    return rows;
  };

  TaskTable.prototype.render = function () {
    var self = this;
    if (!withRelated(this.key, function () { self.render(); })) { return; }
    var rows = this.rows();
    var shown = this.all ? rows : rows.slice(0, LIMIT);
    var body = document.createElement("tbody");
    if (!shown.length) {
      var empty = el("td", "Không có nhiệm vụ nào.");
      empty.colSpan = this.columns.length;
      body.appendChild(el("tr")).appendChild(empty);
    }
    shown.forEach(function (entry) {
      var tr = el("tr");
      self.columns.forEach(function (code, i) {
        var cell = el(code === "nhiem_vu" ? "th" : "td");
        cell.setAttribute("data-nhan", self.labels[i]);  // the column's name on a phone
        if (code === "nhiem_vu") { cell.scope = "row"; }
        if (code === "so_ngay" || code === "con_lai") { cell.className = "so"; }
        cell.appendChild(CELLS[code](entry, self.page));
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    this.table.replaceChild(body, this.table.tBodies[0]);
    this.tell(rows.length, shown.length);
    var plans = {};
    shown.forEach(function (e) { plans[planKey(e)] = true; });
    var missing = Object.keys(plans).filter(function (k) { return !(k in store); });
    if (missing.length) { needAll(missing, function () { self.render(); }); }
  };

  TaskTable.prototype.tell = function (total, shown) {
    if (!this.note) { return; }
    var self = this;
    this.note.textContent = total + " dòng.";
    if (shown < total) {
      this.note.textContent = "Đang hiện " + shown + " trên " + total +
        " dòng; chọn cơ quan hoặc kế hoạch để thu hẹp. ";
      var more = el("button", "Hiện tất cả");
      more.type = "button";
      more.addEventListener("click", function () { self.all = true; self.render(); });
      this.note.appendChild(more);
    }
  };

  TaskTable.prototype.sortable = function () {
    var self = this;
    sortButtons(this.table, function (th, up) {
      self.order = {column: th.getAttribute("data-cot"), up: up};
      self.render();
    });
  };

  /* Header buttons that sort a table; aria-sort tells which column and which way. */
  function sortButtons(table, sort) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th) {
      var button = el("button", th.textContent, "nut-sap-xep");
      button.type = "button";
      button.title = "Sắp xếp theo cột này";
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        sort(th, up);
      });
    });
  }

  /* A table written in the page (the grid): sort its body rows by the cells' values. */
  function sortStatic(table) {
    sortButtons(table, function (th, up) {
      var column = th.cellIndex;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function value(tr) {
        var cell = tr.cells[column];
        var raw = cell.getAttribute("data-gia-tri") || cell.textContent.trim();
        var n = Number(raw.replace(",", "."));
        return isNaN(n) ? fold(raw) : n;
      }
      rows.sort(function (a, b) {
        var x = value(a);
        var y = value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
      });
      rows.forEach(function (tr) { body.appendChild(tr); });
    });
  }

  /* --- pages ----------------------------------------------------------------------------- */
  function taskTables() {
    var tables = [];
    Array.prototype.forEach.call(document.querySelectorAll("table.bang-nv"), function (t) {
      var table = new TaskTable(t);
      table.sortable();
      table.render();
      tables.push(table);
    });
    return tables;
  }

  function homeFilters(tables) {
    var agency = document.getElementById("loc-co-quan");
    var plan = document.getElementById("loc-ke-hoach");
    if (!agency || !plan) { return; }
    function apply() {
      var a = agency.value;
      var p = plan.value;
      tables.forEach(function (table) {
        table.filter = function (e) {
          return (!a || bodyOf(e)[0] === a) && (!p || planOf(e)[0] === p);
        };
        table.render();
      });
      var grid = document.getElementById("bang-tong-hop");
      Array.prototype.forEach.call(grid ? grid.tBodies[0].rows : [], function (tr) {
        tr.hidden = !!a && tr.getAttribute("data-co-quan") !== a;
      });
      Array.prototype.forEach.call(document.querySelectorAll("[data-ke-hoach]"), function (li) {
        li.hidden = !!p && li.getAttribute("data-ke-hoach") !== p;
      });
    }
    agency.addEventListener("change", apply);
    plan.addEventListener("change", apply);
    document.getElementById("bo-loc").addEventListener("submit", function (ev) {
      ev.preventDefault();
      apply();
    });
    if (agency.value || plan.value) { apply(); }
  }

  function printing(tables) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-in]"), function (button) {
      button.addEventListener("click", function () {
        var cls = "in-" + button.getAttribute("data-in");
        tables.forEach(function (t) { t.all = true; t.render(); });
        document.body.classList.add(cls);
        window.addEventListener("afterprint", function done() {
          document.body.classList.remove(cls);
          window.removeEventListener("afterprint", done);
        });
        window.print();
      });
    });
  }

  /* --- search -------------------------------------------------------------------------- */
  function query() {
    var match = /[?&]q=([^&]*)/.exec(window.location.search);
    return match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : "";
  }

  function matches(words, text) {
    for (var i = 0; i < words.length; i += 1) {
      if (text.indexOf(words[i]) < 0) { return false; }
    }
    return true;
  }

  function searchPage() {
    var box = document.getElementById("tu-khoa");
    var q = query();
    box.value = q;
    var words = fold(q).split(" ").filter(Boolean);
    var status = document.getElementById("trang-thai-tim");
    var planList = document.getElementById("kq-ke-hoach");
    var taskList = document.getElementById("kq-nhiem-vu");
    if (!words.length) { status.textContent = "Gõ từ khóa rồi bấm Tìm."; return; }
    var plans = catalogue().kh.filter(function (plan) { return plan !== null; });
    plans.forEach(function (plan) {
      if (matches(words, fold(plan.join(" ")))) {
        var li = el("li");
        li.appendChild(link("ke-hoach/" + plan[0] + ".html", planLabel(plan)));
        li.appendChild(el("span", ": " + plan[2]));
        planList.appendChild(li);
      }
    });
    if (!planList.children.length) { planList.appendChild(el("li", "Không có kế hoạch nào.")); }
    searchTasks(words, plans, taskList, status);
  }

  function searchTasks(words, plans, list, status) {
    var found = 0;
    var read = 0;
    var shown = 200;
    function report(done) {
      status.textContent = (done ? "Tìm xong: " : "Đang tìm (đã xem " + read + "/" +
        plans.length + " kế hoạch): ") + found + " nhiệm vụ khớp" +
        (found > shown ? ", hiện " + shown + " nhiệm vụ đầu." : ".");
    }
    var phrase = words.join(" ");
    function scan(plan) {
      var data = store["ke-hoach/" + plan[0]];
      read += 1;
      (data ? data.nv : []).forEach(function (task) {
        var text = fold(task[0] + " " + task[1] + " " + phraseOf(task));
        if (!matches(words, text)) { return; }
        found += 1;
        if (found > shown) { return; }
        var li = el("li");
        li.appendChild(link("ke-hoach/" + plan[0] + ".html#nv-" + task[0],
          planLabel(plan) + " – " + task[0]));
        li.appendChild(el("span", ": " + task[1]));
        // The words as one phrase come before the words scattered.
        if (text.indexOf(phrase) >= 0) {
          li.setAttribute("data-cum-tu", "1");
          list.insertBefore(li, list.querySelector("li:not([data-cum-tu])"));
        } else {
          list.appendChild(li);
        }
      });
    }
    var next = 0;
    function batch() {
      var part = plans.slice(next, next + 8);
      next += part.length;
      if (!part.length) {
        if (!found) { list.appendChild(el("li", "Không có nhiệm vụ nào.")); }
        report(true);
        return;
      }
      var keys = part.map(function (p) { return "ke-hoach/" + p[0]; });
      needAll(keys, function () { part.forEach(scan); report(false); batch(); });
    }
    report(false);
    batch();
  }

  /* A plan's page: the words of the items kept in the plan's data file put in place
     (data-nv: the task's index, or "index:start:end" for part of its wording), and each
     task's id after its status, from its anchor (id="nv-<task id>"). */
  function planPage() {
    var article = document.querySelector("[data-ke-hoach]");
    var data = article ? store["ke-hoach/" + article.getAttribute("data-ke-hoach")] : null;
    Array.prototype.forEach.call(document.querySelectorAll("[data-nv]"), function (span) {
      var ref = span.getAttribute("data-nv").split(":");
      var task = data ? data.nv[Number(ref[0])] : null;
      var words = task ? task[1] : "";
      span.textContent = ref.length === 3 ? words.slice(Number(ref[1]), Number(ref[2])) : words;
    });
    Array.prototype.forEach.call(document.querySelectorAll("p.nv[id^='nv-']"), function (p) {
      p.appendChild(document.createTextNode((p.firstChild ? " " : "") + p.id.slice(3)));
    });
  }

  function start() {
    var kind = document.body.getAttribute("data-trang");
    var tables = taskTables();
    Array.prototype.forEach.call(document.querySelectorAll("table.sap-xep:not(.bang-nv)"),
      sortStatic);
    if (kind === "trang-chu") { homeFilters(tables); printing(tables); }
    if (kind === "tim-kiem") { searchPage(); }
    if (kind === "ke-hoach") { planPage(); }
    KH.san_sang = true;
    document.body.setAttribute("data-san-sang", "1");
  }

  KH.fold = fold;
  /* How many data files are still loading (the browser tests wait for none). */
  KH.dang_tai = function () { return Object.keys(waiting).length; };
  // Deferred scripts run before DOMContentLoaded: the data files after this one are not
  // loaded yet, so wait for it.
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
}());
