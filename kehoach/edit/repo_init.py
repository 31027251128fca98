"""``kehoach init``: set up a new plans repository. Files that exist are kept as they are."""

from __future__ import annotations

import json
from pathlib import Path

from kehoach import __version__
from kehoach.edit import repo_files


def init_repository(root: Path, province: str | None = None) -> list[tuple[str, bool]]:
    """Write the files of a new plans repository under ``root``: (relative path, written)
    for each, False where the file existed and was kept. Raises AtomicWriteError when one
    cannot be written (a full disk; a folder such as ``.vscode`` that is a link out)."""
    from kehoach.fs.atomic import make_folder, write_atomic
    from kehoach.plan.schema import SCHEMA_FILES, schema_json
    from kehoach.review.git import ATTRIBUTES

    tinh = f"tinh = {json.dumps(province, ensure_ascii=False)}  " if province else (
        '# tinh = "lang-son"  ')
    files = {
        "kehoach.toml": repo_files.CONFIG.format(province=tinh),
        "plans/co-quan.yaml": repo_files.REGISTRY,
        SCHEMA_FILES["plan"]: schema_json(),
        SCHEMA_FILES["registry"]: schema_json(registry=True),
        ".gitattributes": "\n".join(ATTRIBUTES) + "\n",
        ".pre-commit-config.yaml": repo_files.PRE_COMMIT.format(version=__version__),
        ".yamllint": repo_files.YAMLLINT,
        ".vscode/settings.json": repo_files.VSCODE,
        "mau-ci/github-actions.yml": repo_files.GITHUB.format(version=__version__),
        "mau-ci/gitlab-ci.yml": repo_files.GITLAB.format(version=__version__),
    }
    done = []
    for name, text in files.items():
        path = root / name
        if path.exists() or path.is_symlink():
            done.append((name, False))
            continue
        make_folder(path.parent)
        write_atomic(path, text.encode("utf-8"))
        done.append((name, True))
    return done
