"""kehoach.check.checker: the repository-wide rule, task ids unique across every plan."""

from __future__ import annotations

from tests.check.conftest import BASE

OTHER = BASE.replace("253/KH", "254/KH")


def test_a_task_id_used_by_another_plan(assert_diagnostics):
    assert_diagnostics(OTHER, [(19, 17, "duplicate-task-id")], name="b.yaml",
                       others={"a.yaml": BASE})


def test_a_task_id_twice_in_one_plan(assert_diagnostics):
    twice = BASE.replace(
        "            thoi_han: trước ngày 15/11/2022\n",
        "            thoi_han: trước ngày 15/11/2022\n          - id: t1\n"
        "            chu_tri: ls.snv\n",
    )
    assert_diagnostics(twice, [(22, 17, "duplicate-task-id")])


def test_ids_of_other_plans_that_differ(assert_diagnostics):
    assert_diagnostics(OTHER.replace("id: t1", "id: t2"), [], name="b.yaml",
                       others={"a.yaml": BASE})
