#!/usr/bin/env bash
# The structure's certificate authority for its room broker (docs/CONSOLE.md): one identity per kiosk and per
# console, the broker's certificate, its ACL and its mosquitto configuration. Nothing travels with a password.
#
#     packaging/room-ca.sh init    CA_DIR                      # once: the authority (ca.key stays in CA_DIR)
#     packaging/room-ca.sh broker  CA_DIR HOST CONF_DIR [PORT]  # the broker's certificate, ACL and mosquitto.conf
#     packaging/room-ca.sh kiosk   CA_DIR NAME OUT_DIR          # a kiosk's identity: ca.crt identity.crt identity.key
#     packaging/room-ca.sh console CA_DIR NAME OUT_DIR          # a console's (its name starts with console-)
#
# HOST is the name or address kiosks use to reach the broker. A new console rewrites the ACL in every CONF_DIR
# made by "broker" (listed in CA_DIR/brokers); reload mosquitto after it.
set -euo pipefail

die() { echo "room-ca.sh: $*" >&2; exit 1; }
usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
command -v openssl >/dev/null 2>&1 || die "openssl is missing (apt install openssl)"
[ $# -ge 2 ] || { usage >&2; exit 2; }
COMMAND="$1"
CA="$2"
DAYS=3650
umask 077

valid_name() {
    [[ "$1" =~ ^[a-z0-9][a-z0-9-]{0,40}$ ]] || die "$1: a name is made of a-z, 0-9 and dashes"
}

# issue NAME OUT_DIR [extensions]: a key and a certificate for NAME, signed by the authority.
issue() {
    local name="$1" out="$2" extensions="$3"
    [ -f "$CA/ca.key" ] || die "$CA is not an authority: run 'room-ca.sh init $CA' first"
    mkdir -p "$out"
    openssl ecparam -name prime256v1 -genkey -noout -out "$out/identity.key" 2>/dev/null
    openssl req -new -key "$out/identity.key" -subj "/CN=$name" -out "$out/identity.csr"
    printf '%s\n' "$extensions" >"$out/extensions.cnf"
    openssl x509 -req -in "$out/identity.csr" -CA "$CA/ca.crt" -CAkey "$CA/ca.key" -CAcreateserial \
        -days "$DAYS" -sha256 -extfile "$out/extensions.cnf" -out "$out/identity.crt" 2>/dev/null
    rm -f "$out/identity.csr" "$out/extensions.cnf"
    cp "$CA/ca.crt" "$out/ca.crt"
    chmod 600 "$out/identity.key"
    chmod 644 "$out/identity.crt" "$out/ca.crt"
}

# The ACL: a kiosk writes only under kiosk/<its name>/ and reads only console/<its name>; each console reads
# every kiosk's topics and writes answers. %u is the name in the client's certificate.
write_acl() {
    local conf="$1" console
    {
        echo "# Written by packaging/room-ca.sh (docs/CONSOLE.md)."
        echo "pattern write kiosk/%u/status"
        echo "pattern write kiosk/%u/help"
        echo "pattern write kiosk/%u/activity"
        echo "pattern read console/%u"
        if [ -f "$CA/consoles" ]; then
            while read -r console; do
                [ -n "$console" ] || continue
                printf '\nuser %s\ntopic read kiosk/+/status\ntopic read kiosk/+/help\ntopic read kiosk/+/activity\ntopic write console/+\n' "$console"
            done <"$CA/consoles"
        fi
    } >"$conf/acl"
    chmod 644 "$conf/acl"
}

case "$COMMAND" in
    init)
        [ -e "$CA/ca.key" ] && die "$CA already holds an authority; nothing was changed"
        mkdir -p "$CA"
        openssl ecparam -name prime256v1 -genkey -noout -out "$CA/ca.key" 2>/dev/null
        openssl req -x509 -new -key "$CA/ca.key" -sha256 -days "$DAYS" -subj "/CN=France Services kiosk room CA" \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
            -out "$CA/ca.crt"
        chmod 644 "$CA/ca.crt"
        echo "authority made in $CA: keep $CA/ca.key on this machine only"
        ;;
    broker)
        [ $# -ge 4 ] || { usage >&2; exit 2; }
        HOST="$3" CONF="$(mkdir -p "$4" && cd "$4" && pwd)" PORT="${5:-8883}"
        if [[ "$HOST" =~ ^[0-9.]+$ ]]; then SAN="IP:$HOST"; else SAN="DNS:$HOST"; fi
        issue "room-broker" "$CONF" "subjectAltName=$SAN,IP:127.0.0.1
extendedKeyUsage=serverAuth"
        grep -qxF "$CONF" "$CA/brokers" 2>/dev/null || echo "$CONF" >>"$CA/brokers"
        write_acl "$CONF"
        mkdir -p "$CONF/data"
        cat >"$CONF/mosquitto.conf" <<CONF
# The room broker of France Services kiosks (written by packaging/room-ca.sh; docs/CONSOLE.md).
# TLS only, each client known by its certificate; no anonymous client, no password.
per_listener_settings false
allow_anonymous false
persistence true
persistence_location $CONF/data/
autosave_interval 10
max_queued_messages 10000
acl_file $CONF/acl
listener $PORT
cafile $CONF/ca.crt
certfile $CONF/identity.crt
keyfile $CONF/identity.key
require_certificate true
use_identity_as_username true
tls_version tlsv1.2
CONF
        chmod 644 "$CONF/mosquitto.conf"
        echo "broker's files in $CONF: mosquitto -c $CONF/mosquitto.conf (port $PORT)"
        ;;
    kiosk | console)
        [ $# -ge 4 ] || { usage >&2; exit 2; }
        NAME="$3" OUT="$4"
        valid_name "$NAME"
        if [ "$COMMAND" = console ]; then
            [[ "$NAME" == console-* ]] || die "a console's name starts with console- (e.g. console-accueil)"
            grep -qxF "$NAME" "$CA/consoles" 2>/dev/null || echo "$NAME" >>"$CA/consoles"
        else
            [[ "$NAME" == console-* ]] && die "a kiosk's name cannot start with console-"
        fi
        issue "$NAME" "$OUT" "extendedKeyUsage=clientAuth"
        if [ "$COMMAND" = console ] && [ -f "$CA/brokers" ]; then
            while read -r conf; do [ -d "$conf" ] && write_acl "$conf"; done <"$CA/brokers"
            echo "the brokers' ACL now names $NAME: reload mosquitto (systemctl reload mosquitto)"
        fi
        echo "identity of $NAME in $OUT (ca.crt identity.crt identity.key): copy it to that machine"
        ;;
    *) usage >&2; exit 2 ;;
esac
