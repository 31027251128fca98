"""The files ``kehoach init`` writes into a new plans repository (texts, not code)."""

from __future__ import annotations

REGISTRY = """\
# yaml-language-server: $schema=../kehoach-co-quan.schema.json
# Danh mục cơ quan, đơn vị và nhóm cơ quan mà các kế hoạch trong plans/ dẫn chiếu.
# Mã (id) có tiền tố theo địa phương: cùng một tên ở hai tỉnh là hai cơ quan.
# Thêm cơ quan bằng lệnh (tệp luôn giữ dạng trình bày thống nhất):
#   kehoach co-quan them lang-son.so-noi-vu --ten "Sở Nội vụ tỉnh Lạng Sơn" --viet-tat SNV
co_quan: []
"""

CONFIG = """\
# Cấu hình kho kế hoạch. Mọi mục đều không bắt buộc; bỏ dấu # ở mục cần dùng.

[kho]
{province}# tỉnh mặc định khi tìm cơ quan theo tên (phần đầu mã trong danh mục)

[kiem_tra]
# tat = ["footnote-unused"]        # mã không báo trong kho này (kehoach explain --all)
# canh_bao = ["task-no-lead"]      # mã chỉ báo cảnh báo
# loi = ["completion-before-issue"]  # mã báo thành lỗi

[cong_van]
# co_quan = "lang-son.so-noi-vu"   # cơ quan gửi các công văn kehoach soạn
# quyen_han = "KT. GIÁM ĐỐC"
# chuc_vu = "PHÓ GIÁM ĐỐC"
# nguoi_ky = "Nguyễn Văn A"
# noi_nhan = ["- Như trên;", "- Lưu: VT."]
"""

PRE_COMMIT = """\
# Kiểm tra và trình bày lại kế hoạch trước mỗi lần commit (https://pre-commit.com):
#   pre-commit install
# Các hook chạy lệnh kehoach đã cài trên máy. Khi cơ quan có kho mã kehoach riêng, có thể
# thay bằng:  - repo: <địa chỉ kho kehoach>   rev: v{version}   hooks: [kehoach-check, kehoach-fmt]
repos:
  - repo: local
    hooks:
      - id: kehoach-check
        name: kehoach check
        entry: kehoach check
        language: system
        files: (^|/)plans/.*\\.ya?ml$
        require_serial: true
      - id: kehoach-fmt
        name: kehoach fmt
        entry: kehoach fmt
        language: system
        files: (^|/)plans/.*\\.ya?ml$
        require_serial: true
"""

YAMLLINT = """\
# yamllint theo đúng cách kehoach fmt trình bày: dòng tối đa 100 ký tự, không có "---".
extends: default
rules:
  line-length:
    max: 100
  document-start: disable
"""

VSCODE = """\
{
  "yaml.schemas": {
    "./kehoach.schema.json": ["plans/**/*.yaml", "plans/**/*.yml"],
    "./kehoach-co-quan.schema.json": ["plans/**/co-quan.yaml"]
  },
  "files.encoding": "utf8",
  "files.eol": "\\n",
  "files.trimTrailingWhitespace": true,
  "[yaml]": {
    "editor.insertSpaces": true,
    "editor.tabSize": 2,
    "editor.rulers": [100]
  }
}
"""

GITHUB = """\
# Mẫu: chép vào .github/workflows/kehoach.yml của kho kế hoạch.
# KEHOACH: nơi cơ quan lưu kehoach (kho git có thẻ phiên bản, hoặc tệp wheel).
name: kehoach
on: [push, pull_request]
jobs:
  kiem-tra:
    runs-on: ubuntu-latest
    env:
      KEHOACH: "kehoach @ git+https://git.example.gov.vn/cntt/kehoach@v{version}"
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: python -m pip install "$KEHOACH"
      - run: kehoach check --format github
      - run: kehoach fmt --check
"""

GITLAB = """\
# Mẫu: chép vào .gitlab-ci.yml của kho kế hoạch.
# KEHOACH: nơi cơ quan lưu kehoach (kho git có thẻ phiên bản, hoặc tệp wheel).
kehoach:
  image: python:3.11
  variables:
    KEHOACH: "kehoach @ git+https://git.example.gov.vn/cntt/kehoach@v{version}"
  script:
    - python -m pip install "$KEHOACH"
    - kehoach check
    - kehoach fmt --check
"""
