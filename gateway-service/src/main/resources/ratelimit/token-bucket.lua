-- One token bucket per key, refilled continuously (the same rule as TokenBuckets in memory), on the
-- Redis server's clock so that every gateway instance agrees on it.
-- KEYS[1]: the bucket. ARGV[1]: capacity. ARGV[2]: period in microseconds (capacity per period).
-- Returns 0 when a token was taken, else the microseconds until the next token arrives.
local capacity = tonumber(ARGV[1])
local rate = capacity / tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(bucket[1])
local updated = tonumber(bucket[2])
if tokens == nil or updated == nil then
  tokens = capacity
else
  if now < updated then
    now = updated
  end
  tokens = math.min(capacity, tokens + (now - updated) * rate)
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'updated', string.format('%.0f', now))
-- a bucket that has refilled completely is the same as none: let Redis drop it then (plus a second)
redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.ceil((capacity - tokens) / rate / 1000) + 1000))
return wait
