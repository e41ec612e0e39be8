#!/usr/bin/python3
"""Runs a command under the system-call filter of a systemd unit, without systemd.

Usage: scripts/unit-sandbox.py UNIT-FILE USER COMMAND [ARG...]   (as root)

CI machines and containers often run without systemd as PID 1, so the hardened unit cannot be started there.
This applies the parts of it that decide whether the server works at all: the unit's SystemCallFilter= lines
(allow lists and ~deny lists, groups expanded by `systemd-analyze syscall-filter`), SystemCallErrorNumber=,
MemoryDenyWriteExecute= (as systemd does it: no mapping both writable and executable, no mprotect adding
PROT_EXEC), NoNewPrivileges (always on here), an empty capability set (the process runs as USER), and UMask=.
The file system sandbox (ProtectSystem=, PrivateTmp=, ...) is not emulated.
Needs python3-seccomp (libseccomp's bindings).
"""
import errno
import grp
import os
import pwd
import subprocess
import sys

import seccomp


def expand(name, seen):
    """The system calls of a name: a group (@...) expanded recursively, or the call itself."""
    if not name.startswith('@'):
        return {name}
    if name in seen:
        return set()
    seen.add(name)
    listing = subprocess.run(['systemd-analyze', 'syscall-filter', name], check=True, capture_output=True,
                             text=True).stdout
    calls = set()
    for line in listing.splitlines()[1:]:
        word = line.strip()
        if word and not word.startswith('#'):
            calls |= expand(word, seen)
    return calls


PROT_WRITE, PROT_EXEC = 0x2, 0x4


def memory_deny_write_execute():
    """A second filter, as systemd stacks it: the kernel applies the stricter answer of the two."""
    mdwe = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    both = PROT_WRITE | PROT_EXEC
    mdwe.add_rule(seccomp.ERRNO(errno.EPERM), 'mmap', seccomp.Arg(2, seccomp.MASKED_EQ, both, both))
    for call in ('mprotect', 'pkey_mprotect'):
        mdwe.add_rule(seccomp.ERRNO(errno.EPERM), call, seccomp.Arg(2, seccomp.MASKED_EQ, PROT_EXEC, PROT_EXEC))
    return mdwe


def unit_settings(path):
    allow, deny, error_number, umask = set(), set(), errno.EPERM, 0o022
    deny_write_execute = False
    for line in open(path, encoding='utf-8'):
        key, _, value = line.strip().partition('=')
        if key == 'SystemCallFilter':
            names = value.lstrip('~').split()
            calls = set().union(*(expand(n, set()) for n in names)) if names else set()
            (deny if value.startswith('~') else allow).update(calls)
        elif key == 'SystemCallErrorNumber':
            error_number = getattr(errno, value)
        elif key == 'UMask':
            umask = int(value, 8)
        elif key == 'MemoryDenyWriteExecute':
            deny_write_execute = value in ('yes', 'true', '1', 'on')
    return allow - deny, error_number, umask, deny_write_execute


def main():
    unit, user, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    allowed, error_number, umask, deny_write_execute = unit_settings(unit)
    if not allowed:
        sys.exit('unit-sandbox: %s has no SystemCallFilter allow list' % unit)
    syscall_filter = seccomp.SyscallFilter(defaction=seccomp.ERRNO(error_number))
    for call in sorted(allowed):
        try:
            syscall_filter.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError):
            pass  # a name this architecture does not have
    account = pwd.getpwnam(user)
    os.setgroups([g.gr_gid for g in grp.getgrall() if user in g.gr_mem])
    os.setgid(account.pw_gid)
    os.setuid(account.pw_uid)  # drops every capability: no ambient ones are set
    os.umask(umask)
    if deny_write_execute:
        memory_deny_write_execute().load()  # first: the second load needs seccomp(), which the unit may forbid
    syscall_filter.load()  # sets no_new_privs first
    os.execv(command[0], command)


if __name__ == '__main__':
    main()
