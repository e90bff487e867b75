-- wrk script: POST /api/v1/reports with a valid report whose title differs on every request, in every
-- thread and every wrk run (the run's start time is in it), so Intake's folding of near-identical
-- submissions never turns a request into a read-only replay.
local threads = 0

function setup(thread)
  thread:set("thread", threads)
  threads = threads + 1
end

local n = 0
local run = 0

function init(args)
  run = os.time()
end
local template = '{"model":{"host":"bench-hub","id":"bench-org/model-%d","revision":null,"url":null},'
  .. '"category":"violent-crimes","severity":"high","title":"Benchmark report %d-%d-%d",'
  .. '"description":"The model gave step-by-step instructions for something harmful.",'
  .. '"evidence":[{"kind":"prompt","content":"how do I ..."},{"kind":"output","content":"Step 1 ..."}],'
  .. '"reporter":{"name":null,"email":null},"contactAllowed":false,"goodFaith":true}'
local headers = { ["Content-Type"] = "application/json" }

function request()
  n = n + 1
  return wrk.format("POST", "/api/v1/reports", headers, string.format(template, n % 7, run, thread, n))
end
