"""Run by a chosen interpreter (`python -I resource_probe.py`): prints, as JSON, where the `resources`
package is loaded from, every data file in it with its SHA-256, and the version `console` reports.

Standard library only, so that it runs in a venv that holds the wheel and nothing else.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from importlib.resources import files
from importlib.resources.abc import Traversable


def data_files(folder: Traversable, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                found.update(data_files(entry, f"{name}/"))
        elif not entry.name.endswith((".py", ".pyc")):
            found[name] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return found


def main() -> None:
    import console
    import resources

    print(json.dumps({
        "origin": str(files("resources")),
        "files": data_files(files("resources")),
        "stylesheet_starts": resources.read_text("dark.qss")[:2],
        "version": console.__version__,
        "metadata_version": version("saleday-console"),
    }))


if __name__ == "__main__":
    main()
