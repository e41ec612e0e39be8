#!/usr/bin/env python3
"""A working day with LanChat, end to end: a real server and two real desktop apps under Xvfb with a window
manager and a tray, one user in English (Alice) and one in Chinese (Bob, 王小明), driven with real X input.

Every step waits for what a person would see, then saves a screenshot of the whole screen as
OUT/NN-step.png. Unhappy paths are part of the day: the server is killed and comes back, its certificate
changes, Bob is removed from a group and re-added, Bob's app is restarted. The scenario fails (exit 1) at the
first step that does not reach its state, naming it; no step needs logging out.

Usage: scripts/day-in-the-life.sh [--out DIR] [--keep]   (builds first; see there)
"""

import argparse
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lanchat_e2e import App, Desktop, ScenarioError, Server, need_tools, wait_until  # noqa: E402

PASSWORD = "correct horse battery staple"
SENT, DOWNLOADED = 7, 8  # FileTransferState (client/modelroles.h) of a file message: Sent, Downloaded
GROUP = "项目组 Alpha"
# Steps whose whole-screen picture (Alice in English on the left, Bob in Chinese on the right) goes into
# docs/screenshots/day-NAME.png with --docs.
DOCS_SHOTS = {"conversation", "file-downloaded", "announcement-read", "certificate-changed", "removed-from-group"}


