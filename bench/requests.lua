-- wrk script: send, in turn, the requests listed in a file, then print the
-- figures as one JSON line.
--   wrk ... --script bench/requests.lua <url> -- <requests file>
-- One request a line: METHOD, path, content type and body, separated by tabs;
-- a body's own newlines (NDJSON) are written as the byte 0x1E.

local requests = {}
local position = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path, content_type, body = line:match("^(%u+)\t([^\t]+)\t([^\t]*)\t(.*)$")
    -- wrk.format takes the given headers instead of those of the command line.
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    if content_type ~= "" then headers["Content-Type"] = content_type end
    if body == "" then body = nil else body = body:gsub("\30", "\n") end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
  file:close()
  -- Each thread starts at another place in the list.
  position = (wrk.thread:get("id") or 0) * 7919 % #requests
end

function setup(thread)
  thread_count = (thread_count or 0) + 1
  thread:set("id", thread_count)
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
