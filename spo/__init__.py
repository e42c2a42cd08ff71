"""spo: the registry and command-line tool of a Social Policy Office."""

# The one place the version is written: pyproject.toml reads it, `spo --version` shows it, and
# what `spo init` writes installs exactly this release.
__version__ = "0.1.0"

# The name spo is installed under (pip install spo-registry): "spo" on PyPI is another project's.
DISTRIBUTION = "spo-registry"


def __getattr__(name: str) -> object:
    """`spo.Registry`, `spo.open` and the rest of `spo.api`'s names, imported when first asked
    for (PEP 562), so that `spo --version` stays as light as this module."""
    import importlib  # not `from spo import api`: that asks this function for "api" first

    api = importlib.import_module("spo.api")
    if name.startswith("__") or name not in api.__all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(api, name)
