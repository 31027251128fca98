"""kehoach diff: changes in plan terms, with exact Vietnamese output."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from kehoach.load.document import Document, load_text
from kehoach.plan.model import RegistryFile
from kehoach.plan.registry import Registry
from kehoach.review.git import DiffError, load_version
from kehoach.review.semantic import changes_json, diff_plans, format_changes_vi
from tests.conftest import REGISTRY

BASE = textwrap.dedent("""\
    loai: ke_hoach
    co_quan_ban_hanh: [ls.ubnd]
    so_ky_hieu: 12/KH-UBND
    dia_danh: Lạng Sơn
    ngay_ban_hanh: 2023-03-01
    trich_yeu: Tổ chức Tháng thanh niên năm 2023
    phan:
      - so: I.
        noi_dung: MỤC ĐÍCH, YÊU CẦU
        muc:
          - so: "-"
            noi_dung: Phát huy vai trò xung kích của thanh niên.
          - so: "-"
            noi_dung: Bảo đảm thiết thực, hiệu quả.
      - so: II.
        noi_dung: NỘI DUNG
        muc:
          - so: "1."
            noi_dung: Tổ chức lễ ra quân (quý II/2023).
            nhiem_vu:
              - id: ra-quan
                chu_tri: ls.tinh-doan
                phoi_hop: [ls.snv]
                thoi_han: quý II/2023
          - so: "2."
            noi_dung: Gửi báo cáo kết quả trước ngày 20/6/2023.
            nhiem_vu:
              - id: bao-cao
                chu_tri: ls.snv
                thoi_han: trước ngày 20/6/2023
    noi_nhan:
      - "- Như trên;"
      - "- Lưu: VT."
    chu_ky:
      - quyen_han: KT. CHỦ TỊCH
        chuc_vu: PHÓ CHỦ TỊCH
        nguoi_ky: Nguyễn Văn A
    """)
REG = Registry.from_bodies(RegistryFile.model_validate(yaml.safe_load(REGISTRY)).co_quan)


def plan(text: str):
    doc = load_text(Document(Path("a.yaml"), "a.yaml"), text.encode("utf-8"))
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


def diff_text(new: str, old: str = BASE) -> str:
    return format_changes_vi(diff_plans(plan(old), plan(new), REG))


def edit(*pairs: tuple[str, str]) -> str:
    text = BASE
    for before, after in pairs:
        assert before in text, before
        text = text.replace(before, after)
    return text


def test_no_change():
    assert diff_text(BASE) == "Không có thay đổi về nội dung kế hoạch.\n"


def test_header_fields():
    new = edit(("12/KH-UBND", "15/KH-UBND"), ("2023-03-01", "2023-03-05"),
               ("năm 2023\n", "năm 2023 trên địa bàn tỉnh\n"), ("Nguyễn Văn A", "Trần Thị B"),
               ("[ls.ubnd]", "[ls.ubnd, ls.tinh-doan]"))
    assert diff_text(new) == (
        "Có 5 thay đổi:\n"
        "- Cơ quan ban hành: “Ủy ban nhân dân tỉnh Lạng Sơn” → “Ủy ban nhân dân tỉnh Lạng Sơn; "
        "Tỉnh đoàn Lạng Sơn”.\n"
        "- Số, ký hiệu: “12/KH-UBND” → “15/KH-UBND”.\n"
        "- Ngày ban hành: “01/03/2023” → “05/03/2023”.\n"
        "- Trích yếu: “Tổ chức Tháng thanh niên năm 2023” → “Tổ chức Tháng thanh niên năm 2023 "
        "trên địa bàn tỉnh”.\n"
        "- Chữ ký, người ký: “Nguyễn Văn A” → “Trần Thị B”.\n"
    )


def test_deadline_later_and_earlier_in_days():
    new = edit(("thoi_han: quý II/2023", "thoi_han: quý III/2023"),
               ("(quý II/2023)", "(quý III/2023)"),
               ("trước ngày 20/6/2023", "trước ngày 10/6/2023"))
    new = new.replace("trước ngày 20/6/2023", "trước ngày 10/6/2023")
    assert diff_text(new) == (
        "Có 4 thay đổi:\n"
        "- Nhiệm vụ ra-quan: nội dung: “Tổ chức lễ ra quân (quý II/2023).” → “Tổ chức lễ ra "
        "quân (quý III/2023).”.\n"
        "- Nhiệm vụ ra-quan: thời hạn “quý II/2023” → “quý III/2023”, lùi 92 ngày.\n"
        "- Nhiệm vụ bao-cao: nội dung: “Gửi báo cáo kết quả trước ngày 20/6/2023.” → “Gửi báo "
        "cáo kết quả trước ngày 10/6/2023.”.\n"
        "- Nhiệm vụ bao-cao: thời hạn “trước ngày 20/6/2023” → “trước ngày 10/6/2023”, sớm hơn "
        "10 ngày.\n"
    )
    days = [c.days for c in diff_plans(plan(BASE), plan(new), REG) if c.kind == "task-deadline"]
    assert days == [92, -10]


def test_lead_and_coordination_by_name():
    new = edit(("chu_tri: ls.tinh-doan\n            phoi_hop: [ls.snv]",
                "chu_tri: ls.snv\n            phoi_hop: [ls.tinh-doan, ls.ubnd]"))
    assert diff_text(new) == (
        "Có 2 thay đổi:\n"
        "- Nhiệm vụ ra-quan: chủ trì Tỉnh đoàn Lạng Sơn → Sở Nội vụ tỉnh Lạng Sơn.\n"
        "- Nhiệm vụ ra-quan: phối hợp thêm Tỉnh đoàn Lạng Sơn; Ủy ban nhân dân tỉnh Lạng Sơn; "
        "bỏ Sở Nội vụ tỉnh Lạng Sơn.\n"
    )


def test_completion_extension_recorded_and_withdrawn():
    done = ("thoi_han: trước ngày 20/6/2023\n",
            "thoi_han: trước ngày 20/6/2023\n"
            "            hoan_thanh:\n"
            "              - ngay_hoan_thanh: 2023-06-15\n"
            "                minh_chung: Báo cáo số 12/BC-SNV\n")
    extended = ("thoi_han: quý II/2023\n",
                "thoi_han: quý II/2023\n"
                "            gia_han:\n"
                "              - thoi_han: quý III/2023\n"
                "                ngay: 2023-06-01\n"
                "                van_ban: Công văn số 5/UBND-NC\n")
    new = edit(done, extended)
    assert diff_text(new) == (
        "Có 2 thay đổi:\n"
        "- Nhiệm vụ ra-quan: gia hạn đến “quý III/2023” theo Công văn số 5/UBND-NC ngày "
        "01/06/2023, lùi 92 ngày.\n"
        "- Nhiệm vụ bao-cao: ghi nhận hoàn thành — ngày 15/06/2023, minh chứng: Báo cáo số "
        "12/BC-SNV.\n"
    )
    assert diff_text(BASE, old=new) == (
        "Có 2 thay đổi:\n"
        "- Nhiệm vụ ra-quan: bỏ gia hạn đến “quý III/2023” theo Công văn số 5/UBND-NC ngày "
        "01/06/2023.\n"
        "- Nhiệm vụ bao-cao: bỏ ghi nhận hoàn thành — ngày 15/06/2023, minh chứng: Báo cáo số "
        "12/BC-SNV.\n"
    )


def test_tasks_added_removed_moved():
    moved = edit(
        ('      - so: "2."\n        noi_dung: Gửi báo cáo kết quả trước ngày 20/6/2023.\n'
         "        nhiem_vu:\n          - id: bao-cao\n", '      - so: "2."\n'
         "        noi_dung: Gửi báo cáo kết quả trước ngày 20/6/2023.\n        nhiem_vu:\n"
         "          - id: bao-cao-moi\n"),
        ("            thoi_han: quý II/2023\n", "            thoi_han: quý II/2023\n"
         "          - id: tuyen-truyen\n            chu_tri: ls.snv\n"),
    )
    assert diff_text(moved) == (
        "Có 3 thay đổi:\n"
        "- Thêm nhiệm vụ tuyen-truyen tại mục II.1: “Tổ chức lễ ra quân (quý II/2023).”.\n"
        "- Thêm nhiệm vụ bao-cao-moi tại mục II.2: “Gửi báo cáo kết quả trước ngày 20/6/2023.”.\n"
        "- Bỏ nhiệm vụ bao-cao (mục II.2): “Gửi báo cáo kết quả trước ngày 20/6/2023.”.\n"
    )
    swapped = edit(("id: ra-quan", "id: tam"), ("id: bao-cao", "id: ra-quan"),
                   ("id: tam", "id: bao-cao"))
    lines = diff_text(swapped).splitlines()
    assert lines[1] == "- Nhiệm vụ bao-cao chuyển từ mục II.2 sang mục II.1."
    assert "- Nhiệm vụ ra-quan chuyển từ mục II.1 sang mục II.2." in lines


def test_prose_items_by_marker_path():
    new = edit(("Phát huy vai trò", "Phát huy tốt vai trò"),
               ('      - so: "-"\n        noi_dung: Bảo đảm thiết thực, hiệu quả.\n',
                '      - so: "-"\n        noi_dung: Bảo đảm thiết thực, hiệu quả.\n'
                '      - so: "-"\n        noi_dung: Tiết kiệm.\n'),
               ('- "- Lưu: VT."', '- "- Lưu: VT, NC."'))
    assert diff_text(new) == (
        "Có 3 thay đổi:\n"
        "- Nơi nhận 2: “- Lưu: VT.” → “- Lưu: VT, NC.”.\n"
        "- Mục I.-[1]: “- Phát huy vai trò xung kích của thanh niên.” → “- Phát huy tốt vai trò "
        "xung kích của thanh niên.”.\n"
        "- Thêm mục I.-[3]: “- Tiết kiệm.”.\n"
    )
    removed = BASE.replace('      - so: "-"\n        noi_dung: Bảo đảm thiết thực, hiệu quả.\n', "")
    assert diff_text(removed) == (
        "Có 1 thay đổi:\n- Bỏ mục I.-[2]: “- Bảo đảm thiết thực, hiệu quả.”.\n")


def test_changes_json():
    new = edit(("thoi_han: quý II/2023", "thoi_han: quý III/2023"))
    data = changes_json(diff_plans(plan(BASE), plan(new), REG))
    assert data == [{
        "kind": "task-deadline", "target": "ra-quan",
        "message": "Nhiệm vụ ra-quan: thời hạn “quý II/2023” → “quý III/2023”, lùi 92 ngày.",
        "old": "quý II/2023", "new": "quý III/2023", "days": 92,
    }]


def test_load_version_from_a_file_and_errors(tmp_path):
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    assert load_version("a.yaml", tmp_path) == ("a.yaml", BASE.encode("utf-8"))
    with pytest.raises(DiffError, match=r"Không đọc được tệp “b\.yaml”"):
        load_version("b.yaml", tmp_path)
    with pytest.raises(DiffError, match="hãy viết git:PHIÊN_BẢN:đường/dẫn"):
        load_version("git:HEAD", tmp_path)
    with pytest.raises(DiffError, match="không nằm trong kho git"):
        load_version("git:HEAD:a.yaml", tmp_path)
