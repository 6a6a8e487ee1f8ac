"""A loopback Discord API (REST + gateway websocket) that the real discord.py client can log in to."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from . import payloads as p

API = "/api/v10"
WEBHOOK_MESSAGE = r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)"


@dataclass
class Recorded:
    method: str
    path: str
    body: Any
    at: float
    status: int = 0


@dataclass
class Fault:
    """Answer the next `times` requests matching method+path regex with this status."""

    method: str
    pattern: str
    status: int
    times: int = 1
    body: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)


class GatewayConnection:
    def __init__(self, ws: web.WebSocketResponse, shard: tuple[int, int]):
        self.ws = ws
        self.shard = shard
        self.seq = 0
        self.session_id: str | None = None
        self.heartbeats: list[float] = []


class DiscordEmulator:
    """Serve the routes discord.py needs; record every request; fail loudly on unknown routes."""

    def __init__(self, guild_ids=(p.GUILD_ID,), heartbeat_interval_ms: int = 41250, shards: int = 1):
        self.guild_ids = list(guild_ids)
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.shards = shards
        self.requests: list[Recorded] = []
        self.unknown: list[str] = []
        self.faults: list[Fault] = []
        self.messages: dict[int, dict] = {}
        self.originals: dict[str, dict] = {}
        self.threads: dict[int, dict] = {}
        self.interaction_messages: dict[str, dict] = {}
        self.synced: dict[str, list[dict]] = {}
        self.connections: list[GatewayConnection] = []
        self.identifies = 0
        self.resumes = 0
        self._ids = itertools.count(p.FIRST_SNOWFLAKE)
        self._changed = asyncio.Condition()
        self.app = web.Application(client_max_size=8 * 1024 * 1024)
        self.app.router.add_route("*", "/gateway{tail:.*}", self.gateway)
        self.app.router.add_route("*", API + "/{tail:.*}", self.rest)
        self.app.router.add_route("*", "/{tail:.*}", self.not_found)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # lifecycle -------------------------------------------------------------
    async def start(self) -> None:
        self._runner = web.AppRunner(self.app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for conn in list(self.connections):
            await conn.ws.close()
        if self._runner:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway/"

    def next_id(self) -> int:
        return next(self._ids)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate, timeout: float = 10.0):
        """Wait until predicate() is truthy (re-checked after each request or gateway event)."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("emulator: condition not met in time")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.2))

    # REST ------------------------------------------------------------------
    async def not_found(self, request: web.Request) -> web.Response:
        self.unknown.append(f"{request.method} {request.path}")
        return _json({"message": "404: Not Found", "code": 0}, 404)

    async def rest(self, request: web.Request) -> web.Response:
        body = await _read_body(request)
        path = request.path[len(API):]
        record = Recorded(request.method, path, body, time.monotonic())
        self.requests.append(record)
        try:
            response = await self._answer(request, path, body)
            record.status = response.status
            return response
        finally:
            await self._notify()

    async def _answer(self, request: web.Request, path: str, body: Any) -> web.Response:
        fault = self._fault_for(request.method, path)
        if fault:
            return _json(fault.body, fault.status, fault.headers)
        for method, pattern, handler in self._routes():
            match = re.fullmatch(pattern, path)
            if method == request.method and match:
                return await handler(request, body, **match.groupdict())
        self.unknown.append(f"{request.method} {path}")
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _fault_for(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.method == method and re.fullmatch(fault.pattern, path):
                fault.times -= 1
                return fault
        return None

    def _routes(self):
        return [
            ("GET", r"/users/@me", self.get_me),
            ("GET", r"/oauth2/applications/@me", self.get_application),
            ("GET", r"/gateway/bot", self.get_gateway_bot),
            ("GET", r"/gateway", self.get_gateway),
            ("PUT", r"/applications/(?P<app>\d+)/commands", self.put_commands),
            ("PUT", r"/applications/(?P<app>\d+)/guilds/(?P<guild>\d+)/commands", self.put_commands),
            ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self.interaction_callback),
            ("POST", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)", self.followup),
            ("GET", WEBHOOK_MESSAGE, self.get_webhook_msg),
            ("PATCH", WEBHOOK_MESSAGE, self.edit_webhook_msg),
            ("DELETE", WEBHOOK_MESSAGE, self.delete_msg),
            ("POST", r"/channels/(?P<channel>\d+)/messages", self.create_message),
            ("PATCH", r"/channels/(?P<channel>\d+)/messages/(?P<mid>\d+)", self.edit_channel_msg),
            ("POST", r"/channels/(?P<channel>\d+)/typing", self.typing),
            ("POST", r"/channels/(?P<channel>\d+)/messages/(?P<mid>\d+)/threads", self.create_thread),
        ]

    async def get_me(self, request, body):
        return _json(p.bot_user())

    async def get_application(self, request, body):
        return _json(p.application())

    async def get_gateway_bot(self, request, body):
        return _json({"url": f"ws://127.0.0.1:{self.port}/gateway", "shards": self.shards,
                      "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0,
                                              "max_concurrency": 1}})

    async def get_gateway(self, request, body):
        return _json({"url": f"ws://127.0.0.1:{self.port}/gateway"})

    async def put_commands(self, request, body, app, guild=None):
        out = [p.synced_command(cmd, self.next_id(), guild) for cmd in body]
        self.synced[guild or "global"] = out
        return _json(out)

    async def interaction_callback(self, request, body, iid, token):
        kind = body.get("type")
        data = body.get("data") or {}
        message = None
        if kind in (4, 5):
            message = p.message(self.next_id(), p.CHANNEL_ID, data, author=p.bot_user(), webhook=True)
            self.originals[token] = message
            self.messages[int(message["id"])] = message
        elif kind == 7:
            target = self.interaction_messages.get(token)
            if target is not None:
                target.update({k: v for k, v in data.items() if k in ("content", "embeds", "components")})
                message = target
        reply = {"interaction": {"id": iid, "type": 2, "response_message_id": message["id"] if message else None,
                                 "response_message_loading": kind == 5,
                                 "response_message_ephemeral": bool((data.get("flags") or 0) & 64)},
                 "resource": {"type": kind, **({"message": message} if message else {})}}
        return _json(reply)

    async def followup(self, request, body, app, token):
        message = p.message(self.next_id(), p.CHANNEL_ID, body, author=p.bot_user(), webhook=True)
        self.messages[int(message["id"])] = message
        return _json(message)

    async def get_webhook_msg(self, request, body, app, token, mid):
        msg = self.originals.get(token) if mid == "@original" else self.messages.get(int(mid))
        return _json(msg) if msg else _json({"message": "Unknown Message", "code": 10008}, 404)

    async def edit_webhook_msg(self, request, body, app, token, mid):
        msg = self.originals.get(token) if mid == "@original" else self.messages.get(int(mid))
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        msg.update({k: v for k, v in body.items() if k in ("content", "embeds", "components")})
        msg.setdefault("edits", 0)
        msg["edits"] += 1
        return _json(msg)

    async def delete_msg(self, request, body, app, token, mid):
        return web.Response(status=204)

    async def create_message(self, request, body, channel):
        message = p.message(self.next_id(), int(channel), body, author=p.bot_user())
        self.messages[int(message["id"])] = message
        return _json(message)

    async def edit_channel_msg(self, request, body, channel, mid):
        msg = self.messages.get(int(mid))
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, 404)
        msg.update({k: v for k, v in body.items() if k in ("content", "embeds", "components")})
        msg["edits"] = msg.get("edits", 0) + 1
        return _json(msg)

    async def create_thread(self, request, body, channel, mid):
        """A public thread on a message, owned by the bot; THREAD_CREATE follows on the gateway."""
        guild_id = p.GUILD_ID + (int(channel) - p.CHANNEL_ID)
        thread = p.thread(self.next_id(), int(channel), guild_id, body.get("name", ""), owner_id=p.BOT_ID)
        self.threads[int(thread["id"])] = thread
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True}, guild_id)
        return _json(thread)

    async def typing(self, request, body, channel):
        return web.Response(status=204)

    # gateway ---------------------------------------------------------------
    async def gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        conn = GatewayConnection(ws, (0, 1))
        self.connections.append(conn)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                await self._on_gateway(conn, json.loads(msg.data))
                await self._notify()
        finally:
            if conn in self.connections:
                self.connections.remove(conn)
            await self._notify()
        return ws

    async def _on_gateway(self, conn: GatewayConnection, frame: dict) -> None:
        op, data = frame.get("op"), frame.get("d")
        if op == 1:
            conn.heartbeats.append(time.monotonic())
            await conn.ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            self.identifies += 1
            conn.shard = tuple(data.get("shard") or (0, 1))
            conn.session_id = f"session-{self.next_id()}"
            await self.dispatch_to(conn, "READY", p.ready(conn.session_id, self.gateway_url, self._guilds_for(conn),
                                                          conn.shard))
            for gid in self._guilds_for(conn):
                await self.dispatch_to(conn, "GUILD_CREATE", p.guild(gid))
        elif op == 6:
            self.resumes += 1
            conn.session_id = data.get("session_id")
            conn.seq = data.get("seq") or 0
            await self.dispatch_to(conn, "RESUMED", {})
        elif op == 8:
            await self.dispatch_to(conn, "GUILD_MEMBERS_CHUNK", {"guild_id": str(data.get("guild_id")), "members": [],
                                                                 "chunk_index": 0, "chunk_count": 1,
                                                                 "nonce": data.get("nonce")})

    def _guilds_for(self, conn: GatewayConnection) -> list[int]:
        shard_id, count = conn.shard
        return [g for g in self.guild_ids if (g >> 22) % count == shard_id]

    async def dispatch_to(self, conn: GatewayConnection, event: str, data: dict) -> None:
        conn.seq += 1
        await conn.ws.send_str(json.dumps({"op": 0, "t": event, "s": conn.seq, "d": data}))

    async def dispatch(self, event: str, data: dict, guild_id: int | None = None) -> None:
        """Send an event on the shard that owns guild_id (shard 0 for DMs)."""
        conn = self._connection_for(guild_id)
        await self.dispatch_to(conn, event, data)

    def _connection_for(self, guild_id: int | None) -> GatewayConnection:
        live = [c for c in self.connections if c.session_id]
        if not live:
            raise RuntimeError("no identified gateway connection")
        if guild_id is None:
            return next((c for c in live if c.shard[0] == 0), live[0])
        return next(c for c in live if (guild_id >> 22) % c.shard[1] == c.shard[0])

    async def drop_gateway(self, code: int = 4000) -> None:
        for conn in list(self.connections):
            await conn.ws.close(code=code)

    # helpers for tests -------------------------------------------------------
    def payloads(self, method: str, pattern: str, ok_only: bool = True) -> list[Any]:
        """Bodies of matching requests (by default only those answered with a 2xx status)."""
        return [r.body for r in self.requests if r.method == method and re.fullmatch(pattern, r.path)
                and (not ok_only or 200 <= r.status < 300)]

    def outgoing(self) -> list[dict]:
        """Every message-like body the bot sent (messages, callbacks, followups, edits)."""
        out = []
        for r in self.requests:
            if r.method in ("POST", "PATCH") and isinstance(r.body, dict):
                if "/callback" in r.path:
                    out.append(r.body.get("data") or {})
                elif "/messages" in r.path or "/webhooks/" in r.path:
                    out.append(r.body)
        return out


async def _read_body(request: web.Request) -> Any:
    if request.content_type == "multipart/form-data":
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":
                return json.loads(await part.text())
        return {}
    raw = await request.read()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")


def _json(data: Any, status: int = 200, headers: dict | None = None) -> web.Response:
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})
