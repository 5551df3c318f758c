-- GET /api/landscape for a 200×200 Himmelblau picture: the same request every time (served from the cache).
dofile(os.getenv("BENCH_DIR") .. "/pace.lua")
wrk.path = "/api/landscape?surface=himmelblau&grid=200"
