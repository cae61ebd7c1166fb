-- Data uploads: PUT /api/v3/custom_models/{id}/data with a 1 s WAV and its transcript, random key, as type=test
-- (so the models' training data, and the length of their runs, stay the same while uploads pile up).
package.path = package.path .. ";" .. os.getenv("LOAD_DIR") .. "/?.lua"
local boundary = "loadbenchboundary7d1f"
local body

local function prepare()
  local f = assert(io.open(os.getenv("LOAD_WAV"), "rb"))
  local wav = f:read("*a")
  f:close()
  body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ntest\r\n"
    .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"audio_file\"; filename=\"load.wav\"\r\nContent-Type: audio/wav\r\n\r\n" .. wav .. "\r\n"
    .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"transcript_file\"; filename=\"load.txt\"\r\n\r\nthe patient has atrial fibrillation\r\n"
    .. "--" .. boundary .. "--\r\n"
end

require("common").define("upload", function(p)
  return wrk.format("PUT", "/api/v3/custom_models/" .. p.id .. "/data",
    { ["Authorization"] = "Bearer " .. p.key, ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, body)
end, prepare)
