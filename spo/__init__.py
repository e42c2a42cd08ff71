"""spo: the registry and command-line tool of a Social Policy Office."""

__version__ = "0.1.0"
