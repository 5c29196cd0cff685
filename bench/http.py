"""The load generator: a small asyncio HTTP/1.1 client with keep-alive, and closed-loop runs.

No third-party client: the standard library's streams speak enough HTTP/1.1 for a JSON API
(Content-Length or chunked bodies, ``Connection: close`` honoured by reconnecting). One
process, one event loop; its own CPU time is measured and reported with every run, so a
saturated client would show.

A closed loop: each of N clients sends its next request as soon as the previous answer has
arrived, like N counters with a queue in front of them. Latency is measured from connecting
(when the connection must be opened) to the last byte read.
"""

import asyncio
import json
import math
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

REQUEST_TIMEOUT = 30.0  # seconds; a request that takes longer counts as an error


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float

    def json(self):
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: dict | None = None


class Connection:
    """One keep-alive connection to the server (reopened when the server closes it).

    Plain non-blocking sockets driven by the event loop (``loop.sock_*``), without asyncio's
    stream objects: a sync gunicorn worker closes every connection, so connecting is part
    of every request and must cost the shared CPUs as little as possible.
    """

    def __init__(self, host: str, port: int, *, token: str | None = None, extra_headers: dict | None = None):
        self.host, self.port = host, port
        headers = {"Host": f"{host}:{port}", "Accept": "application/json", **(extra_headers or {})}
        if token:
            headers["Authorization"] = f"Token {token}"
        self._headers = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        self._sock: socket.socket | None = None
        self._buffer = b""
        self.reconnects = 0

    async def _open(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            await asyncio.get_running_loop().sock_connect(sock, (self.host, self.port))
        except BaseException:
            sock.close()
            raise
        self._sock, self._buffer = sock, b""
        self.reconnects += 1

    async def close(self):
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _encode(self, request: Request) -> bytes:
        body = b"" if request.body is None else json.dumps(request.body).encode()
        head = f"{request.method} {request.path} HTTP/1.1\r\n{self._headers}"
        if request.body is not None:
            head += "Content-Type: application/json\r\n"
        head += f"Content-Length: {len(body)}\r\n\r\n"
        return head.encode("latin-1") + body

    async def send(self, request: Request) -> Response:
        """One request and its whole response; times it from connecting (if needed) to the last byte."""
        payload = self._encode(request)
        started = time.perf_counter()
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                if self._sock is None:
                    await self._open()
                await asyncio.get_running_loop().sock_sendall(self._sock, payload)
                status, body, keep_alive = await self._response()
        except BaseException:
            await self.close()
            raise
        seconds = time.perf_counter() - started
        if not keep_alive:
            await self.close()
        return Response(status=status, body=body, seconds=seconds)

    async def _response(self) -> tuple[int, bytes, bool]:
        lines = (await self._until(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self._exactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:  # the server closes the connection to end the body
            while await self._more():
                pass
            body, self._buffer = self._buffer, b""
            headers["connection"] = "close"
        return status, body, headers.get("connection", "").lower() != "close"

    async def _more(self) -> bool:
        chunk = await asyncio.get_running_loop().sock_recv(self._sock, 65536)
        self._buffer += chunk
        return bool(chunk)

    async def _until(self, delimiter: bytes) -> bytes:
        while (end := self._buffer.find(delimiter)) < 0:
            if not await self._more():
                raise asyncio.IncompleteReadError(self._buffer, None)
        found, self._buffer = self._buffer[:end], self._buffer[end + len(delimiter) :]
        return found

    async def _exactly(self, size: int) -> bytes:
        while len(self._buffer) < size:
            if not await self._more():
                raise asyncio.IncompleteReadError(self._buffer, size)
        found, self._buffer = self._buffer[:size], self._buffer[size:]
        return found

    async def _chunked(self) -> bytes:
        parts = []
        while size := int((await self._until(b"\r\n")).split(b";")[0], 16):
            parts.append(await self._exactly(size))
            await self._exactly(2)
        await self._until(b"\r\n")
        return b"".join(parts)


@dataclass
class RunResult:
    """What one closed-loop run measured (only requests started after the warm-up count)."""

    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # timeouts, refused connections: never expected
    client_cpu_seconds: float = 0.0
    requests_sent: int = 0
    wall_seconds: float = 0.0  # warm-up included

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def merge(self, other: "RunResult") -> "RunResult":
        merged = RunResult(clients=self.clients, seconds=self.seconds + other.seconds)
        merged.latencies = self.latencies + other.latencies
        merged.statuses = self.statuses + other.statuses
        merged.errors = self.errors + other.errors
        merged.client_cpu_seconds = self.client_cpu_seconds + other.client_cpu_seconds
        merged.requests_sent = self.requests_sent + other.requests_sent
        merged.wall_seconds = self.wall_seconds + other.wall_seconds
        return merged


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation: p99 of 100 samples is the 99th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = math.ceil(round(fraction * len(ordered), 9))
    return ordered[max(1, min(len(ordered), rank)) - 1]


NextRequest = Callable[[int], Request | None]  # client index -> its next request, None: stop
OnResponse = Callable[[int, Request, Response], None]


async def closed_loop(
    *,
    host: str,
    port: int,
    tokens: list[str],
    clients: int,
    duration: float,
    warmup: float,
    next_request: NextRequest,
    on_response: OnResponse | None = None,
    max_requests: int | None = None,
) -> RunResult:
    """``clients`` connections sending back to back for ``warmup`` + ``duration`` seconds.

    Client i authenticates with ``tokens[i % len(tokens)]``. The run also stops when
    ``next_request`` returns None or ``max_requests`` have been sent: every loop is bounded.
    """
    result = RunResult(clients=clients, seconds=duration)
    loop = asyncio.get_running_loop()
    begin = loop.time()
    measure_from, stop_at = begin + warmup, begin + warmup + duration
    cpu_start = time.process_time()
    budget = [max_requests if max_requests is not None else 10**9]

    async def client(index: int):
        connection = Connection(host, port, token=tokens[index % len(tokens)])
        try:
            while loop.time() < stop_at and budget[0] > 0:
                request = next_request(index)
                if request is None:
                    return
                budget[0] -= 1
                result.requests_sent += 1
                started = loop.time()
                try:
                    response = await connection.send(request)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                    result.errors[type(error).__name__] += 1
                    await asyncio.sleep(0.05)  # do not spin on a refused connection
                    continue
                if on_response is not None:
                    on_response(index, request, response)
                if measure_from <= started and loop.time() <= stop_at:
                    result.latencies.append(response.seconds)
                    result.statuses[response.status] += 1
        finally:
            await connection.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    result.client_cpu_seconds = time.process_time() - cpu_start
    result.wall_seconds = loop.time() - begin
    measured = min(loop.time(), stop_at) - measure_from
    result.seconds = max(measured, 1e-9)
    return result


async def one(host: str, port: int, request: Request, *, token: str | None = None) -> Response:
    """A single request on its own connection (set-up steps, polling)."""
    connection = Connection(host, port, token=token)
    try:
        return await connection.send(request)
    finally:
        await connection.close()
