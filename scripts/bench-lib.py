#!/usr/bin/env python3
"""Measurements and report for scripts/bench (standard library only).

scripts/bench builds jig and compiles the C plugins, then runs this. It sets up an isolated HOME
under bench/work, times each command with time.perf_counter_ns around subprocess.run (stdin,
stdout and stderr on /dev/null), checks what the numbers depend on (the launcher's fast path was
taken, a warm cache starts no plugin, every hook plugin got its hooks in every run), runs the JMH
codec benchmark and the session and hook round trips, and writes bench/results.md.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

NS_PER_MS = 1_000_000
MIB = 1024 * 1024

# The Python hook plugin: what hook.c does, written the way a small real plugin would be (the json
# module, one message per line). @PYTHON@ becomes the interpreter running the bench.
PYTHON_HOOK = """#!@PYTHON@
import json
import os
import sys
import time


def note(line):
    log = os.environ.get("BENCH_HOOK_LOG")
    if log:
        with open(log, "a") as f:
            f.write(line + "\\n")


def main():
    start = time.monotonic_ns()
    name = os.path.basename(sys.argv[0])
    name = name[4:] if name.startswith("jig-") else name
    if sys.argv[1:2] != ["--jig-protocol"]:
        print("hook plugin: nothing to run")
        return
    initialized = hooks = 0
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if not isinstance(message, dict) or "id" not in message or "method" not in message:
            continue
        result = {}
        if message["method"] == "initialize":
            result = {"protocolVersion": 1, "plugin": {"name": name, "version": "1.0.0",
                      "description": "bench hook plugin " + name, "hooks": ["prerun", "postrun"]}}
            initialized = time.monotonic_ns()
        elif message["method"] == "hook":
            hooks += 1
            event = (message.get("params") or {}).get("event")
            if event == "prerun":
                note(f"prerun {name} {os.getpid()}")
                result = {"action": "continue"}
            elif event == "postrun":
                note(f"postrun {name} {os.getpid()}")
        sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": result}) + "\\n")
        sys.stdout.flush()
    if hooks:
        note(f"exit {name} {os.getpid()} {start} {initialized} {time.monotonic_ns()}")


