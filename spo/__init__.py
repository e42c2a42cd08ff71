"""spo: the registry and command-line tool of a Social Policy Office."""

# The one place the version is written: pyproject.toml reads it, `spo --version` shows it, and
# what `spo init` writes installs exactly this release.
__version__ = "0.1.0"

# The name spo is installed under (pip install spo-registry): "spo" on PyPI is another project's.
DISTRIBUTION = "spo-registry"
