-- wrk's summary as one line: requests, requests per second, mean and p50/p95/p99 latency, and every kind of error.
-- With WRK_COUNT_STATUS=1 it also counts responses by status (slower: used for the fault run, not the load figures).
local count_status = os.getenv("WRK_COUNT_STATUS") == "1"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, unavailable, server_error, other = 0, 0, 0, 0
end

if count_status then
  function response(status, headers, body)
    if status >= 200 and status < 300 then ok = ok + 1
    elseif status == 503 then unavailable = unavailable + 1
    elseif status >= 500 then server_error = server_error + 1
    else other = other + 1 end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "requests %d   %.1f req/s   mean %.2f ms   p50 %.2f ms   p95 %.2f ms   p99 %.2f ms   max %.1f ms   " ..
    "errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status))
  if count_status then
    local totals = { ok = 0, unavailable = 0, server_error = 0, other = 0 }
    for _, thread in ipairs(threads) do
      for name in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
    end
    io.write(string.format("statuses: 2xx %d, 503 %d, other 5xx %d, other %d\n", totals.ok, totals.unavailable, totals.server_error, totals.other))
  end
end