main()
"""


def env_int(name, default):
    value = os.environ.get(name, "")
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        sys.exit(f"bench: {name} must be a whole number, not {value!r}")
    if number < 1:
        sys.exit(f"bench: {name} must be at least 1")
    return number


def progress(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Command:
    """One thing to time: an argument vector, its environment and a short label."""

    def __init__(self, key, label, argv, env, shown, before=None):
        self.key = key
        self.label = label
        self.argv = argv
        self.env = env
        self.shown = shown  # the command as the report prints it
        self.before = before  # called before each run, outside the timing
        self.times = []  # ns, successful runs only
        self.failures = []  # exit statuses of failed runs, which are left out of the statistics
        self.first_error = ""


class Bench:
    def __init__(self, args):
        self.args = args
        self.root = args.root
        self.work = args.work
        self.java = args.java
        self.runs = env_int("BENCH_RUNS", 30)
        self.slow_runs = env_int("BENCH_SLOW_RUNS", max(3, self.runs // 3))
        self.cold_runs = env_int("BENCH_COLD_RUNS", max(3, self.runs // 6))
        self.rss_runs = env_int("BENCH_RSS_RUNS", 5)
        self.skip_jmh = os.environ.get("BENCH_SKIP_JMH", "") == "1"
        self.nproc = len(os.sched_getaffinity(0))
        # The snapshot of the build that scripts/bench made (the installed layout).
        self.launcher = os.path.join(self.work, "install", "bin", "jig")
        self.jar = os.path.join(self.work, "install", "lib", "jig.jar")
        self.checkout = [os.path.join(self.root, "scripts", "jig"), os.path.join(self.root, "cli", "target", "jig.jar")]
        self.rows = []  # (section, label, median, range, runs, target, result, note)
        self.ratios = []  # (label, value, target, result)
        self.targets = []  # (target, measured, result)
        self.checks = []  # lines
        self.notes = []  # lines
        self.commands = []  # (label, shown)
        self.started = time.monotonic()
        self.load_start = self.load_now()
        self.source = self.describe_checkout()

    def describe_checkout(self):
        """The commit the build came from (read right after the build), and whether the tree was dirty."""
        def git(*argv):
            done = subprocess.run(["git", "-C", self.root, *argv], capture_output=True, text=True)
            return done.stdout.strip() if done.returncode == 0 else ""
        commit = git("rev-parse", "--short", "HEAD")
        if not commit:
            return "a directory that is not a git checkout"
        dirty = git("status", "--porcelain", "--untracked-files=no")
        return f"commit {commit}" + (" with uncommitted changes" if dirty else "")

    # ---------------------------------------------------------------- setup

    def rel(self, path):
        """A path as the report shows it: relative to the repository when inside it."""
        path = str(path)
        if path == self.root:
            return "."
        if path.startswith(self.root + os.sep):
            return path[len(self.root) + 1:]
        return path

    def copy_executable(self, source, target):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
        os.chmod(target, 0o755)

    def home_env(self, home):
        """The whole environment of a run: nothing is inherited from the user's."""
        return {
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_DATA_DIRS": os.path.join(self.work, "share"),
            "DOCKER_CONFIG": os.path.join(home, ".docker"),
            "GH_CONFIG_DIR": os.path.join(home, ".config", "gh"),
            "GH_NO_UPDATE_NOTIFIER": "1",
            "GH_NO_EXTENSION_UPDATE_NOTIFIER": "1",
            "GH_PROMPT_DISABLED": "1",
            "PATH": self.path,
            "LANG": "C.UTF-8",
            "JIG_JAVA": self.java,
        }

    def setup(self):
        work = self.work
        self.cwd = os.path.join(work, "cwd")  # empty: no ./plugins, so routes can be written
        os.makedirs(self.cwd)
        os.makedirs(os.path.join(work, "share"))
        os.makedirs(os.path.join(work, "logs"))
        self.path_dir = os.path.join(work, "path")
        self.path = ":".join([self.path_dir, "/usr/local/bin", "/usr/bin", "/bin"])

        # Counts JVM starts: the launcher runs it instead of java whenever it does not take a route.
        self.jvm_log = os.path.join(work, "logs", "jvm-starts")
        self.counting_java = os.path.join(work, "bin", "java-counting")
        with open(self.counting_java, "w") as f:
            f.write(f"#!/bin/sh\necho jvm >> {shlex.quote(self.jvm_log)}\nexec {shlex.quote(self.java)} \"$@\"\n")
        os.chmod(self.counting_java, 0o755)

        # Dispatch: one plain plugin, the same binary under each tool's name.
        self.dispatch_home = os.path.join(work, "homes", "dispatch")
        env = self.home_env(self.dispatch_home)
        self.jig_hello = os.path.join(env["XDG_CONFIG_HOME"], "jig", "plugins", "jig-hello")
        self.copy_executable(self.args.hello, self.jig_hello)
        self.copy_executable(self.args.hello, os.path.join(self.path_dir, "git-hello"))
        self.copy_executable(self.args.hello, os.path.join(env["DOCKER_CONFIG"], "cli-plugins", "docker-hello"))
        self.copy_executable(self.args.hello,
                             os.path.join(env["XDG_DATA_HOME"], "gh", "extensions", "gh-hello", "gh-hello"))
        self.dispatch_env = env

        # help and list: N protocol plugins, each a copy of the C protocol plugin.
        self.plugin_homes = {}
        for n in (10, 100, 1000):
            home = os.path.join(work, "homes", f"plugins-{n}")
            plugins = os.path.join(home, ".config", "jig", "plugins")
            width = len(str(n))
            for i in range(1, n + 1):
                self.copy_executable(self.args.proto, os.path.join(plugins, f"jig-p{i:0{width}d}"))
            self.plugin_homes[n] = home

        # Hooks: jig-hello plus N copies of the C hook plugin (jig-h1…), or one Python hook plugin.
        self.hook_homes = {}
        for n in (1, 5):
            home = os.path.join(work, "homes", f"hooks-{n}")
            plugins = os.path.join(home, ".config", "jig", "plugins")
            self.copy_executable(self.args.hello, os.path.join(plugins, "jig-hello"))
            for i in range(1, n + 1):
                self.copy_executable(self.args.hook, os.path.join(plugins, f"jig-h{i}"))
            self.hook_homes[n] = (home, [f"h{i}" for i in range(1, n + 1)])
        home = os.path.join(work, "homes", "hooks-python")
        plugins = os.path.join(home, ".config", "jig", "plugins")
        self.copy_executable(self.args.hello, os.path.join(plugins, "jig-hello"))
        self.python_hook = os.path.join(work, "src", "hook.py")
        with open(self.python_hook, "w") as f:
            f.write(PYTHON_HOOK.replace("@PYTHON@", sys.executable))
        self.copy_executable(self.python_hook, os.path.join(plugins, "jig-hpy"))
        self.hook_homes["python"] = (home, ["hpy"])

        # Dispatch with 100 protocol plugins that subscribe to nothing, plus jig-hello.
        self.quiet_home = os.path.join(work, "homes", "quiet-100")
        plugins = os.path.join(self.quiet_home, ".config", "jig", "plugins")
        self.copy_executable(self.args.hello, os.path.join(plugins, "jig-hello"))
        for i in range(1, 101):
            self.copy_executable(self.args.proto, os.path.join(plugins, f"jig-p{i:03d}"))

        self.tools = {name: shutil.which(name, path=self.path) for name in ("git", "docker")}
        self.tools["gh"] = shutil.which("gh") or shutil.which("gh", path=self.path)
        self.time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

    # ---------------------------------------------------------------- the build under test

    def build_state(self, paths=None):
        state = {}
        for path in paths or (self.launcher, self.jar):
            st = os.stat(path)
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()[:12]
            state[self.rel(path)] = (st.st_size, st.st_mtime_ns, st.st_ino, digest)
        return state

    TRAINING_FLAGS = ("-XX:ArchiveClassesAtExit", "-XX:AOTCacheOutput", "-XX:AOTMode=record", "-XX:AOTMode=create")

    def background_training(self):
        """Processes training a class-data archive of jig's jar (the launcher starts them detached)."""
        found = []
        jar = os.path.realpath(self.jar)
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    argv = f.read().decode(errors="replace").split("\0")
            except OSError:
                continue
            if any(arg.endswith("jig.jar") and os.path.realpath(arg) == jar for arg in argv) \
                    and any(arg.startswith(self.TRAINING_FLAGS) for arg in argv):
                found.append(int(pid))
        return found

    def settle(self):
        """Runs jig once, then waits for background work the launcher started (class-data training)
        so that it does not compete with the measurements."""
        progress("starting jig once and waiting for any background class-data training")
        env = self.home_env(self.plugin_homes[10])
        for words in (["--version"], ["plugins", "list"]):
            done = subprocess.run([self.launcher, *words], env=env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if done.returncode != 0:
                sys.exit(f"bench: `jig {' '.join(words)}` failed (exit {done.returncode}): "
                         + done.stderr.decode(errors="replace")[-1000:])
        started = time.monotonic()
        waited = False
        while self.background_training() and time.monotonic() - started < 180:
            waited = True
            time.sleep(0.25)
        waited_for = time.monotonic() - started
        left = self.background_training()
        jar_dir = os.path.dirname(self.jar)
        jar_mtime = os.stat(self.jar).st_mtime_ns
        archives = sorted(name for name in os.listdir(jar_dir) if name.endswith((".jsa", ".aot"))
                          and os.stat(os.path.join(jar_dir, name)).st_mtime_ns >= jar_mtime)
        text = "Class-data sharing: "
        if waited:
            text += f"waited {waited_for:.1f} s for the launcher's background training before measuring; "
        if left:
            text += f"STILL TRAINING after 180 s (pids {left}); "
        text += ("archives newer than the jar: " + ", ".join(f"`{self.rel(os.path.join(jar_dir, a))}`" for a in archives)
                 if archives else "no archive newer than the jar next to it (the JVM rows run without AppCDS)")
        self.checks.append(text + ".")
        self.cds_toggle = "JIG_NO_CDS" in open(self.launcher).read()

    # ---------------------------------------------------------------- running

    def run_once(self, command, capture=False):
        """Runs once: stdout to /dev/null, stderr to a file kept only to explain a failure."""
        if command.before:
            command.before()
        if capture:
            start = time.perf_counter_ns()
            done = subprocess.run(command.argv, env=command.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True)
            return time.perf_counter_ns() - start, done
        with open(os.path.join(self.work, "logs", "stderr"), "w+b") as err:
            start = time.perf_counter_ns()
            done = subprocess.run(command.argv, env=command.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=err)
            elapsed = time.perf_counter_ns() - start
            if done.returncode != 0 and not command.failures:
                err.seek(0)
                text = err.read().decode(errors="replace").strip()
                command.first_error = " / ".join(text.splitlines()[-3:])[:300] or "(no output on stderr)"
        return elapsed, done

    def measure(self, commands, runs, warmups=2, fewer=None):
        """Times each command `runs` times, interleaved (a, b, c, a, b, c, ...), after warm-ups.

        `fewer` maps a command key to a smaller run count: that command takes part in that many
        rounds, spread evenly over all of them, so it still shares the others' time window."""
        fewer = fewer or {}
        for _ in range(warmups):
            for command in commands:
                self.run_once(command)
        for i in range(runs):
            for command in commands:
                k = min(fewer.get(command.key, runs), runs)
                if i * k // runs == (i + 1) * k // runs:
                    continue
                elapsed, done = self.run_once(command)
                if done.returncode != 0:
                    command.failures.append(done.returncode)
                else:
                    command.times.append(elapsed)

    def output_of(self, command):
        _, done = self.run_once(command, capture=True)
        return done.returncode, done.stdout.decode(errors="replace"), done.stderr.decode(errors="replace")

    def jig(self, key, label, words, env, shown_env="", before=None):
        shown = f"{shown_env}jig {' '.join(words)}".strip()
        return Command(key, label, [self.launcher, *words], env, shown, before)

    # ---------------------------------------------------------------- formatting

    @staticmethod
    def ms(ns):
        value = ns / NS_PER_MS
        if value < 10:
            return f"{value:.2f} ms"
        if value < 1000:
            return f"{value:.1f} ms"
        return f"{value:,.0f} ms"

    @staticmethod
    def ms_range(times):
        lo, hi = min(times) / NS_PER_MS, max(times) / NS_PER_MS
        digits = 2 if hi < 10 else 1 if hi < 1000 else 0
        return f"{lo:,.{digits}f} – {hi:,.{digits}f} ms"

    @staticmethod
    def span(values):
        lo, hi = min(values), max(values)
        return f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"

    @staticmethod
    def verdict(ok):
        return "PASS" if ok else "FAIL"

    def add_time_row(self, section, command, target="", result="", note=""):
        if command.failures:
            failed = (f"{len(command.failures)} failed runs left out (first: exit {command.failures[0]}, "
                      f"{command.first_error})")
            note = (note + "; " if note else "") + failed
            self.checks.append(f"FAILED RUNS: {command.label}: {failed}.")
        if not command.times:
            self.rows.append((section, command.label, "failed", "", "0", target, "FAIL" if target else "", note))
            self.commands.append((command.label, command.shown))
            return
        self.rows.append((section, command.label, self.ms(statistics.median(command.times)),
                          self.ms_range(command.times), str(len(command.times)), target, result, note))
        self.commands.append((command.label, command.shown))

    def add_row(self, section, label, median, spread, runs, target="", result="", note=""):
        self.rows.append((section, label, median, spread, runs, target, result, note))

    @staticmethod
    def median(command):
        return statistics.median(command.times) if command.times else float("nan")

    # ---------------------------------------------------------------- sections

    def dispatch(self):
        progress(f"dispatch ({self.runs} runs each, interleaved)")
        env = self.dispatch_env
        counting_env = dict(env, JIG_JAVA=self.counting_java)
        jvm_env = dict(env, JIG_NO_ROUTES="1")
        docker_env = env
        commands = {
            "floor": Command("floor", "`/bin/true` (for scale: Python starting a small program)", ["/bin/true"], env,
                             "/bin/true"),
            "direct": Command("direct", "`jig-hello` run directly", [self.jig_hello], env,
                              self.rel(self.jig_hello)),
            "fast": self.jig("fast", "`jig hello` (warm, launcher fast path)", ["hello"], counting_env,
                             "JIG_JAVA=bench/work/bin/java-counting "),
            "jvm": self.jig("jvm", "`JIG_NO_ROUTES=1 jig hello` (JVM path)", ["hello"], jvm_env, "JIG_NO_ROUTES=1 "),
        }
        skipped = []
        if self.tools["git"]:
            commands["git"] = Command("git", "`git hello` (`git-hello` on PATH)", [self.tools["git"], "hello"], env,
                                      "git hello")
        else:
            skipped.append(("`git hello`", "git not installed"))
        if self.tools["docker"]:
            docker = Command("docker", "`docker hello` (Docker CLI plugin)", [self.tools["docker"], "hello"],
                             docker_env, "docker hello")
            code, out, err = self.output_of(docker)
            if code == 0 and out == "hello\n":
                commands["docker"] = docker
                self.checks.append("`docker hello` works with no Docker daemon: with "
                                   f"`DOCKER_CONFIG={self.rel(env['DOCKER_CONFIG'])}` it ran `cli-plugins/docker-hello` "
                                   "and printed `hello`.")
            else:
                skipped.append(("`docker hello`", f"docker hello failed (exit {code}): {(err or out).strip()[:200]}"))
        else:
            skipped.append(("`docker hello`", "docker not installed"))
        if self.tools["gh"]:
            gh = Command("gh", "`gh hello` (gh extension)", [self.tools["gh"], "hello"], env, "gh hello")
            code, out, err = self.output_of(gh)
            if code == 0 and out == "hello\n":
                commands["gh"] = gh
            else:
                skipped.append(("`gh hello`", f"gh hello failed (exit {code}): {(err or out).strip()[:200]}"))
        else:
            skipped.append(("`gh hello` (gh extension)", "skipped: gh is not installed"))

        # Everything must print hello before its time means anything.
        for key in ("direct", "fast", "jvm", "git", "docker"):
            if key in commands:
                code, out, err = self.output_of(commands[key])
                if code != 0 or out != "hello\n":
                    sys.exit(f"bench: {commands[key].shown} printed {out!r} (exit {code}): {err}")
        # The host may decline to write a route for files changed moments ago: run until one run
        # takes the fast path (no JVM start), a few seconds at most.
        for _ in range(8):
            open(self.jvm_log, "w").close()
            self.run_once(commands["fast"])
            with open(self.jvm_log) as f:
                if not f.read():
                    break
            time.sleep(1.1)
        route = os.path.join(env["XDG_CACHE_HOME"], "jig", "routes", "hello")
        route_state = "exists" if os.path.isfile(route) else "is MISSING"

        # Control: the wrapper must see a JVM start when there is one, or a count of 0 proves nothing.
        open(self.jvm_log, "w").close()
        self.run_once(Command("control", "", [self.launcher, "hello"], dict(counting_env, JIG_NO_ROUTES="1"), ""))
        with open(self.jvm_log) as f:
            control = len(f.readlines())
        if control != 1:
            sys.exit(f"bench: the JIG_JAVA wrapper counted {control} JVM starts for one JIG_NO_ROUTES=1 run, not 1")

        open(self.jvm_log, "w").close()
        self.measure(list(commands.values()), self.runs)
        with open(self.jvm_log) as f:
            jvm_starts = len(f.readlines())
        fast_runs = len(commands["fast"].times) + 2  # timed runs plus warm-ups
        self.fast_path_ok = jvm_starts == 0
        self.checks.append(
            f"Fast path: the route `{self.rel(route)}` {route_state}, and the {fast_runs} `jig hello` runs of the fast-path "
            f"row (warm-ups included) started **{jvm_starts} JVMs** (counted by a `JIG_JAVA` wrapper that logs each "
            "start; the launcher only runs it when it does not take the route, and it counted 1 for one "
            "`JIG_NO_ROUTES=1` run as a control)"
            + (": every run took the fast path." if jvm_starts == 0 else ": THE FAST PATH WAS NOT TAKEN."))

        c = commands
        fast = self.median(c["fast"])
        section = "dispatch"
        self.add_time_row(section, c["floor"], note="every row includes this spawn cost")
        self.add_time_row(section, c["direct"])
        docker_ok = git_ok = None
        target = []
        if "docker" in c:
            docker_ok = fast < self.median(c["docker"])
            target.append(f"< docker hello: {self.verdict(docker_ok)}")
        if "git" in c:
            git_ok = fast <= 2 * self.median(c["git"])
            target.append(f"≤ 2× git hello: {self.verdict(git_ok)}")
        self.add_time_row(section, c["fast"], "; ".join(target), self.verdict(all(
            v for v in (docker_ok, git_ok, self.fast_path_ok) if v is not None)),
            note=f"{jvm_starts} JVM starts in {fast_runs} runs")
        self.add_time_row(section, c["jvm"])
        for key in ("git", "docker", "gh"):
            if key in c:
                self.add_time_row(section, c[key])
        for label, why in skipped:
            self.add_row(section, label, "n/a", "", "", note=why)
            self.notes.append(f"{label}: {why}.")

        for key, name in (("git", "git"), ("docker", "docker"), ("direct", "direct")):
            if key in c:
                ratio = fast / self.median(c[key])
                if key == "git":
                    self.ratios.append(("jig hello / git hello", f"{ratio:.2f}×", "≤ 2×", self.verdict(ratio <= 2)))
                elif key == "docker":
                    self.ratios.append(("jig hello / docker hello", f"{ratio:.2f}×", "< 1×", self.verdict(ratio < 1)))
                else:
                    self.ratios.append(("jig hello / jig-hello run directly", f"{ratio:.2f}×", "", ""))
        self.ratios.append(("JIG_NO_ROUTES=1 jig hello / jig hello (JVM path / fast path)",
                            f"{self.median(c['jvm']) / fast:.1f}×", "", ""))
        if docker_ok is not None:
            self.targets.append(("`jig hello` faster than `docker hello`",
                                 f"{self.ms(fast)} vs {self.ms(self.median(c['docker']))}", self.verdict(docker_ok)))
        else:
            self.targets.append(("`jig hello` faster than `docker hello`", "docker row skipped", "n/a"))
        if git_ok is not None:
            self.targets.append(("`jig hello` within 2× of `git hello`",
                                 f"{fast / self.median(c['git']):.2f}× ({self.ms(fast)} vs {self.ms(self.median(c['git']))})",
                                 self.verdict(git_ok)))
        self.targets.append(("`jig hello` takes the launcher fast path (no JVM)",
                             f"{jvm_starts} JVM starts in {fast_runs} runs", self.verdict(self.fast_path_ok)))
        self.dispatch_commands = c

    def probe_log_lines(self, path):
        try:
            with open(path) as f:
                return [line.split() for line in f if line.strip()]
        except FileNotFoundError:
            return []

    @staticmethod
    def max_overlap(intervals):
        events = []
        for start, end in intervals:
            events.append((start, 1))
            events.append((end, -1))
        events.sort(key=lambda e: (e[0], e[1]))  # an end before a start at the same instant
        best = current = 0
        for _, delta in events:
            current += delta
            best = max(best, current)
        return best

    def help_and_list(self):
        envs = {}
        for n, home in self.plugin_homes.items():
            envs[n] = dict(self.home_env(home), BENCH_PROBE_LOG=os.path.join(self.work, "logs", f"warm-{n}"))
        version = self.jig("version", "`jig --version` (baseline, JVM)", ["--version"], envs[100])
        no_cds = self.jig("no-cds", "`JIG_NO_CDS=1 jig --version` (no class-data archive)", ["--version"],
                          dict(envs[100], JIG_NO_CDS="1"), "JIG_NO_CDS=1 ") if self.cds_toggle else None

        # Cold: the cache directory removed before every run; each run's probe log kept apart.
        cold = {}
        self.cold_logs = {}
        for n in (10, 100, 1000):
            for words in (["help"], ["plugins", "list"]):
                log_dir = os.path.join(self.work, "logs", f"cold-{n}-{words[-1]}")
                os.makedirs(log_dir)
                state = {"run": 0}
                env = dict(self.home_env(self.plugin_homes[n]))

                def before(env=env, log_dir=log_dir, state=state):
                    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
                    os.makedirs(env["XDG_CACHE_HOME"])
                    state["run"] += 1
                    env["BENCH_PROBE_LOG"] = os.path.join(log_dir, f"run-{state['run']:03d}")

                label = f"`jig {' '.join(words)}`, {n:,} plugins, cold cache"
                cold[(n, words[-1])] = Command(f"cold-{n}-{words[-1]}", label, [self.launcher, *words], env,
                                               f"rm -rf \"$XDG_CACHE_HOME\"; jig {' '.join(words)}", before)
                self.cold_logs[(n, words[-1])] = log_dir
        progress(f"help/list, cold cache ({self.cold_runs} runs each)")
        for n in (10, 100, 1000):
            self.measure([cold[(n, "help")], cold[(n, "list")]], self.cold_runs, warmups=0)

        warm = {}
        for n in (10, 100, 1000):
            for words in (["help"], ["plugins", "list"]):
                warm[(n, words[-1])] = self.jig(f"warm-{n}-{words[-1]}", f"`jig {' '.join(words)}`, {n:,} plugins, warm cache",
                                                words, envs[n])
        progress(f"--version and help/list with 100 plugins, warm cache ({self.runs} runs each), interleaved with "
                 f"10 and 1,000 plugins ({self.slow_runs} runs each)")
        # Warm-ups fill the caches; the probe logs are cleared after them, so any line is a start.
        for command in (warm[(100, "help")], warm[(100, "list")], version):
            self.run_once(command)
        for n in (10, 1000):
            self.run_once(warm[(n, "help")])
        for n in (10, 100, 1000):
            open(envs[n]["BENCH_PROBE_LOG"], "w").close()
        extra = [no_cds] if no_cds else []
        self.measure([version] + extra + [warm[(n, w)] for n in (10, 100, 1000) for w in ("help", "list")], self.runs,
                     fewer={**{warm[(n, w)].key: self.slow_runs for n in (10, 1000) for w in ("help", "list")},
                            "no-cds": self.slow_runs})
        starts = {n: len(self.probe_log_lines(envs[n]["BENCH_PROBE_LOG"])) for n in (10, 100, 1000)}
        no_starts = all(v == 0 for v in starts.values())
        # Since the logs were cleared: the timed runs and measure()'s two warm-ups per command.
        warm_runs = {n: len(warm[(n, "help")].times) + len(warm[(n, "list")].times) + 4 for n in (10, 100, 1000)}
        self.checks.append(
            "Warm cache: plugin processes started during the warm `help`/`list` runs (the C plugin logs every start, "
            "protocol or run mode; the same log counts every probe of the cold runs below): " + ", ".join(f"{starts[n]} in {warm_runs[n]} runs with {n:,} plugins"
                                                for n in (10, 100, 1000))
            + (" — none." if no_starts else " — A WARM CACHE STARTED PLUGINS."))

        # Cold runs: every plugin probed once per run, and how many at once.
        cold_summary = {}
        for (n, which), log_dir in self.cold_logs.items():
            probes, overlaps, unfinished = [], [], 0
            for name in sorted(os.listdir(log_dir)):
                lines = self.probe_log_lines(os.path.join(log_dir, name))
                starts_in_run = sum(1 for line in lines if line[0] == "start")
                ends = [(int(line[2]), int(line[3])) for line in lines if line[0] == "end"]
                unfinished += starts_in_run - len(ends)
                probes.append(starts_in_run)
                overlaps.append(self.max_overlap(ends))
            cold_summary[(n, which)] = (probes, overlaps, unfinished)
        self.cold_summary = cold_summary

        vmed = self.median(version)
        self.add_time_row("help/list", version)
        if no_cds:
            self.add_time_row("help/list", no_cds, note=f"{self.median(no_cds) / vmed:.2f}× --version with the archive")
        for n in (10, 100, 1000):
            for which in ("help", "list"):
                command = warm[(n, which)]
                ratio = self.median(command) / vmed
                if n == 100:
                    ok = ratio <= 1.2 and starts[100] == 0
                    self.add_time_row("help/list", command, f"≤ 1.2× --version, no plugin started: {ratio:.2f}×",
                                      self.verdict(ok), note=f"{starts[n]} plugin starts")
                else:
                    self.add_time_row("help/list", command, note=f"{ratio:.2f}× --version; {starts[n]} plugin starts")
        for n in (10, 100, 1000):
            for which in ("help", "list"):
                probes, overlaps, unfinished = cold_summary[(n, which)]
                note = f"probes per run: {self.span(probes)}; at most {max(overlaps)} at once"
                if unfinished:
                    note += f"; {unfinished} probes never reached end of input"
                self.add_time_row("help/list", cold[(n, which)], note=note)

        for which, name in (("help", "help"), ("list", "plugins list")):
            ratio = self.median(warm[(100, which)]) / vmed
            self.ratios.append((f"jig {name} / jig --version, 100 plugins, warm", f"{ratio:.2f}×", "≤ 1.2×",
                                self.verdict(ratio <= 1.2)))
            self.targets.append((f"warm `jig {name}` with 100 plugins within 1.2× of `jig --version`",
                                 f"{ratio:.2f}× ({self.ms(self.median(warm[(100, which)]))} vs {self.ms(vmed)})",
                                 self.verdict(ratio <= 1.2)))
        for n in (10, 1000):
            for which, name in (("help", "help"), ("list", "plugins list")):
                self.ratios.append((f"jig {name} / jig --version, {n:,} plugins, warm",
                                    f"{self.median(warm[(n, which)]) / vmed:.2f}×", "", ""))
        self.targets.append(("warm `help`/`list` start no plugin process",
                             ", ".join(f"{starts[n]} starts ({n:,} plugins)" for n in (10, 100, 1000)),
                             self.verdict(no_starts)))

        probes, overlaps, _ = cold_summary[(100, "help")]
        probes_l, overlaps_l, _ = cold_summary[(100, "list")]
        most = max(overlaps + overlaps_l)
        parallel_ok = most <= self.nproc and (most >= 2 or self.nproc == 1)
        self.add_row("probes", "cold cache, 100 plugins: most probes running at once", str(most),
                     f"{min(overlaps + overlaps_l)} – {most}", str(len(overlaps + overlaps_l)),
                     f"parallel, ≤ cores ({self.nproc})", self.verdict(parallel_ok),
                     "from each probe's start/end times (the plugin logs them); "
                     f"every run probed {self.span(probes + probes_l)} plugins")
        self.targets.append(("probes run in parallel, bounded by the cores",
                             f"at most {most} at once on {self.nproc} cores", self.verdict(parallel_ok)))
        self.checks.append(
            "Cold cache: every cold run probed each plugin exactly once: "
            + ", ".join(f"{n:,} plugins → {self.span(p)} probes per run"
                        for (n, which), (p, _, _) in sorted(cold_summary.items()) if which == "help")
            + f". Most probes at once: {most} (cores: {self.nproc}).")
        self.warm_commands = warm
        self.version_command = version

    def hook_log_check(self, log_dir, runs, names):
        """Reads the hook log of each run (run-001… under log_dir; one per run, warm-ups included).

        A run passes when every hook plugin logged exactly one prerun and one postrun from the same
        process and that process exited at end of input before jig did, and nothing else logged.
        Returns the runs that failed (with why) and the most sessions that were starting at once
        (from each session's start to its initialize answer) in any run."""
        failed, starting = [], []
        for run in range(1, runs + 1):
            lines = self.probe_log_lines(os.path.join(log_dir, f"run-{run:03d}"))
            problems = []
            intervals = []
            for name in names:
                mine = [line for line in lines if len(line) >= 3 and line[1] == name]
                pre = [line[2] for line in mine if line[0] == "prerun"]
                post = [line[2] for line in mine if line[0] == "postrun"]
                end = [line for line in mine if line[0] == "exit"]
                if len(pre) != 1 or len(post) != 1 or pre != post:
                    problems.append(f"{name}: {len(pre)} prerun, {len(post)} postrun"
                                    + ("" if pre == post else " (from different processes)"))
                elif len(end) != 1 or end[0][2] != pre[0]:
                    problems.append(f"{name}: its session did not end at end of input before jig exited")
                else:
                    intervals.append((int(end[0][3]), int(end[0][4])))
            strangers = [line for line in lines if len(line) < 3 or line[1] not in names]
            if strangers:
                problems.append(f"unexpected lines: {' '.join(strangers[0])}")
            if problems:
                failed.append((run, "; ".join(problems)))
            elif intervals:
                starting.append(self.max_overlap(intervals))
        return failed, max(starting, default=0)

    def hooks(self):
        """`jig hello` with 0, 1 and 5 C hook plugins (and 1 Python one), all on the JVM path."""
        progress(f"hooks: jig hello with 0, 1 and 5 hook plugins ({self.runs} runs each, interleaved)")
        env0 = self.dispatch_env
        fast0 = self.jig("hooks-fast0", "`jig hello`, no hook plugin (launcher fast path, for scale)", ["hello"],
                         dict(env0, JIG_JAVA=self.counting_java), "JIG_JAVA=bench/work/bin/java-counting ")
        jvm0 = self.jig("hooks-jvm0", "`JIG_NO_ROUTES=1 jig hello`, no hook plugin (JVM path: the baseline)",
                        ["hello"], dict(env0, JIG_NO_ROUTES="1"), "JIG_NO_ROUTES=1 ")
        hooked, logs = {}, {}
        for key, label in ((1, "1 C hook plugin"), (5, "5 C hook plugins"), ("python", "1 Python hook plugin")):
            home, names = self.hook_homes[key]
            log_dir = os.path.join(self.work, "logs", f"hooks-{key}")
            os.makedirs(log_dir)
            state = {"run": 0}
            env = self.home_env(home)

            def before(env=env, log_dir=log_dir, state=state):
                state["run"] += 1
                env["BENCH_HOOK_LOG"] = os.path.join(log_dir, f"run-{state['run']:03d}")

            hooked[key] = Command(f"hooks-{key}", f"`jig hello` with {label} (prerun + postrun)",
                                  [self.launcher, "hello"], env, f"jig hello  # HOME=bench/work/homes/hooks-{key}",
                                  before)
            logs[key] = (log_dir, state, names)

        # Before anything is timed: every command prints hello, and every hooked one fires its hooks
        # (the first run also probes the hook plugins for their metadata).
        for command in (fast0, jvm0, *hooked.values()):
            code, out, err = self.output_of(command)
            if code != 0 or out != "hello\n" or err:
                sys.exit(f"bench: {command.shown} printed {out!r} and {err!r} (exit {code})")
        for key, (log_dir, state, names) in logs.items():
            failed, _ = self.hook_log_check(log_dir, state["run"], names)
            if failed:
                sys.exit(f"bench: {hooked[key].label}: the hooks did not fire as they should: {failed[0][1]}")

        # The no-hook home's route and quiet mark are normally in place since the dispatch rows; make sure.
        for _ in range(8):
            open(self.jvm_log, "w").close()
            self.run_once(jvm0)
            self.run_once(fast0)
            with open(self.jvm_log) as f:
                if not f.read():
                    break
            time.sleep(1.1)
        commands = [fast0, jvm0, *hooked.values()]
        for key in logs:
            logs[key][1]["run"] = 0
            shutil.rmtree(logs[key][0])
            os.makedirs(logs[key][0])
        open(self.jvm_log, "w").close()
        quiet = os.path.join(env0["XDG_CACHE_HOME"], "jig", "hooks", "quiet")
        quiet_before = self.stamp(quiet)
        self.measure(commands, self.runs)
        quiet_after = self.stamp(quiet)
        with open(self.jvm_log) as f:
            jvm_starts = len(f.readlines())
        fast_runs = len(fast0.times) + 2

        section = "hooks"
        base = self.median(jvm0)
        self.add_time_row(section, fast0, note=f"{jvm_starts} JVM starts in {fast_runs} runs; "
                          f"the JVM path below takes {base / self.median(fast0):.0f}× as long")
        self.add_time_row(section, jvm0, note="every hook row is compared with this one")
        fired_ok = True
        fired, routed_homes = [], []
        for key, command in hooked.items():
            log_dir, state, names = logs[key]
            failed, starting = self.hook_log_check(log_dir, state["run"], names)
            route = os.path.join(command.env["XDG_CACHE_HOME"], "jig", "routes", "hello")
            routed = os.path.exists(route)
            if routed:
                routed_homes.append(self.rel(os.path.dirname(command.env["XDG_CACHE_HOME"])))
            runs = state["run"]
            if failed or routed or not command.times:
                fired_ok = False
                why = (f"hooks did not fire as they should in {len(failed)} of {runs} runs (first: run {failed[0][0]}: "
                       f"{failed[0][1]})" if failed else "")
                if routed:
                    why += ("; " if why else "") + f"jig wrote the route {self.rel(route)} (hooked commands must have none)"
                if not command.times:
                    why += ("; " if why else "") + "every run failed"
                self.add_row(section, command.label, "FAILED: no figure", "", str(len(command.times)),
                             "prerun and postrun reached every plugin in every run", "FAIL", why)
                self.commands.append((command.label, command.shown))
                self.checks.append(f"HOOKS DID NOT FIRE: {command.label}: {why}.")
                progress(f"HOOKS DID NOT FIRE: {command.label}: {why}")
                continue
            ratio = self.median(command) / base
            extra = self.median(command) - base
            note = f"{ratio:.2f}× the JVM path; +{self.ms(extra)}"
            one = hooked[1]
            if len(names) > 1 and one.times and not one.failures:
                note += f" (+{self.ms((self.median(command) - self.median(one)) / (len(names) - 1))} per plugin past the first)"
            note += f"; most sessions starting at once: {starting}"
            self.add_time_row(section, command, "prerun and postrun reached every plugin in every run", "PASS", note)
            fired.append(f"{command.label.split(' with ')[1].split(' (')[0]}: {runs} runs × {len(names)} "
                         f"plugin{'s' if len(names) > 1 else ''}")
            self.ratios.append((f"jig hello with {command.label.split(' with ')[1].split(' (')[0]} / without "
                                "(both JVM path)", f"{ratio:.2f}×", "", ""))
        self.ratios.append(("jig hello, no hooks: fast path / JVM path", f"{self.median(fast0) / base:.3f}×", "", ""))
        quiet_ok = quiet_before is not None and quiet_before == quiet_after
        self.checks.append(
            "Hooks: each hook plugin appends `prerun`/`postrun` lines (with its pid) to a log of its own per run, "
            "and `exit` when its input ends; every run, warm-ups included, had exactly one prerun and one postrun "
            "per plugin from one process, which exited before jig did"
            + (" (" + "; ".join(fired) + ")" if fired else "")
            + ("." if fired_ok else ": NOT IN EVERY ROW, see the FAILED rows.")
            + (" No hooked home has a route for `hello`, so every hooked run took the JVM path." if not routed_homes
               else f" ROUTES WERE WRITTEN in {', '.join(routed_homes)}: hooked runs could skip the JVM and the hooks.")
            + f" The no-hook fast-path row started {jvm_starts} JVMs in {fast_runs} runs"
            + (" (every run took the fast path)." if jvm_starts == 0 else " (THE FAST PATH WAS NOT TAKEN).")
            + f" The quiet mark `{self.rel(quiet)}` of the no-hook home "
            + ("existed and was not rewritten during the timed runs (it held each time)." if quiet_ok
               else "WAS MISSING OR REWRITTEN during the timed runs (a scan instead of a few stats)."))
        self.targets.append(("hooks fire: prerun and postrun reach every hook plugin in every timed run",
                             "; ".join(fired) if fired_ok else "see the FAILED rows", self.verdict(fired_ok)))

    @staticmethod
    def stamp(path):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def quiet_dispatch(self):
        """With 100 plugins that subscribe to nothing: hooks on (the quiet mark answers) vs hooks off."""
        progress(f"dispatch with 100 non-subscribing plugins: hooks on vs JIG_HOOK=1 ({2 * self.runs} runs each, "
                 f"interleaved with the fast path, {self.runs} runs)")
        env = dict(self.home_env(self.quiet_home), BENCH_PROBE_LOG=os.path.join(self.work, "logs", "quiet-100"))
        on = self.jig("quiet-on", "`JIG_NO_ROUTES=1 jig hello`, 100 plugins subscribing to nothing "
                      "(hooks on, quiet mark warm)", ["hello"], dict(env, JIG_NO_ROUTES="1"), "JIG_NO_ROUTES=1 ")
        off = self.jig("quiet-off", "`JIG_NO_ROUTES=1 JIG_HOOK=1 jig hello`, 100 plugins (hooks off)", ["hello"],
                       dict(env, JIG_NO_ROUTES="1", JIG_HOOK="1"), "JIG_NO_ROUTES=1 JIG_HOOK=1 ")
        fast = self.jig("quiet-fast", "`jig hello`, 100 plugins (launcher fast path: the route stamps every plugin)",
                        ["hello"], dict(env, JIG_JAVA=self.counting_java), "JIG_JAVA=bench/work/bin/java-counting ")
        for command in (on, off, fast):
            code, out, err = self.output_of(command)
            if code != 0 or out != "hello\n" or err:
                sys.exit(f"bench: {command.shown} printed {out!r} and {err!r} (exit {code})")
        # The host declines to write the mark or the route for files changed moments ago: run until
        # both exist and the fast path is taken, a few seconds at most.
        quiet = os.path.join(env["XDG_CACHE_HOME"], "jig", "hooks", "quiet")
        route = os.path.join(env["XDG_CACHE_HOME"], "jig", "routes", "hello")
        for _ in range(8):
            self.run_once(on)
            open(self.jvm_log, "w").close()
            self.run_once(fast)
            with open(self.jvm_log) as f:
                if os.path.isfile(quiet) and not f.read():
                    break
            time.sleep(1.1)
        open(self.jvm_log, "w").close()
        open(env["BENCH_PROBE_LOG"], "w").close()
        # Warm-ups go first in measure(): the mark is stamped after them.
        self.measure([on, off, fast], 0, warmups=2)
        before = self.stamp(quiet)
        # The target is a 5% margin on a ~150 ms JVM run, about the size of this machine's run-to-run
        # noise: the two compared rows get twice the runs (the fast-path row keeps BENCH_RUNS).
        self.measure([on, off, fast], 2 * self.runs, warmups=0, fewer={fast.key: self.runs})
        after = self.stamp(quiet)
        with open(self.jvm_log) as f:
            jvm_starts = len(f.readlines())
        starts = len(self.probe_log_lines(env["BENCH_PROBE_LOG"]))
        fast_runs = len(fast.times) + 2
        mark_ok = before is not None and before == after
        medians = self.median(on) / self.median(off)
        # On this loaded machine a run's time moves with the other work going on, and the medians of
        # two rows can land in different modes; the runs of one round are seconds apart, so the median
        # of the per-round ratios is the steadier figure, and the target is judged on it.
        pairs = [a / b for a, b in zip(on.times, off.times)] if not on.failures and not off.failures else []
        ratio = statistics.median(pairs) if pairs else medians
        ok = ratio <= 1.05 and mark_ok
        section = "hooks"
        self.add_time_row(section, off, note="the baseline of the row below")
        self.add_time_row(section, on, f"≤ 1.05× hooks off: {ratio:.3f}×", self.verdict(ok),
                          f"median of the {len(pairs)} per-round ratios; ratio of the medians {medians:.3f}×; "
                          f"quiet mark {'held in every run' if mark_ok else 'MISSING OR REWRITTEN'}; "
                          f"{starts} plugin starts")
        self.add_time_row(section, fast, note=f"{jvm_starts} JVM starts in {fast_runs} runs; "
                          f"{self.median(fast) / self.median(self.dispatch_commands['fast']):.2f}× the fast path "
                          "with 1 plugin (dispatch rows)")
        self.ratios.append(("JIG_NO_ROUTES=1 jig hello, 100 plugins subscribing to nothing: hooks on / JIG_HOOK=1 "
                            "(median of per-round ratios)", f"{ratio:.3f}×", "≤ 1.05×", self.verdict(ok)))
        self.ratios.append(("the same, ratio of the medians", f"{medians:.3f}×", "", ""))
        self.ratios.append(("jig hello fast path: 100 plugins / 1 plugin on the search path",
                            f"{self.median(fast) / self.median(self.dispatch_commands['fast']):.2f}×", "", ""))
        self.targets.append(("dispatch free of hook cost when no plugin subscribes (100 plugins, quiet mark)",
                             f"{ratio:.3f}× per round; medians {self.ms(self.median(on))} vs "
                             f"{self.ms(self.median(off))} with JIG_HOOK=1 ({medians:.3f}×)",
                             self.verdict(ok)))
        fast_ok = jvm_starts == 0
        self.targets.append(("`jig hello` takes the fast path with 100 plugins on the search path",
                             f"{jvm_starts} JVM starts in {fast_runs} runs", self.verdict(fast_ok)))
        self.checks.append(
            f"No subscriber, 100 plugins: the quiet mark `{self.rel(quiet)}` "
            + ("existed and kept its inode and timestamps through the timed runs, so every hooks-on run took it "
               "as the answer (a run that scanned would have rewritten it)" if mark_ok
               else "WAS MISSING OR REWRITTEN during the timed runs, so some runs scanned")
            + f"; {starts} plugin processes started during them; the route `{self.rel(route)}` "
            + ("exists" if os.path.isfile(route) else "is MISSING")
            + f" and the fast-path row started {jvm_starts} JVMs in {fast_runs} runs"
            + (" (every run took the fast path)." if fast_ok else " (THE FAST PATH WAS NOT TAKEN)."))

    def codec(self):
        if self.skip_jmh:
            self.add_row("codec", "JSON Lines codec (JMH)", "skipped (BENCH_SKIP_JMH=1)", "", "")
            self.targets.append(("codec > 300,000 msgs/s", "skipped", "n/a"))
            return
        progress("JSON Lines codec: JMH, 1 fork, 3 × 1 s warm-up + 5 × 1 s measurement per benchmark")
        with open(self.args.protocol_classpath) as f:
            deps = f.read().strip()
        classpath = ":".join([deps, os.path.join(self.work, "classes", "protocol-test"),
                              os.path.join(self.work, "classes", "protocol")])
        result = os.path.join(self.work, "jmh.json")
        argv = [self.java, "-cp", classpath, "org.openjdk.jmh.Main", "dev.jig.protocol.bench.JsonLinesCodecBenchmark",
                "-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s", "-rf", "json", "-rff", result]
        with open(os.path.join(self.work, "logs", "jmh.log"), "w") as log:
            done = subprocess.run(argv, cwd=self.work, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        if done.returncode != 0:
            sys.exit(f"bench: JMH failed (exit {done.returncode}); see bench/work/logs/jmh.log")
        with open(result) as f:
            benchmarks = {b["benchmark"].rsplit(".", 1)[1]: b for b in json.load(f)}
        self.commands.append(("JSON Lines codec (JMH)",
                              "java -cp \"$(cat bench/work/protocol-test.classpath):bench/work/classes/protocol-test:"
                              "bench/work/classes/protocol\" org.openjdk.jmh.Main dev.jig.protocol.bench.JsonLinesCodecBenchmark "
                              "-f 1 -wi 3 -i 5 -w 1s -r 1s -rf json -rff bench/work/jmh.json"))
        slowest = None
        for name, label in (("write", "write"), ("read", "read"), ("roundTrip", "round trip (write, then read back)")):
            b = benchmarks[name]
            scores = [s for fork in b["primaryMetric"]["rawData"] for s in fork]
            median = statistics.median(scores)
            ok = median > 300_000
            slowest = median if slowest is None else min(slowest, median)
            self.add_row("codec", f"JSON Lines codec, {label}: messages/s", f"{median:,.0f}/s",
                         f"{min(scores):,.0f} – {max(scores):,.0f}/s", f"{len(scores)} × 1 s",
                         "> 300,000 msgs/s", self.verdict(ok),
                         f"JMH score {b['primaryMetric']['score']:,.0f} ± {b['primaryMetric']['scoreError']:,.0f}")
        self.targets.append(("codec > 300,000 msgs/s (write, read and round trip)", f"slowest: {slowest:,.0f}/s",
                             self.verdict(slowest > 300_000)))

    def round_trip(self):
        progress("protocol round trip and prerun hook round trip on a live session (1,000 warm-up + 10,000 timed each)")
        classpath = ":".join([os.path.join(self.work, "classes", "cli-test"), self.jar])
        plain = os.path.join(self.plugin_homes[10], ".config", "jig", "plugins", "jig-p01")
        hook = os.path.join(self.hook_homes[1][0], ".config", "jig", "plugins", "jig-h1")
        rows = (
            ([], plain, self.plugin_homes[10], "protocol round trip on a live session (transport only: a small "
             "request, an empty result)", "protocol round trip < 1 ms"),
            (["--hook"], hook, self.hook_homes[1][0], "hook round trip: one `prerun` on a live hook session "
             "(HookParams built, sent, reply decoded as a HookResult)", "hook round trip < 1 ms"),
        )
        for flags, plugin, home, label, target in rows:
            argv = [self.java, "-cp", classpath, "dev.jig.bench.SessionRoundTrip", *flags, plugin, "1000", "10000"]
            done = subprocess.run(argv, cwd=self.cwd, env=self.home_env(home), stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"bench: the round trip {' '.join(flags)} failed (exit {done.returncode}): {done.stderr}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            ok = r["median_us"] < 1000
            self.add_row("round trip", label, f"{r['median_us']:.1f} µs", f"{r['min_us']:.1f} – {r['max_us']:,.1f} µs",
                         f"{r['count']:,}", "< 1 ms", self.verdict(ok),
                         f"p99 {r['p99_us']:.1f} µs; mean {r['mean_us']:.1f} µs; after {r['warmup']:,} warm-up round trips")
            self.commands.append((label.split(" (")[0],
                                  "java -cp bench/work/classes/cli-test:bench/work/install/lib/jig.jar "
                                  f"dev.jig.bench.SessionRoundTrip {' '.join(flags + [self.rel(plugin)])} 1000 10000"))
            self.targets.append((target, f"median {r['median_us']:.1f} µs, p99 {r['p99_us']:.1f} µs", self.verdict(ok)))

    def rss(self):
        if not self.time_bin:
            self.add_row("peak RSS", "peak RSS", "n/a", "", "", note="/usr/bin/time not installed")
            return
        progress(f"peak RSS ({self.rss_runs} runs each)")
        env = self.dispatch_env
        rows = [
            ("`JIG_NO_ROUTES=1 jig hello` (JVM dispatch)", ["hello"], dict(env, JIG_NO_ROUTES="1"), True),
            ("`jig --version`", ["--version"], self.home_env(self.plugin_homes[100]), False),
            ("`jig plugins list`, 100 plugins, warm cache", ["plugins", "list"], self.home_env(self.plugin_homes[100]),
             False),
            ("`jig hello` (fast path: sh, stat, plugin)", ["hello"], env, True),
        ]
        out = os.path.join(self.work, "logs", "rss")
        dispatch_ok = True
        measured = []
        for label, words, row_env, dispatching in rows:
            kib = []
            for _ in range(self.rss_runs):
                done = subprocess.run([self.time_bin, "-f", "%M", "-o", out, self.launcher, *words], env=row_env,
                                      cwd=self.cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
                with open(out) as f:
                    kib.append(int(f.read().split()[-1]))
                if done.returncode != 0:
                    sys.exit(f"bench: {label} failed under /usr/bin/time (exit {done.returncode})")
            median = statistics.median(kib) * 1024
            target = result = ""
            if dispatching:
                ok = max(kib) * 1024 < 64 * MIB
                dispatch_ok = dispatch_ok and ok
                target, result = "< 64 MiB", self.verdict(ok)
                measured.append(f"{label.split(' (')[0]}: {max(kib) / 1024:.1f} MiB max")
            self.add_row("peak RSS", f"peak RSS, {label}", f"{median / MIB:.1f} MiB",
                         f"{min(kib) / 1024:.1f} – {max(kib) / 1024:.1f} MiB", str(len(kib)), target, result)
            self.commands.append((f"peak RSS, {label}",
                                  ("JIG_NO_ROUTES=1 " if row_env.get("JIG_NO_ROUTES") else "")
                                  + f"/usr/bin/time -f %M jig {' '.join(words)}"))
        self.targets.append(("peak RSS < 64 MiB while dispatching", "; ".join(measured), self.verdict(dispatch_ok)))

    # ---------------------------------------------------------------- report

    def machine(self):
        def first_line(argv):
            try:
                done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
                return (done.stdout + done.stderr).strip()
            except (OSError, subprocess.TimeoutExpired):
                return "not available"

        cpu = "unknown"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        mem = ""
        try:
            with open("/proc/meminfo") as f:
                mem = f.readline().split(":", 1)[1].strip()
        except OSError:
            pass
        tools = {name: (first_line([path, "--version"]).splitlines() or ["?"])[0] if path else "not installed"
                 for name, path in self.tools.items()}
        return [
            ("date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")),
            ("nproc", f"{self.nproc} (`nproc`: {first_line(['nproc'])})"),
            ("CPU", cpu),
            ("memory", mem),
            ("load average", f"{self.load_start} when measuring began; {self.load_now()} at the end (other work on "
             "the machine moves the times; the ratios compare interleaved runs)"),
            ("kernel", f"{platform.system()} {platform.release()} {platform.machine()}"),
            ("`/bin/sh`", os.path.realpath("/bin/sh")),
            ("java", self.java),
            ("`java -version`", "<br>".join(first_line([self.java, "-version"]).splitlines())),
            ("gcc", first_line(["gcc", "--version"]).splitlines()[0]),
            ("git", tools["git"]),
            ("docker", tools["docker"] + ("" if not self.tools["docker"] else " (client only; no daemon needed)")),
            ("gh", tools["gh"]),
            ("python", sys.version.split()[0]),
            ("build under test", ", ".join(f"`{path}` sha256 {state[3]}" for path, state in self.build.items())),
            ("jig", f"{self.rel(self.launcher)} + {self.rel(self.jar)}: copies of scripts/jig and cli/target/jig.jar "
             f"taken right after the build, from {self.source}"),
        ]

    def hook_notes(self):
        self.notes.append(
            "Hooks (PROTOCOL.md §4.4): a plugin that lists `hooks` is started in protocol mode once per "
            "invocation, gets `initialize`, then `prerun` before the command and `postrun` after it, then end of "
            "input. While any plugin subscribes, jig writes no route, so a hooked `jig hello` always takes the JVM "
            "path: the hook rows run without `JIG_NO_ROUTES` and are compared with `JIG_NO_ROUTES=1 jig hello` "
            "with no hook plugin. Their extra cost is the scan for subscribers (cached records), starting the hook "
            "sessions (in parallel, one thread each), two requests per plugin one plugin at a time, and closing "
            "the sessions at the end; the C plugins keep the plugins' own start-up out of it, the Python row "
            "shows a realistic one. The round-trip rows time one exchange on a session that is already up.")
        self.notes.append(
            "With no subscriber, a mark in the cache (`hooks/quiet`) holds the answer and is checked with a stat "
            "of each search-path directory and plugin file instead of a scan; `JIG_HOOK` set (as it is inside a "
            "hook) turns hooks off, which makes the baseline of the 100-plugin row.")

    @staticmethod
    def load_now():
        try:
            return " ".join(open("/proc/loadavg").read().split()[:3])
        except OSError:
            return "unknown"

    def write_report(self):
        elapsed = time.monotonic() - self.started
        lines = []
        add = lines.append
        add("# jig benchmarks")
        add("")
        add("Written by `scripts/bench`; rerun it to refresh (about 2–3 minutes on 2 cores, build included). Each row is the median "
            "with min – max over the runs shown; ratios and targets compare medians measured in the same run, "
            "with the compared commands interleaved run by run. Times are wall-clock from Python "
            "(`time.perf_counter` around `subprocess.run`, output to /dev/null), so they include one fork+exec "
            "(the `/bin/true` row).")
        add("")
        add("## Results")
        add("")
        add("| area | measurement | median | min – max | runs | target | result | note |")
        add("|---|---|---|---|---|---|---|---|")
        for row in self.rows:
            add("| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |")
        add("")
        add("## Ratios")
        add("")
        add("| ratio (medians) | value | target | result |")
        add("|---|---|---|---|")
        for row in self.ratios:
            add("| " + " | ".join(row) + " |")
        add("")
        add("## Targets")
        add("")
        add("| target | measured | result |")
        add("|---|---|---|")
        for row in self.targets:
            add("| " + " | ".join(row) + " |")
        add("")
        add("## Checks")
        add("")
        for check in self.checks:
            add(f"- {check}")
        add("")
        if self.notes:
            add("## Notes")
            add("")
            for note in self.notes:
                add(f"- {note}")
            add("")
        add("## Machine")
        add("")
        add("| | |")
        add("|---|---|")
        for key, value in self.machine():
            add(f"| {key} | {value} |")
        add("")
        add("## Commands")
        add("")
        add("Build (from the repository root):")
        add("")
        add("```sh")
        for command in self.args.build_command:
            add(command)
        add("```")
        if self.args.skipped_build:
            add("")
            add("(This run reused an existing build: `BENCH_SKIP_BUILD=1`.)")
        add("")
        settings = (f"BENCH_RUNS={self.runs} BENCH_SLOW_RUNS={self.slow_runs} BENCH_COLD_RUNS={self.cold_runs} "
                    f"BENCH_RSS_RUNS={self.rss_runs}")
        add(f"Run settings: `{settings}`. Measuring took {elapsed:.0f} s (after the build).")
        add("")
        add("`jig` below is `bench/work/install/bin/jig`, a copy of `scripts/jig` next to a copy of the built jar "
            "(`bench/work/install/lib/jig.jar`, the launcher's installed layout), taken right after the build so "
            "that a rebuild in the checkout during the run cannot mix builds. "
            "Every command runs in `bench/work/cwd` (empty: no `./plugins`) with a clean environment, nothing "
            "inherited: `HOME` is `bench/work/homes/dispatch` for the dispatch rows and "
            "`bench/work/homes/plugins-N` for the N-plugin rows, with `XDG_CONFIG_HOME=$HOME/.config`, "
            "`XDG_CACHE_HOME=$HOME/.cache`, `XDG_DATA_HOME=$HOME/.local/share`, `XDG_DATA_DIRS=bench/work/share`, "
            "`DOCKER_CONFIG=$HOME/.docker`, "
            f"`PATH={self.rel(self.path_dir)}:/usr/local/bin:/usr/bin:/bin`, `LANG=C.UTF-8`, "
            f"`JIG_JAVA={self.rel(self.java)}`. Plugins: `$XDG_CONFIG_HOME/jig/plugins/jig-hello`, "
            f"`{self.rel(self.path_dir)}/git-hello`, `$DOCKER_CONFIG/cli-plugins/docker-hello` and "
            "`$XDG_DATA_HOME/gh/extensions/gh-hello/gh-hello` are copies of one C program "
            "(`bench/work/src/hello.c`); the N protocol plugins `jig-p1`… are copies of "
            "`bench/work/src/proto.c`. The N-plugin rows also set `BENCH_PROBE_LOG` (a file under "
            "`bench/work/logs`), where the C protocol plugin logs each start and, per probe, its start and end "
            "times. Hook rows: `bench/work/homes/hooks-1` and `hooks-5` hold `jig-hello` and 1 or 5 copies of "
            "`bench/work/src/hook.c` (`jig-h1`…, subscribing to `prerun` and `postrun`), `hooks-python` holds "
            "`jig-hello` and `jig-hpy` (`bench/work/src/hook.py`, the same plugin in Python); they set "
            "`BENCH_HOOK_LOG` to a new file under `bench/work/logs/hooks-*` before each run, where each hook "
            "plugin logs the hooks it gets; the no-hook rows use the dispatch home. "
            "`bench/work/homes/quiet-100` holds `jig-hello` and 100 copies of `proto.c`, which subscribe to "
            "nothing.")
        add("")
        add("| row | command |")
        add("|---|---|")
        seen = set()
        for label, shown in self.commands:
            if label in seen:
                continue
            seen.add(label)
            add(f"| {label} | `{shown}` |")
        add("")
        text = "\n".join(lines)
        with open(self.args.output, "w") as f:
            f.write(text)
        return text

    def print_summary(self):
        def table(header, rows):
            widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
            print("  ".join(str(h).ljust(w) for h, w in zip(header, widths)))
            for r in rows:
                print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())

        print()
        table(("measurement", "median", "min – max", "runs", "target", "result"),
              [(r[1].replace("`", ""), r[2], r[3], r[4], r[5], r[6]) for r in self.rows])
        print()
        table(("ratio (medians, same run)", "value", "target", "result"), self.ratios)
        print()
        table(("target", "measured", "result"), [(t[0].replace("`", ""), t[1], t[2]) for t in self.targets])
        print()
        for check in self.checks:
            print("- " + check.replace("`", "").replace("**", ""))
        print()
        print(f"Written to {self.rel(self.args.output)} (machine info and exact commands there).")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--java", required=True)
    parser.add_argument("--hello", required=True)
    parser.add_argument("--proto", required=True)
    parser.add_argument("--hook", required=True)
    parser.add_argument("--protocol-classpath", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--build-command", action="append", default=[])
    parser.add_argument("--skipped-build", action="store_true")
    args = parser.parse_args()

    bench = Bench(args)
    bench.setup()
    bench.settle()
    before = bench.build_state()
    checkout_before = bench.build_state(bench.checkout)
    bench.dispatch()
    bench.help_and_list()
    bench.hooks()
    bench.quiet_dispatch()
    bench.hook_notes()
    bench.round_trip()
    bench.codec()
    bench.rss()
    after = bench.build_state()
    bench.build = after
    if after != before:
        changed = ", ".join(path for path in after if after[path] != before.get(path))
        warning = (f"BUILD CHANGED DURING THE RUN: {changed} changed while the bench ran (rebuilt by someone "
                   "else?); the results mix builds: run it again.")
        bench.checks.insert(0, warning)
        progress(warning)
    checkout_after = bench.build_state(bench.checkout)
    if checkout_after != checkout_before:
        changed = ", ".join(path for path in checkout_after if checkout_after[path] != checkout_before.get(path))
        bench.notes.append(f"{changed} in the checkout changed while the bench ran (rebuilt or edited by someone "
                           "else); the run measured the copy in bench/work/install, taken right after its build.")
    bench.write_report()
    bench.print_summary()


if __name__ == "__main__":
    main()
