-- POST /api/race: one gd racer, exactly 1000 steps (tol 0 so it never stops early) on Himmelblau.
dofile(os.getenv("BENCH_DIR") .. "/pace.lua")
wrk.method = "POST"
wrk.path = "/api/race"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"surface": "himmelblau", "start": [0, 0], "steps": 1000, "tol": 0, "racers": [{"optimizer": "gd", "params": {"lr": 0.001}}]}'
