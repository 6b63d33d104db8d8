#!/usr/bin/env bash
# A private ClickHouse server in the foreground, for local runs without a container runtime (the Debian package's
# server, 18.16 on Debian 12). Everything lives under $CLICKHOUSE_BASE (data, logs, its config); it listens on loopback
# only, on one port: HTTP on $CLICKHOUSE_HTTP_PORT (what the platform uses; no native-protocol port).
# With $CLICKHOUSE_STOP_WITH_PID (the tests set it) the server also stops when that process is gone.
set -euo pipefail

base=${CLICKHOUSE_BASE:?CLICKHOUSE_BASE must name the server folder}
http_port=${CLICKHOUSE_HTTP_PORT:-8124}
server=/usr/bin/clickhouse-server
[ -x "$server" ] || server=/usr/sbin/clickhouse-server
[ -x "$server" ] || { echo "clickhouse-server is not installed (apt-get install clickhouse-server)" >&2; exit 1; }

base=$(cd "$(dirname "$base")" && pwd)/$(basename "$base")
mkdir -p "$base/data" "$base/tmp" "$base/user_files" "$base/log"
# The stock config writes into /var and /etc; this one keeps the server to its folder. Written each start, so a
# changed port applies. The default user has no password and may connect from loopback only.
cat > "$base/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <console>1</console>
        <log>$base/log/clickhouse-server.log</log>
        <errorlog>$base/log/clickhouse-server.err.log</errorlog>
        <size>10M</size>
        <count>2</count>
    </logger>
    <http_port>$http_port</http_port>
    <listen_host>127.0.0.1</listen_host>
    <max_connections>256</max_connections>
    <path>$base/data/</path>
    <tmp_path>$base/tmp/</tmp_path>
    <user_files_path>$base/user_files/</user_files_path>
    <users_config>$base/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
</yandex>
XML
cat > "$base/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>2000000000</max_memory_usage>
            <log_queries>0</log_queries>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks>
                <ip>127.0.0.1</ip>
                <ip>::1</ip>
            </networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
XML
cd "$base"
if [ -n "${CLICKHOUSE_STOP_WITH_PID:-}" ]; then
  # Started by a test process: the server goes when that process does, even one killed before it could stop the server.
  ( while kill -0 "$CLICKHOUSE_STOP_WITH_PID" 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 2; done; kill -TERM $$ 2>/dev/null ) >/dev/null 2>&1 &
fi
exec "$server" --config-file="$base/config.xml" 2>&1
