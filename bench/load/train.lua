-- Trainings: POST /run on a random key's model (simulated engine); a model already running answers 409,
-- which is counted as 4xx, not as an error. Runs finish by themselves and the next /run starts a retrain.
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
require("common").define("train", function(p)
  return wrk.format("POST", "/api/v3/custom_models/" .. p.id .. "/run", { ["Authorization"] = "Bearer " .. p.key })
end)
