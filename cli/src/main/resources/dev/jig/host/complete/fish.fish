# fish completion for @NAME@. Load it with: @NAME@ completion fish | source
# Every candidate comes from '@NAME@ __complete WORDS...': one a line, then ':DIRECTIVE'.
function __@FUNC@_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l directive 4
    set -l found 0
    for line in (@NAME@ __complete $tokens[2..-1] "$current" 2>/dev/null)
        if string match -q -- ':*' $line
            set directive (string sub -s 2 -- $line)
        else if test -n "$line"
            echo $line
            set found 1
        end
    end
    if test $found -eq 0; and test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path "$current"
    end
end
complete -c @NAME@ -f -a '(__@FUNC@_complete)'
