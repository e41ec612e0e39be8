"""Building blocks for driving real LanChat processes under Xvfb the way a person would.

A `Desktop` is an Xvfb display with a window manager (openbox) and a system tray (trayer). A `Server` is a real
`lanchat-server` on free loopback ports with its own data directory, managed through its own CLI. An `App` is
a real `lanchat` process with its own HOME and XDG directories and language; the script clicks and types at it
with xdotool (real X input) and uses the app's automation hook (app/automationhook.h, enabled by
LANCHAT_AUTOMATION_SOCKET) only to find widgets and read what they show.

Waiting is always for a condition, with a generous deadline that only turns a hang into a clear failure.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

DEADLINE_S = 60.0


class ScenarioError(RuntimeError):
    """A step did not reach the state it expects; the message says which and what was seen."""


def wait_until(what, predicate, deadline_s=DEADLINE_S):
    """Polls predicate() until it returns something truthy and returns that; raises after deadline_s."""
    end = time.monotonic() + deadline_s
    last = None
    while True:
        try:
            value = predicate()
        except ScenarioError as error:  # a widget not there yet is an ordinary "not yet"
            value, last = None, error
        if value:
            return value
        if time.monotonic() > end:
            raise ScenarioError(f"timed out waiting for {what}" + (f" ({last})" if last else ""))
        time.sleep(0.1)


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Desktop:
    """An Xvfb screen with openbox and trayer, so windows get frames, focus and a tray like on a real desktop."""

    def __init__(self, work: Path, width=1600, height=1000):
        self.work = work
        self.processes = []
        number = 90
        while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            number += 1
        self.display = f":{number}"
        self.size = (width, height)

    def env(self):
        return dict(os.environ, DISPLAY=self.display)

    def start(self):
        # A display number that looked free can be taken by another X server starting at the same moment: then
        # this Xvfb exits, or the window manager cannot connect. Try the next numbers.
        for _ in range(3):
            try:
                return self._start_once()
            except ScenarioError:
                self.stop()
                self.processes = []
                self.display = f":{int(self.display[1:]) + 1}"
        return self._start_once()

    def _start_once(self):
        log = open(self.work / "xvfb.log", "w")
        self.processes.append(subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", f"{self.size[0]}x{self.size[1]}x24", "-nolisten", "tcp"],
            stdout=log, stderr=subprocess.STDOUT))
        wait_until("the X server", lambda: subprocess.run(
            ["xdotool", "getdisplaygeometry"], env=self.env(), capture_output=True).returncode == 0)
        wm_log = open(self.work / "openbox.log", "w")
        self.processes.append(subprocess.Popen(["openbox"], env=self.env(), stdout=wm_log, stderr=subprocess.STDOUT))
        self.processes.append(subprocess.Popen(
            ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "pixel", "--width", "160",
             "--height", "28", "--transparent", "false", "--tint", "0x333333"],
            env=self.env(), stdout=wm_log, stderr=subprocess.STDOUT))
        wait_until("the window manager", lambda: subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=self.env(), capture_output=True,
            text=True).stdout.find("window id") >= 0, deadline_s=20)

    def xdotool(self, *args):
        result = subprocess.run(["xdotool", *map(str, args)], env=self.env(), capture_output=True, text=True)
        if result.returncode != 0:
            raise ScenarioError(f"xdotool {' '.join(map(str, args))}: {result.stderr.strip()}")
        return result.stdout.strip()

    def screenshot(self, path: Path):
        subprocess.run(["import", "-window", "root", str(path)], env=self.env(), check=True)

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            process.wait()


class Server:
    """A real lanchat-server on free loopback ports; the admin's CLI runs against its data directory."""

    def __init__(self, build: Path, work: Path, config=""):
        self.binary = build / "server" / "lanchat-server"
        self.data = work / "server"
        self.port = free_port()
        self.udp = free_port(socket.SOCK_DGRAM)
        self.config = work / "server.conf"
        self.config.write_text("[server]\n" + config)
        self.log_path = work / "server.log"
        self.process = None

    def cli(self, *args, stdin=None):
        result = subprocess.run([str(self.binary), *args, "--data-dir", str(self.data), "--config", str(self.config)],
                                input=stdin, capture_output=True, text=True)
        if result.returncode != 0:
            raise ScenarioError(f"lanchat-server {' '.join(args)}: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout

    def add_user(self, name, display, password):
        self.cli("user", "add", name, "--display-name", display, "--password-stdin", stdin=password + "\n")

    def start(self):
        start_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--data-dir", str(self.data), "--config", str(self.config),
             "--listen", "127.0.0.1", "--port", str(self.port), "--discovery-port", str(self.udp)],
            stdout=log, stderr=subprocess.STDOUT)

        def listening():
            with open(self.log_path, errors="replace") as f:
                f.seek(start_offset)
                return "listening" in f.read()
        wait_until("the server to listen", listening)

    def kill(self):
        """SIGKILL, as a crash or a power cut would."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()

    def new_certificate(self):
        """The admin replaced the server's key pair (or someone impersonates the server): a new self-signed one."""
        for name in ("server.crt", "server.key"):
            (self.data / name).unlink()


