"""Package data: stylesheets, icons, sounds and the example campaign, loaded the same way from a source
tree, an installed wheel or a frozen app."""

from importlib.resources import files


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return files(__name__).joinpath(name).read_bytes()
