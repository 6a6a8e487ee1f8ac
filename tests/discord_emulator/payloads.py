"""Gateway and REST payloads with every field discord.py 2.7 reads (see docs/discord-testing.md)."""

from __future__ import annotations

import datetime

APP_ID = 700000000000000001
BOT_ID = APP_ID
GUILD_ID = 710000000000000000
CHANNEL_ID = 720000000000000000
DM_CHANNEL_ID = 730000000000000000
FIRST_SNOWFLAKE = 800000000000000000
NOW = "2026-11-27T12:00:00.000000+00:00"


def user(uid: int, name: str, bot: bool = False) -> dict:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
            "bot": bot, "public_flags": 0}


def bot_user() -> dict:
    return user(BOT_ID, "article-bot", bot=True)


def application() -> dict:
    return {"id": str(APP_ID), "name": "article-bot", "description": "", "icon": None, "bot_public": True,
            "bot_require_code_grant": False, "verify_key": "0" * 64, "owner": user(1, "owner"), "flags": 0,
            "team": None, "summary": "", "rpc_origins": [], "tags": []}


def ready(session_id: str, resume_url: str, guild_ids: list[int], shard: tuple[int, int]) -> dict:
    return {"v": 10, "user": bot_user(), "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
            "session_id": session_id, "resume_gateway_url": resume_url, "shard": list(shard),
            "application": {"id": str(APP_ID), "flags": 0}, "private_channels": [], "relationships": []}


def member(u: dict) -> dict:
    return {"user": u, "roles": [], "flags": 0, "joined_at": NOW, "deaf": False, "mute": False, "nick": None,
            "permissions": "2147483647"}


def guild(gid: int) -> dict:
    return {"id": str(gid), "name": f"guild-{gid}", "icon": None, "owner_id": "1", "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
            "features": [], "mfa_level": 0, "system_channel_flags": 0, "premium_tier": 0, "preferred_locale": "en-US",
            "nsfw_level": 0, "emojis": [], "stickers": [], "large": False, "unavailable": False, "member_count": 2,
            "roles": [{"id": str(gid), "name": "@everyone", "permissions": "2147483647", "position": 0, "color": 0,
                       "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
            "channels": [{"id": str(CHANNEL_ID + (gid - GUILD_ID)), "type": 0, "name": "general", "position": 0,
                          "permission_overwrites": [], "guild_id": str(gid), "nsfw": False, "topic": None,
                          "last_message_id": None, "rate_limit_per_user": 0}],
            "members": [member(bot_user())], "voice_states": [], "presences": [], "threads": [],
            "stage_instances": [], "guild_scheduled_events": [], "joined_at": NOW}


def thread(tid: int, parent_id: int, guild_id: int, name: str, owner_id: int) -> dict:
    return {"id": str(tid), "type": 11, "guild_id": str(guild_id), "parent_id": str(parent_id), "name": name,
            "owner_id": str(owner_id), "last_message_id": None, "rate_limit_per_user": 0, "message_count": 0,
            "member_count": 1, "flags": 0, "total_message_sent": 0, "applied_tags": [],
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": NOW,
                                "locked": False, "invitable": True, "create_timestamp": NOW}}


def channel_for(guild_id: int | None) -> int:
    return DM_CHANNEL_ID if guild_id is None else CHANNEL_ID + (guild_id - GUILD_ID)


def message(mid: int, channel_id: int, body: dict | None, author: dict, webhook: bool = False, **extra) -> dict:
    body = body or {}
    msg = {"id": str(mid), "channel_id": str(channel_id), "type": 0, "content": body.get("content") or "",
           "author": author, "embeds": body.get("embeds") or [], "components": body.get("components") or [],
           "attachments": [], "mentions": [], "mention_roles": [], "mention_everyone": False, "pinned": False,
           "tts": False, "timestamp": NOW, "edited_timestamp": None, "flags": body.get("flags") or 0}
    if webhook:
        msg["webhook_id"] = str(APP_ID)
    msg.update(extra)
    return msg


def user_message(mid: int, author: dict, content: str, guild_id: int | None = GUILD_ID,
                 mentions: list[dict] | None = None, reply_to: dict | None = None,
                 channel_id: int | None = None) -> dict:
    msg = message(mid, channel_id or channel_for(guild_id), {"content": content}, author)
    msg["mentions"] = mentions or []
    if guild_id is not None:
        msg["guild_id"] = str(guild_id)
        msg["member"] = {k: v for k, v in member(author).items() if k != "user"}
    if reply_to is not None:
        msg["type"] = 19
        msg["message_reference"] = {"message_id": reply_to["id"], "channel_id": reply_to["channel_id"],
                                    **({"guild_id": str(guild_id)} if guild_id else {})}
        msg["referenced_message"] = reply_to
    return msg


def interaction(iid: int, token: str, kind: int, data: dict, who: dict, guild_id: int | None = GUILD_ID,
                message_payload: dict | None = None, permissions: str = "2147483647") -> dict:
    payload = {"id": str(iid), "application_id": str(APP_ID), "type": kind, "token": token, "version": 1,
               "attachment_size_limit": 8 * 1024 * 1024, "data": data, "channel_id": str(channel_for(guild_id)),
               "channel": {"id": str(channel_for(guild_id)), "type": 0 if guild_id else 1, "name": "general"},
               "locale": "en-US", "app_permissions": "2147483647", "entitlements": [],
               "authorizing_integration_owners": {"0": str(guild_id)} if guild_id else {"1": who["id"]},
               "context": 0 if guild_id else 1}
    if guild_id is None:
        payload["user"] = who
    else:
        payload["guild_id"] = str(guild_id)
        payload["guild_locale"] = "en-US"
        payload["member"] = {**member(who), "permissions": permissions}
    if message_payload is not None:
        payload["message"] = message_payload
    return payload


def synced_command(cmd: dict, cid: int, guild: str | None) -> dict:
    out = {"id": str(cid), "application_id": str(APP_ID), "name": cmd["name"],
           "description": cmd.get("description", ""), "type": cmd.get("type", 1), "version": "1",
           "default_member_permissions": None, "dm_permission": True, "nsfw": False,
           "options": [{"type": o["type"], "name": o["name"], "description": o.get("description", ""),
                        "required": o.get("required", False), "autocomplete": o.get("autocomplete", False)}
                       for o in cmd.get("options", [])]}
    if guild:
        out["guild_id"] = guild
    return out


def stamp() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat()
