-- GET /api/landscape for a 200×200 Himmelblau picture, the window's top edge nudged by 1e-9 on every
-- request (and per thread), so each answer is computed afresh: the cache never hits.
dofile(os.getenv("BENCH_DIR") .. "/pace.lua")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
function request()
  n = n + 1
  local top = 5 + (n * 16 + id) * 1e-9
  return wrk.format("GET", string.format("/api/landscape?surface=himmelblau&grid=200&window=-5,5,-5,%.9f", top))
end
