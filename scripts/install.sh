#!/bin/sh
# Installs jig from its distribution archive (jig-VERSION.tar.gz, built into cli/target/ by the
# build) under a prefix, or removes exactly what it installed there.
#
# Usage: scripts/install.sh [--prefix DIR] [--archive FILE] [--uninstall]
#   --prefix DIR    where to install; default ~/.local
#   --archive FILE  the archive; default the newest cli/target/jig-*.tar.gz beside this script
#   --uninstall     remove what an earlier install put under DIR, and the directories it created
#
# Installs PREFIX/lib/jig/ (launcher, jar, README), PREFIX/bin/jig (a link to the launcher), and
# the completion scripts where bash, zsh and fish look under PREFIX/share. Running it again
# upgrades in place. PREFIX/lib/jig/install-manifest says what was installed.
set -eu

die() {
    echo "install.sh: $*" >&2
    exit 1
}

prefix=${HOME:-}/.local archive= uninstall=
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --archive) [ $# -ge 2 ] || die "--archive needs a file"; archive=$2; shift 2 ;;
        --archive=*) archive=${1#--archive=}; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) die "unknown argument '$1'; usage: install.sh [--prefix DIR] [--archive FILE] [--uninstall]" ;;
    esac
done
case $prefix in
    /*) ;;
    '') die "no prefix: HOME is not set; pass --prefix DIR" ;;
    *) prefix=$(pwd)/$prefix ;;
esac

home=$prefix/lib/jig
manifest=$home/install-manifest
# Where each shell looks for completions under a prefix, and the file names they expect.
completions="share/bash-completion/completions/jig share/zsh/site-functions/_jig share/fish/vendor_completions.d/jig.fish"

# Removes what the manifest lists: files, the jig tree (with the class archive the launcher
# writes beside the jar), then the directories the install created, deepest first, if empty.
remove_installed() {
    dirs=
    while read -r kind path; do
        case $kind in
            file) rm -f "$prefix/$path" ;;
            tree) rm -rf "${prefix:?}/$path" ;;
            dir) dirs="$path $dirs" ;;
        esac
    done < "$1"
    for dir in $dirs; do
        if [ "$dir" = . ]; then
            rmdir "$prefix" 2>/dev/null || true
        else
            rmdir "$prefix/$dir" 2>/dev/null || true
        fi
    done
}

# The launcher trains its class-data archive beside the jar in the background, under a lock
# directory; removing the tree under a running training would let it create files again.
wait_for_training() {
    waited=0
    while ls -d "$home"/lib/jig-*.lock >/dev/null 2>&1 && [ $waited -lt 150 ]; do
        sleep 1
        waited=$((waited + 1))
    done
}

if [ -n "$uninstall" ]; then
    wait_for_training
    [ -f "$manifest" ] || die "nothing to uninstall: $manifest does not exist"
    saved=$(mktemp)
    cp "$manifest" "$saved"
    remove_installed "$saved"
    rm -f "$saved"
    echo "jig uninstalled from $prefix"
    exit 0
fi

if [ -z "$archive" ]; then
    here=$(cd "$(dirname "$0")" && pwd)
    archive=$(ls -t "$here"/../cli/target/jig-*.tar.gz 2>/dev/null | head -n 1) || true
    [ -n "$archive" ] || die "no archive in cli/target: build it with './mvnw -B package -DskipTests' or pass --archive FILE"
fi
[ -f "$archive" ] || die "archive '$archive' does not exist"
if [ -e "$prefix/bin/jig" ] || [ -h "$prefix/bin/jig" ]; then
    [ -f "$manifest" ] || die "$prefix/bin/jig exists and was not installed by this script: remove it or pick another --prefix"
fi

# Directories that do not exist yet are this install's (or an earlier one's, by its manifest).
created=
if [ -f "$manifest" ]; then
    created=$(sed -n 's/^dir //p' "$manifest")
fi
for dir in "" bin lib share share/bash-completion share/bash-completion/completions share/zsh \
        share/zsh/site-functions share/fish share/fish/vendor_completions.d; do
    if [ ! -d "$prefix/$dir" ]; then
        created="$created ${dir:-.}"
    fi
done
mkdir -p "$prefix/bin" "$prefix/lib" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" \
    || die "cannot create directories under $prefix"

# Unpacked beside its final place, then renamed: the old tree is replaced in one step.
stage=$prefix/lib/.jig-install.$$
trap 'rm -rf "$stage"' EXIT INT TERM
mkdir "$stage"
tar -xzf "$archive" -C "$stage" 2>/dev/null || die "cannot unpack '$archive': not a gzip tar archive?"
set -- "$stage"/jig-*
[ $# -eq 1 ] && [ -f "$1/bin/jig" ] && [ -f "$1/lib/jig.jar" ] \
    || die "'$archive' is not a jig archive: it needs jig-VERSION/bin/jig and jig-VERSION/lib/jig.jar"
top=$1
for file in $completions; do
    [ -f "$top/$file" ] || die "'$archive' is not a jig archive: it lacks $file"
done

{
    for dir in $created; do
        echo "dir $dir"
    done
    echo "tree lib/jig"
    echo "file bin/jig"
    for file in $completions; do
        echo "file $file"
    done
} > "$top/install-manifest"

for file in $completions; do
    cp "$top/$file" "$prefix/$file.new.$$"
    mv -f "$prefix/$file.new.$$" "$prefix/$file"
done
mkdir "$stage/new"
for entry in bin lib README.md install-manifest; do
    mv "$top/$entry" "$stage/new/$entry"
done
if [ -d "$home" ]; then
    wait_for_training
    mv "$home" "$stage/old"
fi
mv "$stage/new" "$home"
ln -s ../lib/jig/bin/jig "$prefix/bin/.jig.new.$$"
mv -f "$prefix/bin/.jig.new.$$" "$prefix/bin/jig"
echo "jig installed in $prefix: $("$prefix/bin/jig" --version)"
case ":${PATH:-}:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to your PATH to run it as 'jig'" ;;
esac
