"""Django's Redis cache backend, keeping one redis-py client per connection pool, and raising
a counter in one round trip.

Django builds a new `redis.Redis` for every cache call (`RedisCacheClient.get_client`), and
redis-py's constructor fills a table of about 170 response callbacks each time: a tenth of an
API list request, which makes four cache calls. A client only borrows connections from its
pool and is safe to share between threads, so one per pool serves every call.

Django's `incr` asks whether the key exists, then raises it: two round trips on every API
request (the throttle's counter), and a key expiring between the two would be created again
without an expiry. One Lua script does both at once.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

# Raise an existing counter; nil (None in Python) when the key does not exist.
INCR_EXISTING = """
if redis.call("EXISTS", KEYS[1]) == 1 then
    return redis.call("INCRBY", KEYS[1], ARGV[1])
end
return nil
"""


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._incr_existing = None  # the script, registered on first use

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        if self._incr_existing is None:
            self._incr_existing = client.register_script(INCR_EXISTING)
        value = self._incr_existing(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class SharedClientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with one client per connection pool."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
