"""The body of a plan, compared: items by marker path, tasks by id (``review.semantic``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kehoach.plan.markers import Path, item_path_of, marker_paths
from kehoach.plan.walk import TaskRef, item_line, iter_tasks
from kehoach.review.wording import (
    Change,
    Names,
    align,
    changed,
    day_vi,
    quote,
    shift_days,
    shift_vi,
)

if TYPE_CHECKING:
    from kehoach.plan.model import Completion, Extension, Item, Plan


def diff_body(old: Plan, new: Plan, names: Names, as_of: dt.date | None) -> list[Change]:
    old_places, new_places = marker_paths(old), marker_paths(new)
    pairs: dict[Path, Path] = {}
    items: list[Change] = []
    _items(old.phan, new.phan, ("phan",), ("phan",), old_places, new_places, pairs, items)
    old_tasks = {r.task.id: r for r in iter_tasks(old)}
    new_tasks = {r.task.id: r for r in iter_tasks(new)}
    tasks = _tasks(old_tasks, new_tasks, old_places, new_places, pairs, names, as_of, new)
    covered = _covered(old_tasks, new_tasks, new_places)
    return [c for c in items if not (c.kind == "item-changed" and c.target in covered)] + tasks


def _line(item: Item) -> str:
    return " ".join(p for p in (item.so, item_line(item)) if p)


def _items(old: list[Item], new: list[Item], opath: Path, npath: Path,
           oplaces: dict[Path, str], nplaces: dict[Path, str], pairs: dict[Path, Path],
           out: list[Change]) -> None:
    for i, j in align(old, new, _line):
        if j is None:
            assert i is not None
            place = oplaces[(*opath, i)]
            out.append(Change("item-removed", place,
                              f"Bỏ mục {place}: {quote(_line(old[i]))}{_kids(old[i])}.",
                              _line(old[i]), None))
        elif i is None:
            place = nplaces[(*npath, j)]
            out.append(Change("item-added", place,
                              f"Thêm mục {place}: {quote(_line(new[j]))}{_kids(new[j])}.",
                              None, _line(new[j])))
        else:
            a, b = (*opath, i), (*npath, j)
            pairs[a] = b
            if _line(old[i]) != _line(new[j]):
                place = nplaces[b]
                out.append(changed("item-changed", place, f"Mục {place}", _line(old[i]),
                                   _line(new[j])))
            out += _item_fields(old[i], new[j], nplaces[b])
            _items(old[i].muc, new[j].muc, (*a, "muc"), (*b, "muc"), oplaces, nplaces, pairs,
                   out)


def _item_fields(a: Item, b: Item, place: str) -> list[Change]:
    """Changes of an item's own fields that print nowhere in its line: its weight, the
    deadline it writes for several items, the tasks it mentions."""
    out = []
    if a.dam != b.dam:
        weight = {True: "in đậm", False: "không in đậm", None: "mặc định"}
        out.append(Change("item-weight", place, f"Mục {place}: {weight[a.dam]} → "
                          f"{weight[b.dam]}.", weight[a.dam], weight[b.dam]))
    if a.thoi_han != b.thoi_han:
        out.append(changed("item-deadline", place, f"Mục {place}: thời hạn chung", a.thoi_han,
                           b.thoi_han))
    added = [t for t in b.nhiem_vu_lien_quan if t not in a.nhiem_vu_lien_quan]
    removed = [t for t in a.nhiem_vu_lien_quan if t not in b.nhiem_vu_lien_quan]
    if added or removed:
        parts = ([f"thêm {', '.join(added)}"] if added else []) + (
            [f"bỏ {', '.join(removed)}"] if removed else [])
        out.append(Change("item-mentions", place, f"Mục {place}: nhắc nhiệm vụ "
                          f"{'; '.join(parts)}.", ", ".join(a.nhiem_vu_lien_quan) or None,
                          ", ".join(b.nhiem_vu_lien_quan) or None))
    return out


def _kids(item: Item) -> str:
    count = _count(item.muc)
    return f" (kèm {count} mục con)" if count else ""


def _count(items: list[Item]) -> int:
    return sum(1 + _count(i.muc) for i in items)


def _covered(old_tasks: dict[str, TaskRef], new_tasks: dict[str, TaskRef],
             nplaces: dict[Path, str]) -> set[str]:
    """Items whose text change is told as their tasks' text change (tasks without excerpt)."""
    return {nplaces[item_path_of(ref.path)] for task_id, ref in new_tasks.items()
            if task_id in old_tasks and ref.task.noi_dung is None
            and old_tasks[task_id].task.noi_dung is None and old_tasks[task_id].text != ref.text}


def _tasks(old: dict[str, TaskRef], new: dict[str, TaskRef], oplaces: dict[Path, str],
           nplaces: dict[Path, str], pairs: dict[Path, Path], names: Names,
           as_of: dt.date | None, plan: Plan) -> list[Change]:
    out = []
    for task_id, ref in new.items():
        if task_id not in old:
            place = nplaces[item_path_of(ref.path)]
            out.append(Change("task-added", task_id, f"Thêm nhiệm vụ {task_id} tại mục {place}: "
                              f"{quote(ref.text)}.", None, ref.text))
    for task_id, ref in old.items():
        if task_id not in new:
            place = oplaces[item_path_of(ref.path)]
            out.append(Change("task-removed", task_id, f"Bỏ nhiệm vụ {task_id} (mục {place}): "
                              f"{quote(ref.text)}.", ref.text, None))
    for task_id, ref in new.items():
        if task_id in old:
            out += _task(old[task_id], ref, oplaces, nplaces, pairs, names, as_of, plan)
    return out


