"""Templates: lookup and override, data never becomes template code, sandbox, clear errors."""

from __future__ import annotations

import pytest
from test_render_support import (
    NS,
    all_text,
    find_paragraph,
    para_text,
    part,
    plan_from_text,
    registry,
    render,
    run_props,
)

from kehoach.render import RenderError, render_blocks
from kehoach.render.blocks import encode, parse_stream

PLAN = """\
loai: ke_hoach
co_quan_ban_hanh: [lang-son.ubnd-tinh]
so_ky_hieu: 12/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2024-03-05
trich_yeu: "Thử {{ 7*7 }} và {% for x in range(3) %}x{% endfor %}"
mo_dau: "Dòng một\\nphan DÒNG CHÈN {{ van_ban }} \\ue000\\"x\\"\\ue001 | ô"
phan:
  - so: I.
    noi_dung: "{{ ''.__class__.__mro__ }} {# chú #} {% raw %}"
noi_nhan: ["- Lưu: VT."]
chu_ky:
  - quyen_han: TM. ỦY BAN NHÂN DÂN
    chuc_vu: CHỦ TỊCH
    nguoi_ky: Nguyễn Văn A
"""


def custom(tmp_path, body: str, name: str = "rieng.j2"):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return folder


def test_plan_text_with_jinja_syntax_renders_literally(tmp_path):
    plan = plan_from_text(tmp_path, PLAN)
    path = render(tmp_path, plan)
    text = all_text(path)
    assert "Thử {{ 7*7 }} và {% for x in range(3) %}x{% endfor %}" in text
    assert "49" not in text and "xxx" not in text
    assert "{{ ''.__class__.__mro__ }} {# chú #} {% raw %}" in text


def test_plan_text_cannot_inject_block_lines(tmp_path):
    plan = plan_from_text(tmp_path, PLAN)
    path = render(tmp_path, plan)
    opening = find_paragraph(path, "Dòng một")
    # the newline stays inside the paragraph as a line break; no new "phan" block appears
    assert para_text(opening).startswith("Dòng một\nphan DÒNG CHÈN {{ van_ban }}")
    assert not any(r["bold"] for r in run_props(opening))
    assert "| ô" in para_text(opening)


def test_encode_is_ascii_json_between_sentinels():
    encoded = encode("a\nb \ue000 {{ x }}")
    assert "\n" not in encoded and encoded.count("\ue000") == 1
    blocks = parse_stream(f"muc {encoded}")
    assert blocks[0].text == "a\nb \ue000 {{ x }}"


def test_repository_template_overrides_packaged_by_name(tmp_path):
    folder = custom(tmp_path, '{% include "_header.j2" %}\nmuc Mẫu riêng của Sở.\n', "ke_hoach.j2")
    path = render(tmp_path, "du-thao", search_dirs=[folder])
    assert "Mẫu riêng của Sở." in all_text(path)
    assert "KẾ HOẠCH" not in all_text(path)  # the packaged body was not used


def test_repository_shared_part_overrides_only_that_part(tmp_path):
    folder = custom(tmp_path, "noi_nhan_tieu_de Nơi nhận (mẫu riêng):\n", "_signature.j2")
    text = all_text(render(tmp_path, "du-thao", search_dirs=[folder]))
    assert "Nơi nhận (mẫu riêng):" in text and "KẾ HOẠCH" in text


def test_template_by_name_and_by_path(tmp_path):
    folder = custom(tmp_path, "ten_loai BÁO CÁO NHANH\n")
    by_name = render(tmp_path, "du-thao", "a.docx", template="rieng", search_dirs=[folder])
    assert "BÁO CÁO NHANH" in all_text(by_name)
    by_path = render(tmp_path, "du-thao", "b.docx", template=str(folder / "rieng.j2"))
    assert "BÁO CÁO NHANH" in all_text(by_path)


def test_unknown_template_lists_the_available_ones(tmp_path):
    with pytest.raises(RenderError, match=r"Không có mẫu “khong-co”.*ke_hoach"):
        render(tmp_path, "du-thao", template="khong-co")
    with pytest.raises(RenderError, match="Không tìm thấy tệp mẫu"):
        render(tmp_path, "du-thao", template=str(tmp_path / "x" / "khong-co.j2"))


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ van_ban.__class__.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ joiner.__init__.__globals__.os }}",
        "{{ range.__self__ }}",
        "{{ van_ban.ten_loai.format.__globals__ }}",
        "{% set x = van_ban.update({'a': 1}) %}",
    ],
)
def test_sandbox_escapes_are_render_errors(tmp_path, expression):
    folder = custom(tmp_path, f"muc {expression}\n")
    with pytest.raises(RenderError) as err:
        render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    assert "rieng.j2" in str(err.value)


def test_undeclared_variable_found_before_rendering(tmp_path):
    folder = custom(
        tmp_path, "{% for m in muc %}muc {{ m.dong }}{% endfor %}\nmuc {{ ke_hoach.trich_yeu }}\n"
    )
    with pytest.raises(RenderError, match="biến không có: ke_hoach"):
        render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    assert not (tmp_path / "out.docx").exists()


