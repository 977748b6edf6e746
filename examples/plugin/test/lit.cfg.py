# lit configuration of the example plugin's tests, using the lit helpers
# that s2s installs (S2S_LIT_HELPERS_DIR).

import os
import sys

sys.path.insert(0, config.s2s_lit_helpers_dir)
import s2s_lit

config.name = "S2SExamplePlugin"
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.plugin_obj_root, "test")

s2s_lit.configure(config, lit_config, config.s2s_tools_dir,
                  config.llvm_tools_dir)
config.substitutions.append(("%plugin", config.plugin_path))
