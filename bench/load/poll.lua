-- Status checks: every request polls GET /api/v3/custom_models/{id} with a random one of the keys.
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local common = require("common")
local pairs_

function setup(thread) common.setup(thread) end
function init(args) pairs_ = common.load_pairs(os.getenv("LOAD_KEYS")) end

function request()
  local p = pairs_[math.random(#pairs_)]
  return wrk.format("GET", "/api/v3/custom_models/" .. p.id, { ["Authorization"] = "Bearer " .. p.key })
end

function response(status) common.count(status) end
function done(summary, latency) common.done("poll", summary, latency) end
