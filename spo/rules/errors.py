"""The core's errors; the command line catches them in one place, words them in the user's
language and sets the exit code. Each carries a `Message`, never a sentence."""

from __future__ import annotations

from typing import Any

from spo.rules.message import Message


class SpoError(Exception):
    """Base of every error the core raises on purpose; `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message

    @classmethod
    def of(cls, key: str, /, **params: Any) -> SpoError:
        return cls(Message.of(key, **params))


class UsageError(SpoError):
    """The user asked for something that does not exist or makes no sense (exit 2)."""

    exit_code = 2


class RefusedWrite(SpoError):
    """A write that would make the registry invalid; nothing was written (exit 1)."""


class InternalError(SpoError):
    """A bug: data that passed validation and still could not be used (exit 1)."""
