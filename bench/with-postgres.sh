#!/usr/bin/env bash
# Runs a bench scenario with a throw-away PostgreSQL server beside it: starts a cluster from Debian's
# packages in a temporary folder on a free port, passes it as --postgres "<connection string>", and
# stops it afterwards. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
# Example: bash bench/with-postgres.sh http-scenario session search --clients 1,8
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U portal -E UTF8 >/dev/null
# Durable as a real server would be (fsync on), so the figures are comparable with SQLite's.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
trap '"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; rm -rf "$dir"' EXIT
"${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U portal bench

dotnet run -c Release --project bench/AiNative.Bench -- "$@" --postgres "Host=127.0.0.1;Port=$port;Username=portal;Database=bench"
