#compdef @NAME@
# zsh completion for @NAME@. Install as _@NAME@ in a directory of $fpath, or: source <(@NAME@ completion zsh)
# Every candidate comes from '@NAME@ __complete WORDS...': one a line, then ':DIRECTIVE'.
_@FUNC@() {
    local -a lines values
    local line value directive=4
    lines=("${(@f)$(@NAME@ __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    for line in "${lines[@]}"; do
        case $line in
            :*) directive=${line#:} ;;
            ?*)
                value=${line%%$'\t'*}
                if [[ $line == *$'\t'* ]]; then
                    values+=("${value//:/\\:}:${line#*$'\t'}")
                else
                    values+=("${value//:/\\:}")
                fi
                ;;
        esac
    done
    if (( ${#values} )); then
        _describe -V -t @FUNC@-values '@NAME@' values
    elif (( (directive & 4) == 0 )); then
        _files
    fi
}
if [[ "$funcstack[1]" == "_@FUNC@" ]]; then
    _@FUNC@ "$@"
else
    compdef _@FUNC@ @NAME@
fi
