"""Servers the tests start on 127.0.0.1: a free port, waiting for a process to listen, stopping it, and serving a
stand-in HTTP or TCP server from a thread — one definition for the Oxigraph server, Virtuoso and the stand-ins."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, what: str, seconds: float) -> None:
    """Wait until ``process`` listens on ``port``; fail the test with the end of its ``log`` if it dies or is late."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{what} did not start: {log.read_text(errors='replace')[-500:]}")
            time.sleep(0.1)


def stop(process: subprocess.Popen[bytes], seconds: float = 10) -> None:
    """Ask ``process`` to end; kill it when it does not within ``seconds``."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def serving(server: socketserver.BaseServer) -> Iterator[str]:
    """Serve ``server`` (bound to 127.0.0.1, port 0) from a thread; yield ``http://127.0.0.1:PORT``; shut it down."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
