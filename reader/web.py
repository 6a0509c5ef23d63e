"""Fetching a web page: ``reader https://…``.

One GET with the standard library: redirects followed (at most ten), a timeout on
connecting and on every read, a limit on the whole time and on the size. Whatever goes
wrong is an InputError of one line naming the address.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from reader import __version__
from reader.textio import MAX_BYTES, InputError, _megabytes

TIMEOUT = 20.0  # seconds to connect, and between two reads
TOTAL_TIME = 60.0  # seconds for the whole page
MAX_PAGE_BYTES = MAX_BYTES

_KINDS = (
    ("html", ("text/html", "application/xhtml+xml", "application/xml", "text/xml")),
    ("epub", ("application/epub+zip",)),
    ("markdown", ("text/markdown", "text/x-markdown")),
    ("text", ("text/plain",)),
)


@dataclass(frozen=True)
class Page:
    url: str  # where the page was found, after redirects
    data: bytes
    kind: str | None  # html, epub, markdown or text; None when the server does not say
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 10


def fetch(url: str, timeout: float | None = None) -> Page:
    """Fetch a page; raise InputError with one line on any network or HTTP error."""
    timeout = TIMEOUT if timeout is None else timeout
    request = urllib.request.Request(url, headers={
        "User-Agent": f"reader/{__version__} (a terminal reader)",
        "Accept": "text/html,application/xhtml+xml,application/epub+zip,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity",
    })
    opener = urllib.request.build_opener(_Redirects)
    deadline = time.monotonic() + TOTAL_TIME
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_PAGE_BYTES:
                raise InputError(f"{url}: too large ({_megabytes(int(length))}; the limit is "
                                 f"{_megabytes(MAX_PAGE_BYTES)})")
            chunks, total = [], 0
            while True:
                chunk = response.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > MAX_PAGE_BYTES:
                    raise InputError(f"{url}: too large (more than the limit of {_megabytes(MAX_PAGE_BYTES)})")
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: timed out (the page took more than {TOTAL_TIME:g} s)")
            content_type = response.headers.get("Content-Type", "")
            final = response.geturl() or url
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        reason = exc.reason if isinstance(exc.reason, str) else ""
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"{url}: too many redirects") from None
        raise InputError(f"{url}: HTTP {exc.code}{' ' + reason if reason else ''}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: {_network_reason(exc.reason, timeout)}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url}: timed out (no answer in {timeout:g} s)") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(f"{url}: {_network_reason(exc, timeout)}") from None
    kind, charset = _content_type(content_type)
    data = b"".join(chunks)
    if kind is None and content_type and not data.lstrip()[:1] == b"<":
        mime = content_type.split(";")[0].strip()
        raise InputError(f"{url}: not a web page or text ({mime})")
    return Page(final, data, kind, charset)


def _content_type(value: str) -> tuple[str | None, str | None]:
    mime = value.split(";")[0].strip().lower()
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", value, re.I)
    charset = m.group(1) if m else None
    for kind, mimes in _KINDS:
        if mime in mimes:
            return kind, charset
    return None, charset


def _network_reason(reason, timeout: float) -> str:
    """What went wrong, in a few words."""
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out (no answer in {timeout:g} s)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, socket.gaierror):
        return "no such host"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the site's certificate was refused ({reason.verify_message or reason})"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError):
        return f"cannot connect: {reason.strerror or reason}"
    text = " ".join(str(reason).split())
    return text or "cannot fetch the page"