def test_unknown_block_style_names_file_and_line(tmp_path):
    folder = custom(tmp_path, "ten_loai {{ van_ban.ten_loai }}\n\n  tieu_de_sai {{ 1 }}\n")
    with pytest.raises(RenderError) as err:
        render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    message = str(err.value)
    assert f"{folder / 'rieng.j2'}:3" in message
    assert "kiểu khối “tieu_de_sai” không có" in message


def test_template_syntax_error_names_file_and_line(tmp_path):
    folder = custom(tmp_path, "muc a\n{% for x in %}\n")
    with pytest.raises(RenderError, match=r"rieng\.j2:2: mẫu viết sai"):
        render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])


def test_missing_include_is_reported(tmp_path):
    folder = custom(tmp_path, '{% include "_khong_co.j2" %}\n')
    with pytest.raises(RenderError, match=r"_khong_co\.j2"):
        render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])


def test_block_arguments_and_cells():
    blocks = parse_stream('bang_dong[x=1] a | \ue000"b | c"\ue001 | d\nky_ten[cot=\ue0002\ue001] X')
    assert [[r.text for r in c] for c in blocks[0].cells] == [["a"], ["b | c"], ["d"]]
    assert blocks[1].args == {"cot": 2}


@pytest.mark.parametrize("column", ["{{ 1e999 }}", "{{ none }}", "hai", "{{ 2.0 }}"])
def test_a_signature_column_that_is_not_a_number_is_the_first(tmp_path, column):
    folder = custom(tmp_path, f"ky_ten[cot={column}] Nguyễn Văn A\n")
    path = render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    assert "Nguyễn Văn A" in all_text(path)


def test_render_blocks_gives_the_stream_for_inspection():
    from test_render_support import load_plan

    styles = [b.style for b in render_blocks(load_plan("doan"), registry())]
    assert styles[:4] == ["chu_quan", "co_quan", "sao", "so_ky_hieu"]
    assert "ban_to_chuc" in styles and "doan" in styles and "quoc_hieu" not in styles


def test_template_literal_text_is_not_markup(tmp_path):
    folder = custom(tmp_path, "muc Chữ **không** đậm {{ '**đậm**' }}\n")
    path = render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    p = find_paragraph(path, "Chữ")
    assert [r["text"] for r in run_props(p) if r["bold"]] == ["đậm"]
    assert part(path).find("w:body/w:p", NS) is not None


def test_template_saved_with_bom_and_crlf_works(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    source = "\ufeffmuc Dòng một\r\nmuc {{ van_ban.trich_yeu }}\r\n"
    (folder / "rieng.j2").write_bytes(source.encode())
    path = render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    assert find_paragraph(path, "Dòng một") is not None
    assert find_paragraph(path, "Tổ chức Tháng thanh niên năm 2024") is not None


def test_annex_without_content_says_so(tmp_path):
    plan = plan_from_text(tmp_path, PLAN.replace("noi_nhan:", "phu_luc:\n  - so: I\nnoi_nhan:"))
    path = render(tmp_path, plan)
    assert (
        "Phụ lục I (Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân "
        "tỉnh Lạng Sơn) (Nội dung phụ lục không có trong tệp kế hoạch.)" in all_text(path)
    )


def test_consecutive_tables_stay_apart(tmp_path):
    folder = custom(tmp_path, "bang_tieu_de STT | A\nbang_dong 1 | a\n"
                              "bang_tieu_de STT | B | C\nbang_dong 1 | b | c | d\n")
    path = render(tmp_path, "du-thao", template="rieng", search_dirs=[folder])
    tables = part(path).findall("w:body/w:tbl", NS)
    assert [len(t.findall("w:tblGrid/w:gridCol", NS)) for t in tables] == [2, 3]
    last_row = tables[1].findall("w:tr", NS)[1]
    assert [para_text(tc) for tc in last_row.findall("w:tc", NS)] == ["1", "b", "c d"]


def test_plan_mau_names_a_template_never_a_path(tmp_path):
    custom(tmp_path, "ten_loai MẪU THEO KHOÁ MAU\n")
    base = PLAN.replace("loai: ke_hoach\n", "loai: ke_hoach\nmau: rieng\n")
    path = render(tmp_path, plan_from_text(tmp_path, base), search_dirs=[tmp_path / "templates"])
    assert "MẪU THEO KHOÁ MAU" in all_text(path)
    for bad in ("../templates/rieng", "/etc/passwd", "..\\\\x"):
        plan = plan_from_text(tmp_path, PLAN.replace("loai: ke_hoach\n",
                                                     f"loai: ke_hoach\nmau: '{bad}'\n"))
        with pytest.raises(RenderError, match="phải là tên một mẫu"):
            render(tmp_path, plan, "x.docx", search_dirs=[tmp_path / "templates"])
