-- Shared by the scenarios: with PACE_MS set, each connection waits that long between requests,
-- so -c4 and PACE_MS=20 offer about 200 requests/s (wrk has no -R; Debian has no wrk2). Latency
-- is measured per request, without the wait.
local pace = tonumber(os.getenv("PACE_MS") or "")
function delay()
  return pace or 0
end
