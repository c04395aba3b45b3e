#!/usr/bin/env python3
"""A TCP proxy on loopback that delays every byte by DELAY_MS in each direction (a round trip gains 2 x DELAY_MS),
without limiting the rate: each read is forwarded DELAY_MS after it arrived, in order. For bench/chunking.sh.

    python3 bench/delay_proxy.py LISTEN_PORT TARGET_PORT [DELAY_MS=25]
"""
import asyncio
import sys
import time

LISTEN, TARGET = int(sys.argv[1]), int(sys.argv[2])
DELAY = (float(sys.argv[3]) if len(sys.argv) > 3 else 25.0) / 1000.0


async def pump(reader, writer):
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(deliver())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            queue.put_nowait((time.monotonic() + DELAY, data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((time.monotonic() + DELAY, None))
    try:
        await sender
    except (ConnectionError, OSError):
        pass


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", TARGET)
    except OSError:
        client_writer.close()
        return
    for w in (client_writer, server_writer):
        sock = w.get_extra_info("socket")
        if sock is not None:
            import socket
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    await asyncio.gather(pump(client_reader, server_writer), pump(server_reader, client_writer))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", LISTEN)
    print(f"delaying 127.0.0.1:{LISTEN} -> 127.0.0.1:{TARGET} by {DELAY * 1000:.0f} ms each way", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
