"""Nothing downloads or connects: loading and extracting work with the network unplugged."""

from __future__ import annotations

import socket

import pytest

import imr_nlp

from conftest import EXAMPLES


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_load_and_extract_never_touch_the_network(no_network, tmp_path):
    nlp = imr_nlp.load()
    record = imr_nlp.extract(EXAMPLES / "fdl-2014_b.txt", nlp)
    assert record.decisions[0].decision == "overturned"
    rules = imr_nlp.load(rules_only=True)
    rules.to_disk(tmp_path / "p")
    doc = imr_nlp.load(tmp_path / "p")("Upheld")
    assert doc.spans["ruler"][0].label_ == "DECISION"
