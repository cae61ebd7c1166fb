-- Shared by the load scripts: the keys and models to use, per-thread status counters, and a one-line summary.
-- Each connection's thread reads bench/load's keys file (lines "KEY MODEL_ID"), written by run.sh.
local M = {}

function M.load_pairs(path)
  local pairs_ = {}
  for line in io.lines(path) do
    local key, id = line:match("^(%S+) (%d+)$")
    if key then pairs_[#pairs_ + 1] = { key = key, id = id } end
  end
  return pairs_
end

M.threads = {}

function M.setup(thread)
  table.insert(M.threads, thread)
end

function M.count(status)
  if status >= 500 then c5xx = (c5xx or 0) + 1
  elseif status == 429 then c429 = (c429 or 0) + 1
  elseif status >= 400 then c4xx = (c4xx or 0) + 1
  else c2xx = (c2xx or 0) + 1 end
end

function M.done(name, summary, latency)
  local n2, n4, n429, n5 = 0, 0, 0, 0
  for _, t in ipairs(M.threads) do
    n2 = n2 + (t:get("c2xx") or 0)
    n4 = n4 + (t:get("c4xx") or 0)
    n429 = n429 + (t:get("c429") or 0)
    n5 = n5 + (t:get("c5xx") or 0)
  end
  local e = summary.errors
  io.write(string.format("RESULT %s %.1f %.1f %.1f %d %d %d %d %d %d\n", name,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, n2, n4, n429, n5, e.connect + e.read + e.write + e.timeout))
end

-- Defines the wrk callbacks of a workload: make(pair) returns the request for a random key/model pair;
-- prepare(), if given, runs once per thread after the keys are read.
function M.define(name, make, prepare)
  local pairs_
  _G.setup = function(thread) M.setup(thread) end
  _G.init = function(args)
    pairs_ = M.load_pairs(os.getenv("LOAD_KEYS"))
    if prepare then prepare() end
  end
  _G.request = function() return make(pairs_[math.random(#pairs_)]) end
  _G.response = function(status) M.count(status) end
  _G.done = function(summary, latency) M.done(name, summary, latency) end
end

return M