class Day:
    def __init__(self, build: Path, out: Path, work: Path, docs: Path = None):
        self.build, self.out, self.work, self.docs = build, out, work, docs
        self.desktop = Desktop(work)
        self.server = Server(build, work)
        self.alice = App("alice", build, work, self.desktop, lang="en_US.UTF-8")
        self.bob = App("bob", build, work, self.desktop, lang="zh_CN.UTF-8")
        self.number = 0

    # -- helpers -------------------------------------------------------------------------------------------

    def step(self, title):
        self.number += 1
        self.title = title
        print(f"== {self.number:02d} {title}", flush=True)

    def shot(self, name):
        path = self.out / f"{self.number:02d}-{name}.png"
        self.desktop.screenshot(path)
        print(f"   screenshot {path}", flush=True)
        if self.docs and name in DOCS_SHOTS:
            shutil.copyfile(path, self.docs / f"day-{name}.png")

    def log_in(self, app: App, user: str):
        app.wait_visible("loginDialog")
        app.type_into("serverCombo", f"127.0.0.1:{self.server.port}")  # an editable combo box: it holds the focus
        app.type_into("usernameEdit", user)
        app.type_into("passwordEdit", PASSWORD)
        app.key("Return")
        seen = wait_until(f"{app.name}: certificate question or main window",
                          lambda: next((n for n in ("certificateFirstUse", "mainWindow") if app.shows(n)), None))
        if seen == "certificateFirstUse":
            self.shot(f"{app.name}-first-use-certificate")
            app.click("trustButton")
        app.wait_visible("mainWindow")

    def place_windows(self, *apps):
        """Alice's main window on the left half of the screen, Bob's on the right (above the tray)."""
        width, height = self.desktop.size
        for app in apps or (self.alice, self.bob):
            app.place("mainWindow", 0 if app is self.alice else width // 2, 0, width // 2, height - 40)

    def open_chat_with(self, app: App, display_name: str):
        app.click("newChatButton")
        wait_until(f"{app.name}: focus in the search field", lambda: app.focus_is("searchEdit"))
        app.type(display_name)
        app.click_row("contactList", display_name, double=True)
        app.wait_text("conversationTitle", display_name)
        app.type_into("searchEdit", "")  # clear the filter again

    def send(self, app: App, text: str):
        app.type_into("messageInput", text)
        app.key("Return")

    def conversation(self, app: App, title_part: str):
        return app.wait_row("conversationList", title_part, lambda r: title_part in r.get("title", ""))

    def message(self, app: App, text: str):
        return app.wait_row("messageList", repr(text), lambda r: text in r.get("text", ""))

    # -- the day -------------------------------------------------------------------------------------------

    def run(self):
        self.step("morning: the admin has set up the server, accounts and a project group")
        self.desktop.start()
        self.server.start()
        self.server.add_user("alice", "Alice Smith", PASSWORD)
        self.server.add_user("bob", "王小明", PASSWORD)
        self.server.add_user("carol", "Carol", PASSWORD)
        self.server.add_user("it", "IT Service Desk", PASSWORD)  # owns the announcement channel
        self.server.cli("group", "create", GROUP, "alice", "bob", "carol")

        self.step("Alice (English) and Bob (Chinese) start the app and log in")
        # One after the other: two login dialogs would open on top of each other.
        self.alice.start()
        self.log_in(self.alice, "alice")
        self.place_windows(self.alice)
        self.bob.start()
        self.log_in(self.bob, "bob")
        self.place_windows(self.bob)
        self.conversation(self.alice, GROUP)
        self.conversation(self.bob, GROUP)
        self.shot("logged-in")

        self.step("Alice starts a private chat with Bob and writes; Bob sees it unread")
        self.open_chat_with(self.alice, "王小明")
        self.send(self.alice, "Morning! Could you review the Q3 report today?")
        self.message(self.alice, "Q3 report")
        self.conversation(self.bob, "Alice")
        self.bob.wait_row("conversationList", "Alice's message unread", lambda r: r.get("unread", 0) >= 1)
        self.shot("unread-at-bob")

        self.step("Bob opens the chat: the message is read, Alice sees it read; Bob answers in Chinese")
        self.bob.click_row("conversationList", "Alice")
        self.message(self.bob, "Q3 report")
        self.bob.wait_row("conversationList", "no unread left", lambda r: "Alice" in r["title"] and r["unread"] == 0)
        self.alice.wait_row("messageList", "the read receipt",
                            lambda r: "Q3 report" in r.get("text", "") and r.get("readCount", 0) >= 1)
        self.send(self.bob, "好的，下午三点前给你")
        self.message(self.alice, "下午三点前")
        self.shot("conversation")

        self.step("the group: Bob writes, Alice reads it in the group chat")
        self.bob.click_row("conversationList", GROUP)
        self.bob.wait_text("conversationTitle", "项目组")
        self.send(self.bob, "周会改到周四")
        self.alice.click_row("conversationList", GROUP)
        self.message(self.alice, "周会改到周四")
        self.shot("group")

        self.step("Alice sends Bob the report as a file; Bob downloads it from the bubble with the keyboard")
        report = self.work / "Q3-report.pdf"
        report.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8192)  # 2 MiB
        self.alice.click_row("conversationList", "王小明")
        self.alice.wait_text("conversationTitle", "王小明")
        self.alice.click("attachButton")
        self.alice.wait_visible("fileNameEdit")  # Qt's own file dialog
        self.alice.type_into("fileNameEdit", str(report))
        self.alice.key("Return")
        self.alice.wait_row("messageList", "the report sent",
                            lambda r: r.get("fileName") == report.name and r.get("fileTransferState") == SENT)
        self.bob.click_row("conversationList", "Alice")
        row = self.bob.wait_row("messageList", "the report offered", lambda r: r.get("fileName") == report.name)
        self.bob.click_row("messageList", report.name, right_end=True)
        self.bob.key("Return")  # the bubble's first action, Download, from the keyboard
        self.bob.wait_row("messageList", "the report downloaded",
                          lambda r: r.get("fileName") == report.name and r.get("fileTransferState") == DOWNLOADED)
        downloaded = self.bob.home / "Downloads" / "LanChat" / report.name
        wait_until("the downloaded copy identical", lambda: downloaded.exists()
                   and downloaded.read_bytes() == report.read_bytes())
        del row
        self.shot("file-downloaded")

        self.step("the admin posts an announcement: a badge and a notice card; nobody can reply into it")
        self.server.cli("broadcast", "Fire drill at 15:00 — please leave by the stairs. 15:00 消防演习，请走楼梯。",
                        "--owner", "it")
        for app in (self.alice, self.bob):
            app.wait_row("conversationList", "the announcement unread",
                         lambda r: r.get("isAnnouncements") and r.get("unread", 0) >= 1)
        self.shot("announcement-unread")
        self.bob.click_row("conversationList", "公告")
        self.bob.wait_text("removedNotice", "管理员")
        wait_until("bob's input closed in the channel", lambda: not self.bob.find("messageInput")["enabled"])
        self.bob.wait_row("conversationList", "the announcement read",
                          lambda r: r.get("isAnnouncements") and r.get("unread", 0) == 0)
        self.shot("announcement-read")

        self.step("the server crashes (SIGKILL): both apps say offline and offer Reconnect")
        self.server.kill()
        for app in (self.alice, self.bob):
            app.wait_visible("reconnectButton")
        self.shot("server-down")

        self.step("the server comes back; Alice presses F5, Bob's app reconnects by itself")
        self.server.start()
        self.alice.click("messageInput")
        self.alice.key("F5")
        for app in (self.alice, self.bob):
            app.wait_hidden("reconnectButton")
        self.send(self.alice, "Back online?")
        self.bob.click_row("conversationList", "Alice")
        self.message(self.bob, "Back online?")
        self.shot("reconnected")

        self.step("the server's certificate changes: a warning; Alice cancels and can still reconnect later")
        self.server.stop()
        self.server.new_certificate()
        self.server.start()
        self.alice.click("messageInput")
        self.alice.key("F5")
        self.alice.wait_visible("certificateMismatch")
        self.bob.wait_visible("certificateMismatch")
        self.shot("certificate-changed")
        self.alice.click("certificateCancelButton")
        self.alice.wait_hidden("certificateMismatch")
        self.alice.wait_visible("reconnectButton")
        self.shot("certificate-cancelled")

        self.step("Bob checks the new fingerprint with the admin and trusts it; so does Alice, via Reconnect")
        self.bob.click("confirmCheck")
        self.bob.click("trustButton")
        self.bob.wait_hidden("reconnectButton")
        self.alice.click("reconnectButton")
        self.alice.wait_visible("certificateMismatch")
        self.alice.click("confirmCheck")
        self.alice.click("trustButton")
        self.alice.wait_hidden("reconnectButton")
        self.send(self.alice, "New certificate is fine, the admin rotated it.")
        self.message(self.bob, "rotated it")

        self.step("Bob is removed from the group by the admin: a notice, the input is closed")
        self.bob.click_row("conversationList", GROUP)
        self.server.cli("group", "remove", GROUP, "bob")
        self.bob.wait_visible("removedNotice")
        wait_until("bob's input disabled", lambda: not self.bob.find("messageInput")["enabled"])
        self.shot("removed-from-group")

        self.step("Bob is added again: the chat works again")
        self.server.cli("group", "add", GROUP, "bob")
        self.bob.wait_hidden("removedNotice")
        wait_until("bob's input enabled", lambda: self.bob.find("messageInput")["enabled"])
        self.send(self.bob, "我回来了")
        self.alice.click_row("conversationList", GROUP)
        self.message(self.alice, "我回来了")

        self.step("a small window: nothing essential is cut off")
        self.alice.place("mainWindow", 0, 0, 640, 480)
        self.shot("small-window")
        self.place_windows()

        self.step("Bob restarts his app in the middle of the day; history is still there")
        self.bob.kill()
        self.bob.start()
        seen = wait_until("bob: login dialog or main window",
                          lambda: next((n for n in ("loginDialog", "mainWindow") if self.bob.shows(n)), None))
        if seen == "loginDialog":  # "stay logged in" was not chosen: the name is remembered, the password not
            self.bob.type_into("usernameEdit", "bob")
            self.bob.type_into("passwordEdit", PASSWORD)
            self.bob.key("Return")
        self.bob.wait_visible("mainWindow")
        self.place_windows(self.bob)
        self.bob.click_row("conversationList", GROUP)
        self.message(self.bob, "我回来了")
        self.bob.click_row("conversationList", "Alice")
        self.message(self.bob, "rotated it")
        self.shot("after-restart")

        self.step("end of the day: everything was done without logging out")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="build directory with app/lanchat and server/")
    parser.add_argument("--out", default=None, help="screenshot directory (default: BUILD/day-in-the-life)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, homes)")
    parser.add_argument("--docs", action="store_true", help="also write docs/screenshots/day-*.png")
    args = parser.parse_args()
    build = Path(args.build).resolve()
    out = Path(args.out or build / "day-in-the-life").resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    need_tools()
    work = Path(tempfile.mkdtemp(prefix="lanchat-day-"))
    docs = Path(__file__).resolve().parents[2] / "docs" / "screenshots" if args.docs else None
    day = Day(build, out, work, docs)
    status = 0
    try:
        day.run()
        print(f"day-in-the-life: all {day.number} steps done; screenshots in {out}")
    except (ScenarioError, OSError) as error:
        status = 1
        print(f"day-in-the-life: FAILED at step {day.number} ({getattr(day, 'title', '?')}): {error}",
              file=sys.stderr)
        traceback.print_exc()
        try:
            day.shot("failure")
        except Exception:  # the display itself may be gone; the message above says what failed
            pass
        print(f"logs: {work}", file=sys.stderr)
        args.keep = True
    finally:
        for app in (day.alice, day.bob):
            app.kill()
        day.server.stop()
        day.desktop.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
