# bash completion for @NAME@. Load it with: source <(@NAME@ completion bash)
# Every candidate comes from '@NAME@ __complete WORDS...': one a line, then ':DIRECTIVE'.
_@FUNC@_complete() {
    local cur="${COMP_WORDS[COMP_CWORD]}" out line directive=4
    local -a values=()
    out=$(@NAME@ __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
    while IFS= read -r line; do
        case $line in
            :*) directive=${line#:} ;;
            ?*) values+=("${line%%$'\t'*}") ;;
        esac
    done <<< "$out"
    COMPREPLY=("${values[@]}")
    if [ ${#COMPREPLY[@]} -eq 0 ] && [ $(( ${directive:-4} & 4 )) -eq 0 ]; then
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
    return 0
}
complete -F _@FUNC@_complete @NAME@