class App:
    """A real `lanchat` process with its own home directory and language, driven with real X input."""

    def __init__(self, name, build: Path, work: Path, desktop: Desktop, lang="en_US.UTF-8", extra_env=None):
        self.name = name
        self.binary = build / "app" / "lanchat"
        self.desktop = desktop
        self.home = work / f"home-{name}"
        self.socket = work / f"hook-{name}.sock"
        self.lang = lang
        self.extra_env = extra_env or {}
        self.process = None

    def start(self):
        self.home.mkdir(parents=True, exist_ok=True)
        if self.socket.exists():  # left by a killed run of the app
            self.socket.unlink()
        env = dict(self.desktop.env(), HOME=str(self.home), XDG_CONFIG_HOME=str(self.home / ".config"),
                   XDG_DATA_HOME=str(self.home / ".local/share"), XDG_CACHE_HOME=str(self.home / ".cache"),
                   XDG_DOWNLOAD_DIR=str(self.home / "Downloads"), LANG=self.lang, LC_ALL=self.lang,
                   LANGUAGE="", QT_QPA_PLATFORM="xcb", LANCHAT_AUTOMATION_SOCKET=str(self.socket))
        env.update(self.extra_env)
        log = open(self.home.parent / f"app-{self.name}.log", "a")
        self.process = subprocess.Popen([str(self.binary)], env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_until(f"{self.name}'s automation hook", lambda: self.socket.exists())

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    # -- reading the screen through the hook ---------------------------------------------------------------

    def ask(self, cmd, **fields):
        if self.process.poll() is not None:
            raise ScenarioError(f"{self.name}'s app exited with {self.process.returncode}")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(DEADLINE_S)
            try:
                s.connect(str(self.socket))
            except (ConnectionRefusedError, FileNotFoundError) as error:  # the app is still starting
                raise ScenarioError(f"{self.name}'s automation hook: {error}") from error
            s.sendall(json.dumps(dict(cmd=cmd, **fields)).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        reply = json.loads(data)
        if not reply.get("ok"):
            raise ScenarioError(f"{self.name}: {cmd} {fields}: {reply.get('error')}")
        return reply

    def find(self, name):
        return self.ask("find", name=name)

    def shows(self, name):
        """True when widget `name` exists and is visible now."""
        try:
            return self.find(name)["visible"]
        except ScenarioError:
            return False

    def wait_visible(self, name, deadline_s=DEADLINE_S):
        return wait_until(f"{self.name}: {name} visible", lambda: self.find(name)["visible"] and self.find(name),
                          deadline_s)

    def wait_hidden(self, name):
        wait_until(f"{self.name}: {name} hidden", lambda: not self.shows(name))

    def wait_text(self, name, contains):
        return wait_until(f"{self.name}: {name} showing {contains!r}",
                          lambda: contains in self.find(name)["text"] and self.find(name))

    def rows(self, view):
        """Every row of item view `view` as a dict of its model's named roles (e.g. title, unread, text)."""
        return self.ask("items", view=view)["rows"]

    def wait_row(self, view, what, predicate):
        """The first row of `view` for which predicate(row) holds, waiting until there is one."""
        return wait_until(f"{self.name}: {what} in {view}",
                          lambda: next((r for r in self.rows(view) if predicate(r)), None))

    # -- acting through the window system ----------------------------------------------------------------

    def click_at(self, x, y, button=1, double=False):
        self.desktop.xdotool("mousemove", "--sync", x, y)
        self.desktop.xdotool("click", "--repeat", 2 if double else 1, button)

    def click(self, name, double=False):
        widget = self.wait_visible(name)
        if not widget["enabled"]:
            raise ScenarioError(f"{self.name}: {name} is disabled")
        # A check box reacts only on its box and label, which sit at its left end, not in its middle.
        checkable = widget["class"].endswith(("CheckBox", "RadioButton"))
        x = widget["x"] + (8 if checkable else widget["w"] // 2)
        self.click_at(x, widget["y"] + widget["h"] // 2, double=double)

    def click_row(self, view, contains, double=False, right_end=False):
        """Clicks the first row of `view` showing `contains`: near its left end, or at its right end (an empty
        part of an incoming message's row, which selects it without hitting a link in the bubble)."""
        item = wait_until(f"{self.name}: row {contains!r} in {view}",
                          lambda: self.ask("item", view=view, text=contains))
        x = item["x"] + (item["w"] - 12 if right_end else min(item["w"] // 2, 120))
        self.click_at(x, item["y"] + item["h"] // 2, double=double)

    def type(self, text):
        self.desktop.xdotool("type", "--delay", "15", text)

    def key(self, *keys):
        self.desktop.xdotool("key", "--delay", "40", *keys)

    def focus_is(self, name):
        return self.ask("focus")["name"] == name

    def type_into(self, name, text, replace=True):
        """Clicks the field, waits for it to have keyboard focus, then types like a person."""
        def focused():
            # A click can reach a window the manager has only just mapped and not yet given the focus: again.
            self.click(name)
            try:
                return wait_until("focus", lambda: self.focus_is(name), deadline_s=2.0)
            except ScenarioError:
                return False
        wait_until(f"{self.name}: focus in {name}", focused)
        if replace:
            self.key("ctrl+a", "BackSpace")
        if text.isascii():
            self.type(text)
            return
        # Characters outside the keymap (Chinese) are typed by remapping a spare keycode for each one; X can
        # deliver one with the mapping already undone, and it is lost or wrong. A person would see that and
        # type it again: so does this, one character at a time, checking the field after each.
        for char in text:
            before = self.find(name)["text"]
            for _ in range(5):
                self.desktop.xdotool("type", char)
                try:
                    wait_until(f"{char!r} in {name}", lambda: self.find(name)["text"] == before + char, 2.0)
                    break
                except ScenarioError:
                    extra = len(self.find(name)["text"]) - len(before)
                    if extra > 0:
                        self.key(*["BackSpace"] * extra)
            else:
                raise ScenarioError(f"{self.name}: could not type {char!r} into {name}")

    def place(self, window_name, x, y, w, h):
        """Moves and resizes the window whose objectName is window_name (e.g. mainWindow) and activates it."""
        wid = self.wait_visible(window_name)["wid"]
        self.desktop.xdotool("windowsize", "--sync", wid, w, h)
        self.desktop.xdotool("windowmove", "--sync", wid, x, y)
        self.desktop.xdotool("windowactivate", "--sync", wid)

    def snapshot_window(self, window_name, path: Path):
        """A PNG of one of this app's windows (by objectName) with its frame, as the window manager draws it."""
        wid = self.wait_visible(window_name)["wid"]
        subprocess.run(["import", "-window", wid, "-frame", str(path)], env=self.desktop.env(), check=True)


def need_tools():
    """The Debian packages the scenario runs on; installs what is missing (sudo when not root)."""
    wanted = {"Xvfb": "xvfb", "openbox": "openbox", "trayer": "trayer", "xdotool": "xdotool",
              "import": "imagemagick", "xprop": "x11-utils"}
    missing = sorted({package for tool, package in wanted.items() if shutil.which(tool) is None})
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip()
    if not fonts:
        missing.append("fonts-noto-cjk")
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
