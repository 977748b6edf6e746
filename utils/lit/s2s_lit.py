"""lit helpers for test suites that run the s2s tools.

An out-of-tree project (a plugin, a dialect built on s2s) calls
`configure(config, lit_config, tools_dir, llvm_tools_dir)` from its
lit.cfg.py: it registers the shell test format, puts the s2s tools and
LLVM's FileCheck, not and count on PATH and substitutes `s2s-opt` by its
full path.
"""

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst


def configure(config, lit_config, tools_dir, llvm_tools_dir, extra_tools=()):
    config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
    llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
    llvm_config.use_default_substitutions()
    llvm_config.with_environment("PATH", llvm_tools_dir, append_path=True)
    llvm_config.with_environment("PATH", tools_dir, append_path=True)
    tools = [ToolSubst("s2s-opt", unresolved="fatal")]
    tools += list(extra_tools)
    llvm_config.add_tool_substitutions(tools, [tools_dir, llvm_tools_dir])
