"""The core's errors; the command line catches them in one place and sets the exit code."""

from __future__ import annotations


class SpoError(Exception):
    """Base of every error the core raises on purpose; `exit_code` is what the CLI exits with."""

    exit_code = 1


class UsageError(SpoError):
    """The user asked for something that does not exist or makes no sense (exit 2)."""

    exit_code = 2


class RefusedWrite(SpoError):
    """A write that would make the registry invalid; nothing was written (exit 1)."""
