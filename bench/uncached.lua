-- Defeats the output cache: every request carries a query string no other request has, so the page is rendered
-- (and the database read) every time. Used by bench/run.sh for paths written as "/path?uncached".
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?t=" .. id .. "&n=" .. counter)
end
