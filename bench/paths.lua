-- wrk script: requests random paths from a file, one path a line.
--   wrk -t2 -c200 -d20s --latency -s bench/paths.lua http://127.0.0.1:8080 -- FILE
local paths = {}
function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
