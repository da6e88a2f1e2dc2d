-- The sign-in guard's count for one account at one address (the same rules as SignInFailures in memory), on the
-- Redis server's clock so that every gateway instance agrees on it.
-- KEYS[1]: the count. ARGV[1]: 'admit', or the outcome of an admitted attempt: 'FAILED', 'SUCCEEDED', 'UNKNOWN'.
-- ARGV[2]: wrong passwords before a pause; ARGV[3]: the first pause, ARGV[4]: the longest, ARGV[5]: how long a
-- count is kept after its last wrong password, ARGV[6]: how long an admitted attempt may stay unanswered before
-- it no longer counts (an instance that stopped before it finished); all in microseconds.
-- Returns 0 when admitted (or finished), else the microseconds until the address may try the account again.
local op = ARGV[1]
local allowance = tonumber(ARGV[2])
local first = tonumber(ARGV[3])
local longest = tonumber(ARGV[4])
local forget = tonumber(ARGV[5])
local stale = tonumber(ARGV[6])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local h = redis.call('HMGET', KEYS[1], 'failures', 'pending', 'lastFailure', 'pausedUntil', 'pendingSince')
local failures = tonumber(h[1]) or 0
local pending = tonumber(h[2]) or 0
local lastFailure = tonumber(h[3]) or 0
local pausedUntil = tonumber(h[4]) or 0
local pendingSince = tonumber(h[5]) or 0
if pending > 0 and now - pendingSince > stale then
  pending = 0
end
if pending == 0 and now >= pausedUntil and (failures == 0 or now - lastFailure >= forget) then
  failures = 0
  pausedUntil = 0
end
local result = 0
if op == 'admit' then
  if now < pausedUntil then
    result = pausedUntil - now
  elseif (failures >= allowance and pending == 0) or (failures < allowance and failures + pending < allowance) then
    pending = pending + 1
    pendingSince = now
  else
    result = 1000000
  end
else
  if pending > 0 then
    pending = pending - 1
  end
  if op == 'SUCCEEDED' then
    failures = 0
    pausedUntil = 0
  elseif op == 'FAILED' then
    failures = failures + 1
    lastFailure = now
    if failures >= allowance then
      local pause = first
      local i = allowance
      while i < failures and pause < longest do
        pause = pause * 2
        i = i + 1
      end
      if pause > longest then
        pause = longest
      end
      pausedUntil = now + pause
    end
  end
end
if failures == 0 and pending == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'failures', failures, 'pending', pending,
    'lastFailure', string.format('%.0f', lastFailure), 'pausedUntil', string.format('%.0f', pausedUntil),
    'pendingSince', string.format('%.0f', pendingSince))
  local keep = math.max(forget, pausedUntil - now) + stale
  redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.ceil(keep / 1000)))
end
return result
