"""The shared cache's backend: Django's Redis cache, with one redis-py client per connection
pool instead of a new one for each call (foreignaffairs/core/redis_cache.py)."""

import socket
import threading
import uuid

import pytest

from foreignaffairs.core.redis_cache import SharedClientRedisCache

LIVE_REDIS = ("127.0.0.1", 6379)


def backend(location: str) -> SharedClientRedisCache:
    return SharedClientRedisCache(location, {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})


def redis_answers() -> bool:
    try:
        socket.create_connection(LIVE_REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


def test_every_call_uses_the_same_client_whatever_the_thread():
    cache = backend("redis://127.0.0.1:6379/5")  # no connection is made to build a client
    clients = [cache._cache.get_client(), cache._cache.get_client(write=True)]
    thread = threading.Thread(target=lambda: clients.append(cache._cache.get_client()))
    thread.start()
    thread.join()
    assert all(client is clients[0] for client in clients)


def test_the_cache_reads_and_writes_as_django_s_does():
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379 (`.ci/run` starts one)")
    cache = backend("redis://127.0.0.1:6379/5")
    try:
        assert cache.add("figure", {"incoming": 155}, 60)
        assert not cache.add("figure", {"incoming": 156}, 60)
        cache.set_many({"a": 1, "b": "Đà Nẵng"}, 60)
        assert cache.get_many(["figure", "a", "b"]) == {
            "figure": {"incoming": 155},
            "a": 1,
            "b": "Đà Nẵng",
        }
        assert cache.incr("a") == 2
        cache.delete("figure")
        assert cache.get("figure", "missing") == "missing"
    finally:
        cache.delete_many(["figure", "a", "b"])


def test_a_counter_is_raised_in_one_round_trip_and_only_if_it_exists():
    """The API throttle raises its counter on every request: one call to Redis, not Django's
    two (whether the key exists, then INCRBY); a missing counter is not created."""
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379 (`.ci/run` starts one)")
    cache = backend("redis://127.0.0.1:6379/5")
    client = cache._cache.get_client(write=True)
    try:
        with pytest.raises(ValueError):
            cache.incr("requests")
        assert cache.get("requests") is None
        cache.add("requests", 0, 60)
        sent = []
        real_execute = client.execute_command
        client.execute_command = lambda *args, **kwargs: (
            sent.append(args[0]) or real_execute(*args, **kwargs)
        )
        try:
            assert cache.incr("requests") == 1
            assert cache.incr("requests", 5) == 6
            assert cache.decr("requests") == 5
        finally:
            del client.execute_command
        assert sent == ["EVALSHA"] * 3
        assert 0 < client.ttl(cache.make_and_validate_key("requests")) <= 60
    finally:
        cache.delete("requests")
