"""s2s: compile sequence models to native code and run them on NumPy arrays.

    import numpy as np
    import s2s

    lstm = s2s.compile("model.mlir", bind="weights.npz", threads=2)
    y, h_n, c_n = lstm(x, h0=h0, c0=c0)

s2s.compile reads a model (.mlir text, MLIR bytecode or .onnx), binds the
arguments named in `bind` to arrays (the compiled code holds them), and
compiles the entry point for this machine's CPU. The Function it returns is
called with NumPy arrays, by position or by argument name; C-contiguous
inputs of the argument's element type are passed without copies. It returns
a NumPy array, or a tuple of them for several results.

s2s.load_library reads the entry points of a shared library that
s2s-compile --emit=shared wrote, as Functions called the same way.
"""

import os

from ._s2s import CompileError, Function, _compile, _load_library

__all__ = ["CompileError", "Function", "compile", "load_library"]


def compile(model, entry=None, *, bind=None, threads=1, pipeline_options="",
            mcpu="", mattr=""):
    """Compiles the entry point of `model` and returns it as a Function.

    model: path of a .mlir, MLIR bytecode or .onnx file.
    entry: the function to compile (default: the only public function, or
        the one named main).
    bind: arrays compiled into the code in place of the arguments they name:
        a mapping from argument name to array, the path of an .npz file
        (each array binds the argument of its name) or of a directory (each
        NAME.npy binds the argument NAME), or a list of such paths and
        "NAME=FILE.npy" strings.
    threads: threads of the compiled code (0: as many as the OpenMP runtime
        chooses when it runs).
    pipeline_options: options of the s2s-to-llvm pipeline, as s2s-run's
        --pipeline-options.
    mcpu, mattr: the CPU and features to compile for, as s2s-run's --mcpu
        and --mattr (default: this machine's).

    Raises CompileError with the compiler's diagnostics when the model does
    not load, bind or compile.
    """
    arrays, files = {}, []
    if isinstance(bind, (str, os.PathLike)):
        files.append(os.fspath(bind))
    elif isinstance(bind, dict):
        arrays = bind
    elif bind is not None:
        files = [os.fspath(b) for b in bind]
    return _compile(os.fspath(model), entry or "", threads, pipeline_options,
                    mcpu, mattr, arrays, files)


def load_library(path, symbol_prefix=""):
    """The entry points of a shared library that s2s-compile wrote.

    path: the library (s2s-compile --emit=shared).
    symbol_prefix: the --symbol-prefix it was compiled with.

    Returns a dict from entry point name (with the prefix) to Function,
    read from the description of its entry points that the library exports
    (`<symbol_prefix>s2s_model_info`). Raises ValueError when the library
    does not load or has no such description. The library stays loaded for
    the life of the process.
    """
    return _load_library(os.fspath(path), symbol_prefix)
