-- Status checks: every request polls GET /api/v3/custom_models/{id} with a random one of the keys.
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
require("common").define("poll", function(p)
  return wrk.format("GET", "/api/v3/custom_models/" .. p.id, { ["Authorization"] = "Bearer " .. p.key })
end)
