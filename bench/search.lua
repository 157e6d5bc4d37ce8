-- wrk script for bench/search.sh: one compose-box search (a composeExtension/query invoke) per
-- request, each with its own activity id, from the Teams identity the script linked to a manager.
-- Env: SEARCH_COMMAND (searchClients|searchContracts|searchEvents), SEARCH_TEXT (absent or empty:
-- the query Teams sends as the box opens), TENANT_ID, AAD_OBJECT_ID.
-- Prints one line: requests, answers that were not results, and latency percentiles in ms.

local command = os.getenv("SEARCH_COMMAND")
local text = os.getenv("SEARCH_TEXT") or ""
local tenant = os.getenv("TENANT_ID")
local aad = os.getenv("AAD_OBJECT_ID")

local parameter
if text == "" then
  parameter = '{"name":"initialRun","value":"true"}'
else
  parameter = '{"name":"query","value":"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"}'
end

local before_id = '{"type":"invoke","name":"composeExtension/query","id":"'
local after_id = '","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",'
  .. '"from":{"id":"29:search-bench","name":"Search Bench","aadObjectId":"' .. aad .. '"},'
  .. '"recipient":{"id":"28:bot","name":"Epic Events"},'
  .. '"conversation":{"id":"19:search-bench@thread.v2","conversationType":"groupChat","tenantId":"' .. tenant .. '"},'
  .. '"channelData":{"tenant":{"id":"' .. tenant .. '"}},"locale":"en-US",'
  .. '"value":{"commandId":"' .. command .. '","parameters":[' .. parameter .. '],"queryOptions":{"skip":0,"count":25}}}'
local headers = { ["Content-Type"] = "application/json" }

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- The bot drops an activity id it has seen, across runs too: ids start with the run's time.
  prefix = string.format("search-%d-%d-", os.time(), tid)
  seq = 0
  wrong = 0
end

function request()
  seq = seq + 1
  return wrk.format("POST", "/api/messages", headers, before_id .. prefix .. seq .. after_id)
end

function response(status, hdrs, body)
  if status ~= 200 or not body:find('"type":"result"', 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local wrong_total = 0
  for _, thread in ipairs(threads) do
    wrong_total = wrong_total + thread:get("wrong")
  end
  io.write(string.format("requests %d  not results %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    summary.requests, wrong_total, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
