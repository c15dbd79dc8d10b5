#!/bin/sh
# Hostile plugins in POSIX sh, one per behaviour, chosen by the file's name (jig-<behaviour>).
# In protocol mode each answers like a good plugin until the request named by $HOSTILE_AT
# (initialize, hook or complete) comes, and misbehaves there. In run mode it says that it ran.
name=${0##*/jig-}
if [ "${1-}" != --jig-protocol ]; then
    echo "$name ran"
    exit 0
fi

# Hooks and completion only when asked for ($HOSTILE_HOOKS, $HOSTILE_COMPLETION), so that a probe
# is only a probe.
hooks=
[ -n "${HOSTILE_HOOKS-}" ] && hooks='"prerun","postrun"'
completion=false
[ -n "${HOSTILE_COMPLETION-}" ] && completion=true

answer() { # $1 method, $2 id
    case $1 in
        initialize) printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":1,"plugin":{"name":"%s","version":"1.0.0","hooks":[%s],"completion":%s}}}\n' "$2" "$name" "$hooks" "$completion" ;;
        hook) printf '{"jsonrpc":"2.0","id":%s,"result":{"action":"continue"}}\n' "$2" ;;
        complete) printf '{"jsonrpc":"2.0","id":%s,"result":{"candidates":[{"value":"alpha"},{"value":"beta"}]}}\n' "$2" ;;
        *) printf '{"jsonrpc":"2.0","id":%s,"error":{"code":-32601,"message":"method not found"}}\n' "$2" ;;
    esac
}

misbehave() { # $1 method, $2 id
    case $name in
        garbage)
            i=0
            while [ $i -lt 100 ]; do
                echo "garbage $i <<>> {{{ not json"
                i=$((i + 1))
            done ;;
        halfline)
            printf '{"jsonrpc":"2.0","id":%s,"res' "$2"
            exit 0 ;;
        badutf8)
            printf '{"jsonrpc":"2.0","id":%s,"result":{"action":"\377\376\300\200"}}\n' "$2" ;;
        banner)
            echo "Welcome to $name 1.0! Type 'help' for help."
            answer "$1" "$2" ;;
        exitzero)
            exit 0 ;;
        holder)
            # A grandchild that keeps stdout and stderr open and outlives its parent.
            ( sleep "$HOSTILE_SLEEP" & )
            exit 0 ;;
        deaf)
            trap '' TERM
            sleep "$HOSTILE_SLEEP" ;;
        lingerer)
            # Answers, then ignores the end of its input and SIGTERM.
            trap '' TERM
            answer "$1" "$2"
            exec sleep "$HOSTILE_SLEEP" </dev/null ;;
    esac
}

while IFS= read -r line; do
    case $line in
        *'"method":"initialize"'*) method=initialize ;;
        *'"method":"hook"'*) method=hook ;;
        *'"method":"complete"'*) method=complete ;;
        *'"method":'*) method=other ;;
        *) continue ;;
    esac
    id=${line#*\"id\":}
    id=${id%%[,\}]*}
    if [ "$method" = "${HOSTILE_AT-}" ]; then
        misbehave "$method" "$id"
    else
        answer "$method" "$id"
    fi
done
exit 0
