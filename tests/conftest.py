"""Shared by every test: reports of internal errors go to a temporary state directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def state_home(tmp_path_factory, monkeypatch):
    """XDG_STATE_HOME for the test and the processes it starts: an internal error's report
    (reader.failure) is written there, never under the real home directory."""
    path = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(path))
    return path


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory, monkeypatch):
    """XDG_CACHE_HOME for the test and the processes it starts: library indexes are made
    there, never under the real home directory."""
    path = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(path))
    return path
