-- Trainings: POST /run on a random key's model (simulated engine); a model already running answers 409,
-- which is counted as 4xx, not as an error. Runs finish by themselves and the next /run starts a retrain.
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local common = require("common")
local pairs_

function setup(thread) common.setup(thread) end
function init(args) pairs_ = common.load_pairs(os.getenv("LOAD_KEYS")) end

function request()
  local p = pairs_[math.random(#pairs_)]
  return wrk.format("POST", "/api/v3/custom_models/" .. p.id .. "/run", { ["Authorization"] = "Bearer " .. p.key })
end

function response(status) common.count(status) end
function done(summary, latency) common.done("train", summary, latency) end
