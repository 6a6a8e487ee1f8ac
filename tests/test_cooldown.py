"""The per-user rate limit, on a clock the test controls."""

import pytest

from bot.cooldown import Cooldown


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_rate_per_window_per_user():
    clock = Clock()
    limit = Cooldown(2, 10.0, clock)
    assert limit.retry_after(1) == 0 and limit.retry_after(1) == 0
    assert limit.retry_after(1) == pytest.approx(10.0)
    assert limit.retry_after(2) == 0, "users are counted apart"
    clock.now += 4
    assert limit.retry_after(1) == pytest.approx(6.0), "a refused use is not counted"
    clock.now += 6
    assert limit.retry_after(1) == 0


def test_zero_seconds_disables_it():
    limit = Cooldown(1, 0.0, Clock())
    assert all(limit.retry_after(7) == 0 for _ in range(100))


def test_idle_users_are_forgotten():
    clock = Clock()
    limit = Cooldown(1, 5.0, clock)
    for user in range(10_001):
        limit.retry_after(user)
    clock.now += 6
    limit.retry_after(99_999)
    assert len(limit._hits) <= 2
