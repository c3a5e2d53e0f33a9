"""A TCP proxy on loopback that a test can freeze: connections stay open but nothing
passes, as when a database server hangs or a network path goes dark."""

from __future__ import annotations

import asyncio
import contextlib


class FreezableProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.frozen = False
        self.server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> FreezableProxy:
        self.server = await asyncio.start_server(self._connected, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 2)

    async def _thawed(self) -> None:
        while self.frozen:
            await asyncio.sleep(0.02)

    async def _connected(self, client_reader, client_writer) -> None:
        await self._thawed()  # a dark path: the connection opens, nothing comes back
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            self._pump(client_reader, upstream_writer), self._pump(upstream_reader, client_writer),
            return_exceptions=True,
        )

    async def _pump(self, reader, writer) -> None:
        try:
            while data := await reader.read(65536):
                await self._thawed()
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.close()
