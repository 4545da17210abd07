#!/usr/bin/env python3
"""Proposes the `server-kind` answer (questions.tsv) of each development case from what the case itself states.

Only the case's `environment` and `user_text` are read, never its label or fix: the answer a simulated user gives must
be one the poster could give. The proposals are a reading aid, not the data: each was checked by reading the case
before it went into bot/src/test/resources/eval/*.jsonl (issue 13, branch serverkind, 2026-12-07).

    python3 bench/server-kind-proposals.py bot/src/test/resources/eval/*.jsonl          # id, proposal, why
    python3 bench/server-kind-proposals.py --write FILE...       # record them, less REJECTED, plus SETTLED (below)

The far side is the text after the connection's direction word ("X to Y", "into Y") when there is one; a Windows
release followed by "client" names the client side and is ignored. Two kinds named on the far side propose nothing.
"""
import json
import re
import sys

KINDS = [  # (answer, pattern on the far side); the first that matches decides, so the narrow kinds come first
    ("avd", r"azure virtual desktop|windows virtual desktop|windows 365|cloud pc|\bavd\b|\bwvd\b"),
    ("windows-home", r"rdp ?wrap|rdpwrapkit|superrdp|termwrap|multi-session patch|windows (?:10|11|8\.1|8) home"),
    ("linux", r"\bxrdp|gnome[- ]remote[- ]desktop|gnome \d+ remote desktop|lamco-rdp-server|linux-vm-tools"
              r"|(?:ubuntu|fedora|debian|arch linux|kali|centos).{0,40}\b(?:guest|vm|vps|server)\b"),
    ("other", r"vrdp|vrde"),
    ("windows-server", r"windows server|server 20(?:03|08|12|16|19|22|25)|terminal server|rd session host"
                       r"|session host|\brds\b|windows 2000 server|domain controller"),
    ("windows-pro", r"windows (?:10|11|7|8\.1|8|xp|vista)(?! client)(?! clients)|win ?1[01]\b"),
]
DIRECTION = re.compile(r"\b(?:to|into|against|reached through|reaching)\b", re.I)


def far_side(environment):
    parts = DIRECTION.split(environment, maxsplit=1)
    return parts[1] if len(parts) == 2 else environment


def propose(case):
    side = far_side(case.get("environment", "")).lower()
    found = [kind for kind, pattern in KINDS if re.search(pattern, side)]
    if "windows-home" in found:  # RDP Wrapper is named together with the Windows release it patches
        found = [k for k in found if k not in ("windows-pro", "windows-server")]
    if "linux" in found:  # xrdp's own Windows-side words ("Windows Remote Desktop client") are the client
        found = [k for k in found if k != "windows-pro"]
    if "avd" in found:  # AVD session hosts run Windows 10/11 multi-session or Windows Server
        found = ["avd"]
    return (found[0] if len(found) == 1 else None), found, side


def main(args):
    write = args[:1] == ["--write"]
    for path in args[1:] if write else args:
        lines = open(path, encoding="utf-8").read().splitlines()
        out = []
        for line in lines:
            case = json.loads(line)
            value, found, side = propose(case)
            if write:
                answers = case.get("answers") or {}
                value = accepted(case)
                if value and "server-kind" not in answers:
                    answers["server-kind"] = value
                    case["answers"] = answers
                out.append(json.dumps(case, ensure_ascii=False))
            elif found:
                print(f"{case['id']}\t{value or 'AMBIGUOUS ' + ','.join(found)}\t{side[:110]}")
        if write:
            open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")


# What reading each proposal settled. Rejected: the words matched name the client, a gateway or proxy, or more than one
# kind of target, so the case does not state one answer.
REJECTED = {
    "c001": "Windows 10 and Server hosts", "r001": "Windows 10 and Server hosts", "r013": "Windows 10 and Server",
    "s006": "Windows 10 and Server", "m003": "Server 2003 and XP", "m010": "Windows 7 or Server 2012",
    "p015": "Windows 10 or Server", "p017": "Windows or Windows Server", "p018": "Vista or Server 2008",
    "q020": "Windows 7 or Server 2008 R2", "j014": "Windows 11 and Server 2025", "a014": "Windows 7 Pro and Server",
    "f035": "Windows 10 and Servers", "e010": "some of the hosts Windows 10 Home",
    "c006": "the Windows release is the client's", "x007": "the client's", "p019": "the clients'",
    "g016": "the client's", "f031": "the client's", "h004": "the client's", "h017": "the client's",
    "f020": "RDP Wrapper on the client; the office PC is not described",
    "d007": "xrdp proxies to Windows: the user connects to xrdp, the desktop is Windows",
    "r003": "the server named is the gateway", "s004": "the gateway", "h005": "the gateway", "f012": "the gateway",
    "k012": "Windows 10 is where the .rdp file was made, not stated as the host",
    "z010": "Windows 10 runs the MeshCentral server, not stated as the target",
}
SETTLED = {  # proposed nothing or two kinds; the case states one
    "p020": "windows-server",  # "Windows 10 1709 clients ... RD Session Host": the clients are Windows 10
    "b006": "linux",  # an Ubuntu desktop container with xrdp; "the Windows host" is where it is published
}
ACCEPTED = None  # computed in accepted()


def accepted(case):
    if case["id"] in SETTLED:
        return SETTLED[case["id"]]
    value, _, _ = propose(case)
    return None if case["id"] in REJECTED else value


if __name__ == "__main__":
    main(sys.argv[1:])
