"""Checks that the files a guide shows whole are the files of the tree.

    check_doc_files.py GUIDE.md SOURCE_ROOT

A code block that a line `<!-- file: PATH -->` precedes must hold exactly
the contents of SOURCE_ROOT/PATH. Prints `PATH: same` for each such block,
or a unified diff and `PATH: DIFFERS`; exits 1 when one differs or when the
guide shows no file.
"""

import difflib
import pathlib
import re
import sys

guide, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = guide.read_text()
blocks = re.findall(r"<!-- file: (\S+) -->\n```[a-z]*\n(.*?)^```$", text,
                    re.S | re.M)
status = 0 if blocks else 1
for path, shown in blocks:
    actual = (root / path).read_text()
    if shown == actual:
        print(f"{path}: same")
        continue
    status = 1
    sys.stdout.writelines(difflib.unified_diff(
        actual.splitlines(True), shown.splitlines(True),
        f"{path} (tree)", f"{path} ({guide.name})"))
    print(f"{path}: DIFFERS")
sys.exit(status)