def _task(a: TaskRef, b: TaskRef, oplaces: dict[Path, str], nplaces: dict[Path, str],
          pairs: dict[Path, Path], names: Names, as_of: dt.date | None,
          plan: Plan) -> list[Change]:
    tid, out = b.task.id, []
    old_item, new_item = item_path_of(a.path), item_path_of(b.path)
    if pairs.get(old_item) != new_item:
        was, now = oplaces[old_item], nplaces[new_item]
        out.append(Change("task-moved", tid, f"Nhiệm vụ {tid} chuyển từ mục {was} sang mục "
                          f"{now}.", was, now))
    label = f"Nhiệm vụ {tid}"
    if a.text != b.text:
        out.append(changed("task-text", tid, f"{label}: nội dung", a.text, b.text))
    if a.leads != b.leads:
        old_names, new_names = names.many(a.leads), names.many(b.leads)
        out.append(Change("task-lead", tid, f"{label}: chủ trì {old_names} → {new_names}.",
                          old_names, new_names))
    out += _coordination(a, b, names, label)
    out += _deadline(a, b, label, as_of)
    for field, name in (("san_pham", "sản phẩm"), ("ghi_chu", "ghi chú")):
        va, vb = getattr(a.task, field), getattr(b.task, field)
        if va != vb:
            out.append(changed(f"task-{field}", tid, f"{label}: {name}", va, vb))
    out += _completions(a, b, names, label)
    out += _extensions(a, b, label, plan)
    return out


def _coordination(a: TaskRef, b: TaskRef, names: Names, label: str) -> list[Change]:
    added = [x for x in b.task.phoi_hop if x not in a.task.phoi_hop]
    removed = [x for x in a.task.phoi_hop if x not in b.task.phoi_hop]
    if not added and not removed:
        return []
    parts = ([f"thêm {names.many(added)}"] if added else []) + (
        [f"bỏ {names.many(removed)}"] if removed else [])
    return [Change("task-coordination", b.task.id, f"{label}: phối hợp {'; '.join(parts)}.",
                   names.many(a.task.phoi_hop), names.many(b.task.phoi_hop))]


def _deadline(a: TaskRef, b: TaskRef, label: str, as_of: dt.date | None) -> list[Change]:
    old, new = a.task.thoi_han, b.task.thoi_han
    if old == new:
        return []
    if old is None or new is None:
        return [changed("task-deadline", b.task.id, f"{label}: thời hạn", old, new)]
    days = shift_days(old, new, as_of)
    return [Change("task-deadline", b.task.id,
                   f"{label}: thời hạn {quote(old)} → {quote(new)}{shift_vi(days)}.",
                   old, new, days)]


def _completion_key(done: Completion) -> tuple[Any, ...]:
    return (done.co_quan, str(done.ky))


def describe_completion(done: Completion, names: Names) -> str:
    parts = [names(done.co_quan)] if done.co_quan else []
    if done.ky is not None:
        ky = day_vi(done.ky) if isinstance(done.ky, dt.date) else str(done.ky)
        parts.append(f"kỳ {ky}")
    parts.append(f"ngày {day_vi(done.ngay_hoan_thanh)}")
    if done.minh_chung:
        parts.append(f"minh chứng: {done.minh_chung}")
    if done.ghi_chu:
        parts.append(f"ghi chú: {done.ghi_chu}")
    return ", ".join(parts)


def _completions(a: TaskRef, b: TaskRef, names: Names, label: str) -> list[Change]:
    before = {_completion_key(d): d for d in a.task.hoan_thanh}
    after = {_completion_key(d): d for d in b.task.hoan_thanh}
    out, tid = [], b.task.id
    for key, done in after.items():
        text = describe_completion(done, names)
        if key not in before:
            out.append(Change("completion-added", tid, f"{label}: ghi nhận hoàn thành — {text}.",
                              None, text))
        elif before[key] != done:
            was = describe_completion(before[key], names)
            out.append(Change("completion-changed", tid, f"{label}: sửa ghi nhận hoàn thành — "
                              f"{was} → {text}.", was, text))
    for key, done in before.items():
        if key not in after:
            text = describe_completion(done, names)
            out.append(Change("completion-removed", tid, f"{label}: bỏ ghi nhận hoàn thành — "
                              f"{text}.", text, None))
    return out


def describe_extension(ext: Extension) -> str:
    text = f"{quote(ext.thoi_han)} theo {ext.van_ban} ngày {day_vi(ext.ngay)}"
    return text + (f" ({ext.ghi_chu})" if ext.ghi_chu else "")


def _extension_days(ref: TaskRef, ext: Extension, plan: Plan) -> int | None:
    """The shift the tracker applies for ``ext``, given the extensions granted before it."""
    from kehoach.tracking.schedule import extension_shift

    earlier = [e for e in ref.task.gia_han if e is not ext and e.ngay < ext.ngay]
    task = ref.task.model_copy(update={"gia_han": earlier})
    return extension_shift(task, plan, ext.thoi_han, ext.ngay)


def _extensions(a: TaskRef, b: TaskRef, label: str, plan: Plan) -> list[Change]:
    out, tid = [], b.task.id
    in_force = a.task.gia_han[-1].thoi_han if a.task.gia_han else a.task.thoi_han
    for ext in b.task.gia_han:
        if ext not in a.task.gia_han:
            days = _extension_days(b, ext, plan)
            text = describe_extension(ext)
            out.append(Change("extension-added", tid, f"{label}: gia hạn đến {text}"
                              f"{shift_vi(days)}.", in_force, ext.thoi_han, days))
            in_force = ext.thoi_han
    for ext in a.task.gia_han:
        if ext not in b.task.gia_han:
            text = describe_extension(ext)
            out.append(Change("extension-removed", tid, f"{label}: bỏ gia hạn đến {text}.",
                              ext.thoi_han, None))
    return out
