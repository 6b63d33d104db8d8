#!/usr/bin/env bash
# A private RabbitMQ node in the foreground, for local runs without a container runtime.
# Everything lives under $RABBITMQ_BASE (data, logs, cookie); it listens on $RABBITMQ_NODE_PORT only, and uses its
# own epmd port, so stopping it (SIGTERM/SIGINT) can stop that epmd too without touching any other Erlang node.
set -euo pipefail

base=${RABBITMQ_BASE:?RABBITMQ_BASE must name the node folder}
port=${RABBITMQ_NODE_PORT:-5673}
bin=/usr/lib/rabbitmq/bin
[ -x "$bin/rabbitmq-server" ] || { echo "rabbitmq-server is not installed (apt-get install rabbitmq-server)" >&2; exit 1; }

mkdir -p "$base/mnesia" "$base/log" "$base/home"
export HOME="$base/home"
export RABBITMQ_NODENAME="platform${port}@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=${RABBITMQ_DIST_PORT:-$((port + 20000))}
export ERL_EPMD_PORT=${ERL_EPMD_PORT:-$((port - 1200))}
export RABBITMQ_MNESIA_BASE="$base/mnesia"
export RABBITMQ_LOG_BASE="$base/log"
export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
export RABBITMQ_PID_FILE="$base/node.pid"
export RABBITMQ_CONFIG_FILE="$base/rabbitmq"
# An Erlang VM that dies (the node, or rabbitmqctl run after the folder went away) writes its crash dump here, never
# into whatever folder the script was started from.
export ERL_CRASH_DUMP="$base/log/erl_crash.dump"
[ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
# Quiet start-up, no management listener; guest may connect from loopback only (RabbitMQ's default).
[ -f "$base/rabbitmq.conf" ] || printf 'log.console = true\nlog.console.level = warning\nlog.file = false\n' > "$base/rabbitmq.conf"

"$bin/rabbitmq-server" &
node=$!

stop() {
  trap - TERM INT
  "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || kill -TERM "$node" 2>/dev/null || true
  wait "$node" 2>/dev/null || true
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
  exit 0
}
trap stop TERM INT

"$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" wait "$RABBITMQ_PID_FILE" --timeout 60 >/dev/null 2>&1 && echo "rabbitmq ready on 127.0.0.1:$port"
wait "$node"
status=$?
epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
exit $status
