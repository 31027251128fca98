"""A seeded, deterministic synthetic plans repository for the benchmark.

``python -m bench.corpus OUT_DIR --plans 1000`` writes ``OUT_DIR/plans/*.yaml`` and the
registry: N plans with nested sections and ~100 tasks each, real-style Vietnamese text, the
whole range of deadline phrases, a registry of ~300 bodies with aliases and groups, and
completion records. The same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PROVINCES = ["lang-son", "ca-mau", "ha-giang", "nghe-an", "dak-lak", "an-giang", "bac-ninh",
             "quang-nam", "thai-binh", "kien-giang"]
PROVINCE_NAMES = ["Lạng Sơn", "Cà Mau", "Hà Giang", "Nghệ An", "Đắk Lắk", "An Giang",
                  "Bắc Ninh", "Quảng Nam", "Thái Bình", "Kiên Giang"]
DEPARTMENTS = [("so-noi-vu", "Sở Nội vụ", "SNV"), ("so-tai-chinh", "Sở Tài chính", "STC"),
               ("so-gd-dt", "Sở Giáo dục và Đào tạo", "SGDĐT"), ("so-y-te", "Sở Y tế", "SYT"),
               ("so-tu-phap", "Sở Tư pháp", "STP"), ("so-xay-dung", "Sở Xây dựng", "SXD"),
               ("so-cong-thuong", "Sở Công Thương", "SCT"),
               ("so-khcn", "Sở Khoa học và Công nghệ", "SKHCN"),
               ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
               ("so-nn-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
               ("so-tn-mt", "Sở Tài nguyên và Môi trường", "STNMT"),
               ("so-gtvt", "Sở Giao thông vận tải", "SGTVT"),
               ("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
               ("so-kh-dt", "Sở Kế hoạch và Đầu tư", "SKHĐT"),
               ("thanh-tra", "Thanh tra tỉnh", "TTr"), ("van-phong-ubnd", "Văn phòng UBND tỉnh",
                                                        "VP"),
               ("cong-an", "Công an tỉnh", "CA"), ("bo-chqs", "Bộ Chỉ huy Quân sự tỉnh", "BCHQS"),
               ("dai-ptth", "Đài Phát thanh và Truyền hình tỉnh", "PTTH"),
               ("bao-tinh", "Báo tỉnh", "BT"), ("hoi-lhtn", "Hội Liên hiệp thanh niên tỉnh",
                                                "HLHTN"),
               ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ"),
               ("hoi-lhpn", "Hội Liên hiệp Phụ nữ tỉnh", "HLHPN"),
               ("hoi-nong-dan", "Hội Nông dân tỉnh", "HND")]

DEADLINES = [
    "trước ngày {d}/{m}/{y}", "chậm nhất ngày {d} tháng {m} năm {y}", "tháng {m}/{y}",
    "dự kiến tháng {m}/{y}", "quý {q}/{y}", "Quý {qa} năm {y}", "6 tháng đầu năm {y}",
    "6 tháng cuối năm {y}", "vào năm {y}", "trong giai đoạn {y}-{y2}",
    "thực hiện thường xuyên hằng năm, bắt đầu từ Quý I năm {y}",
    "định kỳ trước ngày 15/11 hằng năm",
    "ít nhất 01 lần/năm", "hằng quý", "hằng tháng", "tháng 3, 5, 10/{y}",
    "dự kiến cuối tháng 4 và tháng 5/{y}", "trong 15 ngày kể từ ngày ký", "thường xuyên",
    "từ ngày {d}/{m}/{y} đến ngày 30/12/{y}", "trong tháng {m}/{y}", "đầu tháng {m}/{y}",
    # forms from use (issue 13)
    "trước Tết Nguyên đán {y}", "trước ngày 15/6 và 15/12 hằng năm", "định kỳ 6 tháng và hằng năm",
    "tuần đầu tháng {m}/{y}", "năm học {y} - {y1}", "trước 17 giờ ngày {d}/{m}/{y}",
    "15 ngày trước ngày tổ chức",
]
VERBS = ["Tổ chức", "Triển khai", "Xây dựng", "Hướng dẫn", "Kiểm tra, đánh giá", "Tuyên truyền",
         "Tổng hợp, báo cáo", "Rà soát", "Bồi dưỡng", "Phối hợp thực hiện"]
OBJECTS = ["chương trình phát triển thanh niên", "công tác cải cách hành chính",
           "phong trào “3 trách nhiệm”", "kế hoạch chuyển đổi số", "chính sách pháp luật về "
           "thanh niên", "mô hình dân vận khéo", "hội nghị sơ kết", "văn hóa công vụ",
           "dịch vụ công trực tuyến mức độ 3, 4", "đề án hỗ trợ thanh niên khởi nghiệp"]
ROMAN = ["I", "II", "III", "IV"]


def registry(rng: random.Random) -> tuple[str, dict[str, list[str]]]:
    """The registry text and, per province, the ids of its departments and groups."""
    lines = ["co_quan:"]
    ids: dict[str, list[str]] = {}
    for code, name in zip(PROVINCES, PROVINCE_NAMES, strict=True):
        ubnd = f"{code}.ubnd-tinh"
        lines += [f"  - id: {ubnd}", f"    ten: Ủy ban nhân dân tỉnh {name}",
                  f"    ten_in: ỦY BAN NHÂN DÂN TỈNH {name.upper()}",
                  f"    ten_khac: [UBND tỉnh {name}, UBND tỉnh]", "    viet_tat: UBND"]
        members = []
        for slug, dname, abbr in DEPARTMENTS:
            body = f"{code}.{slug}"
            members.append(body)
            lines += [f"  - id: {body}", f"    ten: {dname} tỉnh {name}",
                      f"    ten_in: {dname.upper()}",
                      f"    ten_khac: [{dname}, {abbr}]", f"    viet_tat: {abbr}",
                      f"    cap_tren: {ubnd}"]
        group = f"{code}.cac-so-ban-nganh"
        lines += [f"  - id: {group}", f"    ten: Các sở, ban, ngành tỉnh {name}",
                  "    nhom: liet_ke", f"    thanh_vien: [{', '.join(members)}]"]
        open_group = f"{code}.co-quan-lien-quan"
        lines += [f"  - id: {open_group}", "    ten: Các cơ quan, tổ chức có liên quan",
                  "    nhom: mo"]
        ids[code] = [ubnd, *members, group, open_group]
    return "\n".join(lines) + "\n", ids


def _deadline(rng: random.Random, year: int) -> str:
    template = rng.choice(DEADLINES)
    return template.format(d=rng.randint(1, 28), m=rng.randint(1, 12), y=year, y1=year + 1,
                           y2=year + 4, q=rng.choice(ROMAN), qa=rng.randint(1, 4))


def _task(rng: random.Random, plan_no: int, n: int, bodies: list[str], year: int) -> list[str]:
    deadline = _deadline(rng, year + rng.randint(0, 2))
    text = (f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} tại các cơ quan, đơn vị; bảo đảm thiết "
            f"thực, hiệu quả, đúng tiến độ ({deadline}).")
    lead = rng.choice(bodies[1:-2])
    coord = rng.sample(bodies[1:-2], 2)
    out = [f"          - so: \"{chr(97 + n % 26)})\"", "            noi_dung: >-",
           f"              {text}", "            nhiem_vu:",
           f"              - id: p{plan_no:04d}-t{n:03d}", f"                chu_tri: {lead}",
           f"                phoi_hop: [{', '.join(coord)}]",
           f"                thoi_han: {deadline}",
           "                san_pham: Báo cáo kết quả thực hiện"]
    if rng.random() < 0.3:
        out += ["                hoan_thanh:", f"                  - co_quan: {lead}",
                f"                    ngay_hoan_thanh: {year + 1}-0{rng.randint(1, 9)}-"
                f"1{rng.randint(0, 9)}",
                f"                    minh_chung: Báo cáo số {rng.randint(1, 300)}/BC"]
    return out


def plan(rng: random.Random, plan_no: int, ids: dict[str, list[str]], tasks: int) -> str:
    code = rng.choice(PROVINCES)
    bodies = ids[code]
    year = rng.randint(2021, 2024)
    lines = [
        "phien_ban_dinh_dang: 2", "loai: ke_hoach", f"co_quan_ban_hanh: [{bodies[0]}]",
        f"so_ky_hieu: {plan_no}/KH-UBND",
        f"dia_danh: {PROVINCE_NAMES[PROVINCES.index(code)]}", f"ngay_ban_hanh: {year}-01-15",
        f"trich_yeu: Thực hiện nhiệm vụ trọng tâm năm {year} (kế hoạch số {plan_no})",
        f"giai_doan: {{tu: {year}, den: {year + 4}}}",
        "can_cu:", "  - noi_dung: Căn cứ Luật Thanh niên năm 2020;",
        f"mo_dau: \"UBND tỉnh ban hành Kế hoạch thực hiện nhiệm vụ trọng tâm năm {year} như sau:\"",
        "phan:", "  - so: I.", "    noi_dung: NỘI DUNG", "    muc:",
    ]
    per_section = 10
    for s in range((tasks + per_section - 1) // per_section):
        lines += [f"      - so: \"{s + 1}.\"", f"        noi_dung: {rng.choice(VERBS)} "
                  f"{rng.choice(OBJECTS)}", "        muc:"]
        for n in range(s * per_section, min(tasks, (s + 1) * per_section)):
            lines += _task(rng, plan_no, n, bodies, year)
    lines += ["noi_nhan:", "  - \"- Như trên;\"", "  - \"- Lưu: VT.\"", "chu_ky:",
              "  - quyen_han: KT. CHỦ TỊCH", "    chuc_vu: PHÓ CHỦ TỊCH",
              "    nguoi_ky: Nguyễn Văn An"]
    return "\n".join(lines) + "\n"


def write_corpus(out: Path, plans: int, tasks: int = 100, seed: int = 2024) -> Path:
    rng = random.Random(seed)
    (out / "plans").mkdir(parents=True, exist_ok=True)
    text, ids = registry(rng)
    (out / "plans" / "co-quan.yaml").write_text(text, encoding="utf-8")
    for i in range(plans):
        path = out / "plans" / f"{i // 100:02d}" / f"ke-hoach-{i:04d}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(plan(rng, i, ids, tasks), encoding="utf-8")
    (out / "kehoach.toml").write_text("# benchmark corpus\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    write_corpus(args.out, args.plans, args.tasks, args.seed)


if __name__ == "__main__":
    main()
