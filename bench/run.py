#!/usr/bin/python3
"""s2s benchmark suite: s2s against PyTorch and OpenBLAS, in one run.

    /usr/bin/python3 bench/run.py [--threads 1,2] [--filter REGEX]
        [--budget SECONDS] [--min-repeats N] [--s2s-bin DIR] [--markdown FILE]

(`./build.sh bench [options]` installs what is missing, builds s2s and runs
this.) For every workload of bench/suite.py:

  1. compiles bench/workloads/NAME.mlir with `s2s-compile --threads=T
     --emit=shared` for each thread count T into a temporary directory;
  2. for each thread count, in a fresh process of this script (re-executed
     with the malloc-counting shim bench/memtrack.c in LD_PRELOAD,
     OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = the thread count, and
     OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE removed so that OpenBLAS picks its
     kernel for this CPU):
       - measures OpenBLAS's cblas_sgemm 1024^3 (C = A B^T), the reference rate;
       - calls the compiled function through ctypes on the inputs of a
         PyTorch module (memref descriptors built from numpy arrays), checks
         its result against the same computation in PyTorch (torch.no_grad,
         eval mode), and times both the same way: the first call alone, then
         warm-up, then repeated calls until both a minimum count and a time
         budget are reached (fewer, but at least 3, for a call so slow that
         they would take more than 3 budgets); the median is reported;
       - measures the scratch memory of one call: the peak of live heap
         bytes during the call above those live before it, less the outputs
         that the call returns (PyTorch allocates its results, s2s writes
         into the caller's buffers);
  3. prints a summary in Markdown (also written to --markdown FILE).

Runs with /usr/bin/python3 (Debian's python3-numpy and python3-torch).
"""

import argparse
import ctypes
import gc
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import suite  # noqa: E402

OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"
# Removed from the benchmark processes' environment (and only there).
OPENBLAS_UNSET = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
SGEMM_N = 1024
SGEMM_FLOPS = 2 * SGEMM_N ** 3
# A measurement whose timed calls take longer than SLOW_BUDGETS budgets
# stops there, after at least SLOW_MIN_REPEATS calls; past VERY_SLOW_BUDGETS
# budgets it stops after one call (a very slow reference lowering must not
# make the suite run for hours).
SLOW_BUDGETS = 3.0
SLOW_MIN_REPEATS = 3
VERY_SLOW_BUDGETS = 10.0
# Timed calls with at least this many page faults each are listed.
FAULTS_NOTE = 1000
# Warm-up goes on while a call takes this many page faults (1 MiB of fresh
# pages), for at most WARMUP_BUDGETS budgets.
WARMUP_FAULTS = 256
WARMUP_BUDGETS = 3.0
# Rounds of static and dynamic-shape calls in turn after their first
# measurements (each half a budget per call and round).
INTERLEAVE_ROUNDS = 2
# Dynamic shapes should cost no more than this over static ones.
DYN_TARGET = 1.05
# libgomp's threads (torch's intra-op pool) spin after each parallel region
# by default and take the cores from OpenBLAS's pthreads: at 2 threads on 2
# cores that makes PyTorch several times slower. PyTorch at its best runs
# with OMP_WAIT_POLICY=PASSIVE, unless the caller sets OMP_WAIT_POLICY.
OMP_WAIT_POLICY = "PASSIVE"
# First touch of fresh memory is slow on these machines (10-15 us per 4 KiB
# page). By default glibc returns large blocks (mmap'ed, or at the top of the
# heap) to the kernel on free, so a call that allocates a 128 MiB score
# matrix pays ~0.5-1.5 s of page faults on every call, and whether a
# mid-sized block does depends on the process's history (glibc's dynamic
# mmap threshold): PyTorch's attention at S=2048 runs 15x slower. The
# benchmark processes keep freed memory instead (no mmap'ed blocks, no
# trimming), for PyTorch and s2s alike; --default-malloc turns this off.
MALLOC_TUNABLES = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=%d" % (
    16 << 30)
# Result check: max |s2s - torch| <= RTOL * max(1, max |torch|).
RTOL = 1e-3
# The bf16 workloads: max |s2s - torch| <= BF16_RTOL * max |torch|,
# the accuracy contract of docs/BF16.md.
BF16_RTOL = 1e-2

MEM_METHOD = (
    "scratch = peak of live heap bytes during one call (after warm-up) minus "
    "the live bytes before it, minus the bytes of the outputs the call "
    "returns (PyTorch allocates its results; s2s writes into the caller's "
    "buffers); counted by bench/memtrack.c, an LD_PRELOADed shim over "
    "malloc/calloc/realloc/free/posix_memalign/aligned_alloc/memalign using "
    "malloc_usable_size; for s2s, plus the arena its compiled function "
    "keeps its planned scratch buffers in (s2s-cpu-plan-buffers; the size of "
    "the library's .bss and .lbss sections). Not counted: the stack (s2s's "
    "memref.alloca: packing buffers, attention blocks), and memory a "
    "library maps itself (OpenBLAS's GEMM buffers).")


def log(msg=""):
    print(msg, flush=True)


def loadavg():
    """The 1-minute load average (other work on this shared machine)."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


#===----------------------------------------------------------------------===#
# Formatting
#===----------------------------------------------------------------------===#


def fmt_ms(sec):
    if sec is None:
        return "-"
    ms = sec * 1e3
    if ms >= 100:
        return "%.0f" % ms
    if ms >= 10:
        return "%.1f" % ms
    if ms >= 1:
        return "%.2f" % ms
    return "%.3f" % ms


def fmt_bytes(n):
    if n is None:
        return "-"
    if abs(n) < 1024:
        return "%d B" % n
    if abs(n) < 1024 ** 2:
        return "%.1f KiB" % (n / 1024)
    return "%.1f MiB" % (n / 1024 ** 2)


def fmt_num(x, digits=3):
    if x is None:
        return "-"
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return "%.0f" % x
    if abs(x) >= 10:
        return "%.1f" % x
    if abs(x) >= 1:
        return "%.2f" % x
    return "%.*g" % (digits, x)


def md_table(headers, rows, left=(0,)):
    """Markdown table; the columns in `left` are left-aligned, others right."""
    out = ["| " + " | ".join(headers) + " |",
           "|" + "|".join("---" if i in left else "---:"
                          for i in range(len(headers))) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


#===----------------------------------------------------------------------===#
# Calling a compiled function: memref descriptors from numpy arrays
#===----------------------------------------------------------------------===#

_DESC_TYPES = {}


def descriptor_type(rank):
    """struct {T *allocated, *aligned; int64 offset, sizes[R], strides[R];}"""
    if rank not in _DESC_TYPES:
        fields = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p),
                  ("offset", ctypes.c_int64)]
        if rank:
            fields += [("sizes", ctypes.c_int64 * rank),
                       ("strides", ctypes.c_int64 * rank)]
        _DESC_TYPES[rank] = type("MemRef%dD" % rank, (ctypes.Structure,),
                                 {"_fields_": fields})
    return _DESC_TYPES[rank]


def descriptor(a):
    assert a.flags["C_CONTIGUOUS"]
    d = descriptor_type(a.ndim)()
    d.allocated = d.aligned = a.ctypes.data
    d.offset = 0
    if a.ndim:
        d.sizes[:] = list(a.shape)
        d.strides[:] = [s // a.itemsize for s in a.strides]
    return d


def output_arrays(outputs):
    """Arrays of the given (shape, dtype)s, their pages touched now rather
    than in the first call."""
    import numpy as np
    arrays = []
    for shape, dtype in outputs:
        a = np.empty(shape, dtype=dtype)
        a.fill(0)  # np.zeros would leave fresh pages untouched (calloc)
        arrays.append(a)
    return arrays


class Compiled:
    """A workload's entry point in a shared library from s2s-compile."""

    def __init__(self, so_path, name, inputs, outputs):
        import numpy as np
        self.lib = ctypes.CDLL(so_path)
        self.fn = getattr(self.lib, "_mlir_ciface_" + name)
        # 0, or the number of the first check of the arguments that fails.
        self.fn.restype = ctypes.c_int32
        self.inputs = [np.ascontiguousarray(a) for a in inputs]
        self.outputs = output_arrays(outputs)
        self.descs = [descriptor(a) for a in self.inputs + self.outputs]
        self.args = [ctypes.byref(d) for d in self.descs]
        self.fn.argtypes = [ctypes.c_void_p] * len(self.args)

    def __call__(self):
        status = self.fn(*self.args)
        if status != 0:
            raise RuntimeError("the compiled function returned status %d "
                               "(see its C header)" % status)


class OneDNN:
    """A workload written with oneDNN's primitives (bench/peers/onednn.cpp),
    called on the same inputs as the s2s function, into outputs of the
    same shapes."""

    def __init__(self, lib, spec, inputs, outputs):
        import numpy as np
        kind, dims = spec
        self.lib = lib
        self.inputs = [np.ascontiguousarray(a, dtype=np.float32)
                       for a in inputs]
        self.outputs = output_arrays(outputs)
        ins = (ctypes.c_void_p * len(self.inputs))(
            *[a.ctypes.data for a in self.inputs])
        outs = (ctypes.c_void_p * len(self.outputs))(
            *[a.ctypes.data for a in self.outputs])
        cdims = (ctypes.c_int64 * len(dims))(*dims)
        err = ctypes.create_string_buffer(512)
        self.handle = lib.onednn_create(kind.encode(), cdims, len(dims), ins,
                                        outs, err, len(err))
        if not self.handle:
            raise RuntimeError(err.value.decode())

    def __call__(self):
        if self.lib.onednn_run(self.handle) != 0:
            raise RuntimeError("oneDNN failed (see its message above)")

    def close(self):
        if self.handle:
            self.lib.onednn_destroy(self.handle)
            self.handle = None


ORT_DIR = os.path.join(HERE, "peers")
ORT_SCRIPT = os.path.join(ORT_DIR, "ort.js")
ORT_PACKAGE = os.path.join(ORT_DIR, "node_modules", "onnxruntime-node")
# Seconds an answer of the ONNX Runtime server may take beyond its budget.
ORT_TIMEOUT = 600


class OrtServer:
    """node bench/peers/ort.js: ONNX Runtime's CPU provider in a process of
    its own, driven by JSON lines (see that file)."""

    def __init__(self, threads):
        self.proc = subprocess.Popen(
            ["node", ORT_SCRIPT, str(threads)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1)

    def request(self, **req):
        import select
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], ORT_TIMEOUT)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            raise RuntimeError("the ONNX Runtime server %s" % (
                "did not answer" if not ready else "ended"))
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


class OrtModel:
    """One ONNX model loaded into the server with its inputs: measured by
    its `measure` method (the calls run in the server), not called."""

    def __init__(self, server, model, arrays, workdir):
        self.server, self.workdir = server, workdir
        specs = []
        for i, a in enumerate(arrays):
            f = os.path.join(workdir, "in%d.bin" % i)
            a.tofile(f)
            specs.append({"name": "in%d" % i, "file": f,
                          "dims": list(a.shape), "type": str(a.dtype)})
        self.version = server.request(op="load", model=model,
                                      inputs=specs).get("version")

    def measure(self, budget, min_repeats, warmup=0.0):
        return self.server.request(op="time", budget=budget, min=min_repeats,
                                   warmup=warmup)["times"]

    def outputs(self):
        import numpy as np
        outs = self.server.request(op="outputs", dir=self.workdir)["outputs"]
        return [np.fromfile(o["file"], dtype=o["type"]).reshape(o["dims"])
                for o in outs]


def timed_remote(side, budget, min_repeats):
    """timed() for a side measured in another process: the first call,
    warm-up for a tenth of the budget, then the timed calls."""
    first = side.measure(0.0, 1)[0]
    times = side.measure(budget, min_repeats, warmup=0.1 * budget)
    return {"first": first, "median": statistics.median(times),
            "min": min(times), "repeats": len(times), "warmup": None,
            "scratch": None, "first_scratch": None, "allocated": None,
            "faults": 0.0, "times": times}


def load_onednn(path):
    lib = ctypes.CDLL(path)
    lib.onednn_create.restype = ctypes.c_void_p
    lib.onednn_create.argtypes = [ctypes.c_char_p, ctypes.c_void_p,
                                  ctypes.c_int, ctypes.c_void_p,
                                  ctypes.c_void_p, ctypes.c_char_p,
                                  ctypes.c_int]
    lib.onednn_run.restype = ctypes.c_int
    lib.onednn_run.argtypes = [ctypes.c_void_p]
    lib.onednn_destroy.argtypes = [ctypes.c_void_p]
    lib.onednn_version.restype = ctypes.c_char_p
    return lib


def s2s_threading(so_path):
    """How the compiled code uses threads, from its dynamic imports."""
    try:
        out = subprocess.run(["nm", "-D", "--undefined-only", so_path],
                             capture_output=True, text=True).stdout
        needed = subprocess.run(["readelf", "-d", so_path],
                                capture_output=True, text=True).stdout
    except OSError:
        return "unknown"
    if re.search(r"libomp|libgomp|libiomp|async_runtime", needed) or \
            re.search(r"__kmpc_fork|GOMP_parallel|mlirAsync|pthread_create",
                      out):
        m = re.search(r"-t(\d+)\.so$", so_path)
        return "%s (OpenMP)" % m.group(1) if m else "threaded"
    return "1"


def arena_bytes(so_path):
    """The zero-initialized static memory of the compiled library: the
    arenas s2s-cpu-plan-buffers gives each function for its planned scratch
    buffers (private globals, so without symbols; they are the .bss/.lbss
    sections, with a flag word per function), which the malloc shim does
    not see."""
    try:
        out = subprocess.run(["readelf", "-S", "-W", so_path],
                             capture_output=True, text=True).stdout
    except OSError:
        return 0
    total = 0
    for line in out.splitlines():
        m = re.search(r"\s\.l?bss\s+NOBITS\s+\S+\s+\S+\s+([0-9a-f]+)\s",
                      line)
        if m:
            total += int(m.group(1), 16)
    return total


#===----------------------------------------------------------------------===#
# The benchmark process (one per thread count)
#===----------------------------------------------------------------------===#


class MemTrack:
    """bench/memtrack.c when preloaded; otherwise measures nothing."""

    def __init__(self):
        lib = ctypes.CDLL(None)
        try:
            self.reset = lib.memtrack_reset
            self.current = lib.memtrack_current
            self.peak = lib.memtrack_peak
            self.allocated = lib.memtrack_allocated
        except AttributeError:
            self.ok = False
            return
        self.current.restype = self.peak.restype = ctypes.c_int64
        self.allocated.restype = ctypes.c_int64
        self.ok = True
        # Bytes allocated in all by the last measured call.
        self.last_allocated = None

    def measure(self, call):
        """(result of call(), peak bytes above the live bytes before it);
        the bytes the call allocated in all go to last_allocated."""
        if not self.ok:
            return call(), None
        before = self.current()
        self.reset()
        total = self.allocated()
        r = call()
        self.last_allocated = self.allocated() - total
        return r, self.peak() - before


def page_faults():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_minflt + ru.ru_majflt


def timed(call, budget, min_repeats, memtrack=None, out_bytes=None):
    """Time call(): first call, warm-up, then repeats. Returns a dict."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        first_scratch = None
        if memtrack is not None and memtrack.ok:
            first_result, first_scratch = memtrack.measure(call)
        else:
            first_result = call()
        first = time.perf_counter() - t0
        # Warm-up, unless the first call alone took longer than 2 budgets:
        # at least one call and a tenth of the budget, and on until a call
        # no longer page-faults (glibc's heap settles after a few calls of
        # a workload with large temporaries; see MALLOC_TUNABLES), for at
        # most WARMUP_BUDGETS budgets. The first warm-up call is the one
        # whose scratch memory is measured.
        scratch = allocated = None
        warm = 0
        if first <= 2 * budget:
            warm_start = time.perf_counter()
            while True:
                f0 = page_faults()
                if warm == 0 and memtrack is not None:
                    r, peak = memtrack.measure(call)
                    if peak is not None:
                        scratch = peak - (out_bytes(r) if out_bytes else 0)
                        allocated = memtrack.last_allocated
                    first_result = r
                else:
                    call()
                warm += 1
                faulted = page_faults() - f0 >= WARMUP_FAULTS
                elapsed = time.perf_counter() - warm_start
                if elapsed >= 0.1 * budget and not faulted:
                    break
                if elapsed >= WARMUP_BUDGETS * budget:
                    break
        times = []
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        while True:
            if not times and scratch is None and memtrack is not None and \
                    memtrack.ok:
                t = time.perf_counter()
                r, peak = memtrack.measure(call)
                times.append(time.perf_counter() - t)
                scratch = peak - (out_bytes(r) if out_bytes else 0)
                allocated = memtrack.last_allocated
                del r
            else:
                t = time.perf_counter()
                call()
                times.append(time.perf_counter() - t)
            elapsed = time.perf_counter() - start
            if len(times) >= min_repeats and elapsed >= budget:
                break
            if len(times) >= SLOW_MIN_REPEATS and \
                    elapsed >= SLOW_BUDGETS * budget:
                break
            if elapsed >= VERY_SLOW_BUDGETS * budget:
                break
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        gc.enable()
    # Page faults per timed call: first touch of memory is expensive here,
    # and the figures mean little when a call keeps paying for it.
    faults = (ru1.ru_minflt - ru0.ru_minflt + ru1.ru_majflt -
              ru0.ru_majflt) / len(times)
    return {"first": first, "median": statistics.median(times),
            "min": min(times), "repeats": len(times), "warmup": warm,
            "scratch": scratch, "first_scratch": first_scratch,
            "allocated": allocated,
            "faults": faults, "result": first_result,
            "times": times}


def interleave(pairs, budget, min_repeats, rounds):
    """Further timed calls for measurements already warmed up by timed():
    `rounds` rounds over pairs = [(call, record)], each call for half a
    budget per round, in turn (A B A B), so that a drift of the machine
    hits all alike. Each record's median, min and repeats then cover all
    its timed calls."""
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for call, rec in pairs:
                if hasattr(call, "measure"):
                    rec["times"] += call.measure(budget / 2, min_repeats)
                    continue
                start = time.perf_counter()
                n = 0
                while n < min_repeats or \
                        time.perf_counter() - start < budget / 2:
                    t = time.perf_counter()
                    call()
                    rec["times"].append(time.perf_counter() - t)
                    n += 1
                    if time.perf_counter() - start >= SLOW_BUDGETS * budget:
                        break
    finally:
        gc.enable()
    for _, rec in pairs:
        rec["median"] = statistics.median(rec["times"])
        rec["min"] = min(rec["times"])
        rec["repeats"] = len(rec["times"])


def compare(kind, got, want):
    """(ok, text) for s2s outputs `got` and torch outputs `want` (numpy)."""
    import numpy as np
    if len(got) != len(want):
        return False, "%d outputs, PyTorch has %d" % (len(got), len(want))
    if kind == "tokens":
        g, w = got[0], want[0]
        if g.shape != w.shape:
            return False, "shape %s, PyTorch %s" % (g.shape, w.shape)
        diff = g != w
        if not diff.any():
            return True, "all %d tokens equal" % g.size
        step = int(np.argwhere(diff)[0][0])
        return False, "%d of %d tokens differ (first at step %d)" % (
            int(diff.sum()), g.size, step)
    worst, ok = 0.0, True
    rtol = BF16_RTOL if kind == "bf16" else RTOL
    for g, w in zip(got, want):
        if g.shape != w.shape:
            return False, "shape %s, PyTorch %s" % (g.shape, w.shape)
        if not np.all(np.isfinite(g)):
            return False, "non-finite values"
        err = float(np.max(np.abs(g.astype(np.float64) - w)))
        # The bf16 contract is relative to the largest magnitude itself.
        largest = float(np.max(np.abs(w))) if w.size else 0.0
        scale = largest if kind == "bf16" else max(1.0, largest)
        if scale > 0:
            worst = max(worst, err / scale)
        elif err > 0:
            worst = float("inf")
        ok = ok and err <= rtol * scale
    return ok, "max |s2s - torch| / %s = %.2g%s" % (
        "max |torch|" if kind == "bf16" else "max(1, max |torch|)", worst,
        "" if ok else " > %g" % rtol)


class Sgemm:
    """OpenBLAS cblas_sgemm 1024^3, C = A B^T (as x W^T)."""

    def __init__(self, lib):
        import numpy as np
        rng = np.random.default_rng(0)
        self.a = rng.standard_normal((SGEMM_N, SGEMM_N), dtype=np.float32)
        self.b = rng.standard_normal((SGEMM_N, SGEMM_N), dtype=np.float32)
        self.c = np.zeros((SGEMM_N, SGEMM_N), dtype=np.float32)
        f = lib.cblas_sgemm
        f.restype = None
        f.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                      ctypes.c_int, ctypes.c_int, ctypes.c_float,
                      ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                      ctypes.c_int, ctypes.c_float, ctypes.c_void_p,
                      ctypes.c_int]
        n = SGEMM_N
        # CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112.
        self.args = (101, 111, 112, n, n, n, 1.0, self.a.ctypes.data, n,
                     self.b.ctypes.data, n, 0.0, self.c.ctypes.data, n)
        self.f = f

    def __call__(self):
        self.f(*self.args)


def measure_ort(w, inputs, want, cmp_kind, server, ort_dir, args, rec, torch):
    """Exports and measures each ONNX configuration of workload w; leaves
    the fastest loaded for the rounds in turn and returns (its OrtModel or
    None, {configuration: median or error}). Sets rec["ort"],
    rec["ort_check"] / rec["ort_error"]."""
    configs, best, best_model = {}, None, None
    for config, export in w.onnx:
        tag = re.sub(r"\W+", "_", config)
        path = os.path.join(ort_dir, "%s-%s.onnx" % (w.name, tag))
        try:
            idx_file = path + ".inputs.json"
            if not os.path.exists(idx_file):
                idx = export(torch, inputs, path)
                with open(idx_file, "w") as f:
                    json.dump(idx, f)
            with open(idx_file) as f:
                idx = json.load(f)
            workdir = os.path.join(ort_dir, "%s-%s" % (w.name, tag))
            os.makedirs(workdir, exist_ok=True)
            model = OrtModel(server, path, [inputs[i] for i in idx], workdir)
            r = timed_remote(model, args.budget, args.min_repeats)
            ok, text = compare(cmp_kind, model.outputs(), want)
        except Exception as e:  # export or ONNX Runtime: report, go on
            configs[config] = "failed: %s" % str(e).splitlines()[0][:200]
            log("  ORT (%s): %s" % (config, configs[config]))
            continue
        configs[config] = r["median"]
        log("  ORT (%s): %s ms median of %d, check vs PyTorch: %s (%s)"
            % (config, fmt_ms(r["median"]), r["repeats"],
               "ok" if ok else "MISMATCH", text))
        # A configuration whose result is wrong does not compete.
        if ok and (best is None or r["median"] < best[1]["median"]):
            best = (config, r, {"ok": ok, "text": text}, path, idx, workdir)
        elif not ok and best is None and "ort_check" not in rec:
            rec["ort_check"] = {"ok": ok, "text": "%s: %s" % (config, text)}
    if best is None:
        if "ort_check" not in rec:
            rec["ort_error"] = "; ".join("%s %s" % kv for kv in
                                         configs.items())
        return None, configs
    config, r, check, path, idx, workdir = best
    rec["ort"], rec["ort_check"], rec["ort_config"] = r, check, config
    rec["ort_version"] = model.version
    if len(configs) > 1:
        # The fastest again, for the rounds in turn.
        best_model = OrtModel(server, path, [inputs[i] for i in idx],
                              workdir)
        best_model.measure(0.0, 1)
    else:
        best_model = model
    return best_model, configs


def child(args):
    """Run the selected workloads at one thread count; append JSON lines."""
    import numpy as np
    threads = args.threads_one
    out = open(args.results, "a")

    def emit(rec):
        out.write(json.dumps(rec) + "\n")
        out.flush()

    blas = ctypes.CDLL(OPENBLAS)
    blas.openblas_set_num_threads(threads)
    blas.openblas_get_num_threads.restype = ctypes.c_int
    blas.openblas_get_corename.restype = ctypes.c_char_p
    blas.openblas_get_config.restype = ctypes.c_char_p
    import torch
    torch.set_num_threads(threads)
    # torch calls libblas.so.3 -> the same libopenblas.so.0: set it again
    # after torch's import in case anything reset it.
    blas.openblas_set_num_threads(threads)
    memtrack = MemTrack()
    cfg = torch.__config__.show()
    blas_info = re.search(r"BLAS_INFO=([^,\s]+)", cfg)
    emit({"type": "env", "threads": threads,
          "openblas_core": blas.openblas_get_corename().decode(),
          "openblas_config": blas.openblas_get_config().decode(),
          "openblas_threads": blas.openblas_get_num_threads(),
          "torch": torch.__version__, "numpy": np.__version__,
          "torch_threads": torch.get_num_threads(),
          "torch_blas": blas_info.group(1) if blas_info else "?",
          "memtrack": memtrack.ok, "loadavg_start": loadavg(),
          "env": {k: os.environ.get(k) for k in
                  ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                   "OMP_WAIT_POLICY", "GLIBC_TUNABLES") + OPENBLAS_UNSET}})

    onednn_lib = None
    if args.onednn_lib:
        try:
            onednn_lib = load_onednn(args.onednn_lib)
            emit({"type": "onednn",
                  "version": onednn_lib.onednn_version().decode()})
        except OSError as e:
            log("  oneDNN: cannot load %s: %s" % (args.onednn_lib, e))

    ort_server, ort_dir = None, os.path.join(args.libdir, "onnx")
    if args.ort:
        try:
            ort_server = OrtServer(threads)
            os.makedirs(ort_dir, exist_ok=True)
        except OSError as e:
            log("  ONNX Runtime: cannot start node: %s" % e)

    sgemm = Sgemm(blas)

    peak_so = os.path.join(args.libdir, "peak.so")
    peak = None
    if os.path.exists(peak_so):
        peak = ctypes.CDLL(peak_so)
        peak.fma_peak.restype = ctypes.c_double
        peak.fma_peak.argtypes = [ctypes.c_int, ctypes.c_double]
        peak.read_bandwidth.restype = ctypes.c_double
        peak.read_bandwidth.argtypes = [ctypes.c_long, ctypes.c_int,
                                        ctypes.c_double]

    def run_peak(when):
        if peak is None:
            return
        gflops = max(peak.fma_peak(threads, 0.3) for _ in range(3))
        emit({"type": "peak", "threads": threads, "gflops": gflops,
              "lanes": peak.fma_lanes(), "when": when})
        log("  FMA peak (%s, %d threads, %d-lane vectors): %.1f GFLOP/s"
            % (when, threads, peak.fma_lanes(), gflops))

    def run_sgemm(when):
        r = timed(sgemm, args.budget, args.min_repeats)
        r.pop("result")
        r.pop("times")
        emit({"type": "sgemm", "threads": threads, "when": when, **r})
        log("  OpenBLAS cblas_sgemm %d^3 (%s): %s ms median of %d, %.1f GFLOP/s"
            % (SGEMM_N, when, fmt_ms(r["median"]), r["repeats"],
               SGEMM_FLOPS / r["median"] / 1e9))

    log("== %d thread%s: OpenBLAS core %s, %d thread%s; torch %d thread%s, "
        "BLAS_INFO=%s, OMP_WAIT_POLICY=%s; load average %s"
        % (threads, "" if threads == 1 else "s",
           blas.openblas_get_corename().decode(),
           blas.openblas_get_num_threads(),
           "" if blas.openblas_get_num_threads() == 1 else "s",
           torch.get_num_threads(), "" if torch.get_num_threads() == 1 else "s",
           blas_info.group(1) if blas_info else "?",
           os.environ.get("OMP_WAIT_POLICY", "unset"), loadavg()))
    run_peak("start")
    run_sgemm("start")

    names = args.names.split(",") if args.names else []
    ws = {w.name: w for w in suite.workloads()}
    for name in names:
        w = ws[name]
        emit({"type": "begin", "name": name, "threads": threads})
        rec = {"type": "workload", "name": name, "threads": threads}
        if w.stream is not None and peak is not None:
            rec["bandwidth"] = max(peak.read_bandwidth(w.stream[1], threads,
                                                       0.2) for _ in range(2))
            log("  read bandwidth of a %s buffer (%d thread%s): %.1f GB/s"
                % (fmt_bytes(w.stream[1]), threads, "" if threads == 1
                   else "s", rec["bandwidth"]))
        log("-- %s: FLOP = %s = %.4g GFLOP" % (name, w.formula, w.flops / 1e9))
        with torch.no_grad():
            inputs, outputs, torch_fn, cmp_kind = w.make(torch)

        # s2s first, so that its first call is not helped by PyTorch's.
        lib = w.library()
        so = os.path.join(args.libdir, so_name(lib.name, threads))
        c = None
        if not os.path.exists(so):
            rec["s2s_error"] = "not compiled"
            log("  s2s  : not compiled")
        else:
            try:
                c = Compiled(so, lib.name, s2s_inputs(w, inputs, args.libdir),
                             outputs)
            except (OSError, AttributeError) as e:
                rec["s2s_error"] = "load: %s" % e
                log("  s2s  : cannot load: %s" % e)
        if c is not None:
            rec["s2s_threads"] = s2s_threading(so)
            sr = timed(c, args.budget, args.min_repeats, memtrack)
            sr.pop("result")
            if sr["scratch"] is not None:
                sr["scratch"] += arena_bytes(so)
            rec["s2s"] = sr

        # The dynamic-shape variant: the same library for every size of
        # the workload's family, called here at this workload's sizes.
        d = None
        if w.dyn is not None and w.mlir is not None:
            dso = os.path.join(args.libdir, so_name(w.dyn.name, threads))
            if not os.path.exists(dso):
                rec["dyn_error"] = "not compiled"
            else:
                try:
                    d = Compiled(dso, w.dyn.name, inputs, outputs)
                except (OSError, AttributeError) as e:
                    rec["dyn_error"] = "load: %s" % e
            if d is not None:
                dr = timed(d, args.budget, args.min_repeats, memtrack)
                dr.pop("result")
                for key in ("scratch", "first_scratch"):
                    if dr[key] is not None:
                        dr[key] += arena_bytes(dso)
                rec["dyn"] = dr
            else:
                log("  dyn  : %s" % rec["dyn_error"])

        def torch_out_bytes(r):
            ts = r if isinstance(r, (tuple, list)) else (r,)
            return sum(t.element_size() * t.numel() for t in ts
                       if isinstance(t, torch.Tensor))

        with torch.no_grad():
            tr = timed(torch_fn, args.budget, args.min_repeats, memtrack,
                       torch_out_bytes)
        res = tr.pop("result")
        res = res if isinstance(res, (tuple, list)) else (res,)
        want = [t.numpy() for t in res]
        rec["torch"] = tr

        # oneDNN, where the workload has a oneDNN counterpart.
        o = None
        if w.onednn is not None and onednn_lib is not None:
            try:
                o = OneDNN(onednn_lib, w.onednn, inputs, outputs)
            except RuntimeError as e:
                rec["onednn_error"] = str(e)
                log("  oneDNN: cannot create: %s" % e)
        if o is not None:
            try:
                orr = timed(o, args.budget, args.min_repeats, memtrack)
                orr.pop("result")
                rec["onednn"] = orr
            except RuntimeError as e:
                rec["onednn_error"] = str(e)
                o.close()
                o = None

        # ONNX Runtime, in each of its configurations (the ONNX export of
        # the PyTorch module, a graph with its fused ops where it has
        # them); the fastest is its figure.
        ort = None
        if w.onnx and ort_server is not None:
            ort, rec["ort_configs"] = measure_ort(
                w, inputs, want, cmp_kind, ort_server, ort_dir, args, rec,
                torch)

        # Every implementation again in turn (A B C A B C): their ratios
        # are the figures, and a drift of the machine hits all alike.
        sides = [(c, sr) if c is not None else None,
                 (d, dr) if d is not None else None,
                 (torch_fn, tr),
                 (o, rec["onednn"]) if o is not None else None,
                 (ort, rec["ort"]) if ort is not None else None]
        sides = [x for x in sides if x is not None]
        if len(sides) > 1:
            with torch.no_grad():
                interleave(sides, args.budget, args.min_repeats,
                           INTERLEAVE_ROUNDS)
        for tag, r in (("s2s  ", rec.get("s2s")), ("dyn  ", rec.get("dyn")),
                       ("torch", tr), ("oneDNN", rec.get("onednn")),
                       ("ORT  ", rec.get("ort"))):
            if r is None:
                continue
            r.pop("times")
            log("  %s: %s ms median of %d (first call %s ms), "
                "%.2f GFLOP/s, scratch %s, %.0f page faults/call"
                % (tag, fmt_ms(r["median"]), r["repeats"], fmt_ms(r["first"]),
                   w.flops / r["median"] / 1e9, fmt_bytes(r["scratch"]),
                   r["faults"]))

        if c is not None:
            ok, text = compare(cmp_kind, c.outputs, want)
            rec["check"] = {"ok": ok, "text": text}
            log("  s2s / torch time: %.2fx   check vs PyTorch: %s (%s)"
                % (sr["median"] / tr["median"], "ok" if ok else "MISMATCH",
                   text))
        if d is not None:
            ok, text = compare(cmp_kind, d.outputs, want)
            rec["dyn_check"] = {"ok": ok, "text": text}
            log("  dyn / static time: %s   dyn check vs PyTorch: %s (%s)"
                % ("%.3fx" % (dr["median"] / sr["median"]) if c else "-",
                   "ok" if ok else "MISMATCH", text))
        if o is not None:
            ok, text = compare(cmp_kind, o.outputs, want)
            rec["onednn_check"] = {"ok": ok, "text": text}
            log("  s2s / oneDNN time: %s   oneDNN check vs PyTorch: %s (%s)"
                % ("%.2fx" % (sr["median"] / rec["onednn"]["median"])
                   if c else "-", "ok" if ok else "MISMATCH", text))
            o.close()
        emit(rec)
        del inputs, want, res, c, d, o, ort
        gc.collect()
    run_sgemm("end")
    run_peak("end")
    if ort_server is not None:
        ort_server.close()
    emit({"type": "end", "threads": threads, "loadavg_end": loadavg()})
    out.close()
    return 0


#===----------------------------------------------------------------------===#
# The driver
#===----------------------------------------------------------------------===#


# s2s-compile may be being rebuilt while the suite runs (an empty or
# half-written binary or library): such failures are retried for a while.
TOOL_RETRY_SECONDS = 300
TOOL_BROKEN = re.compile(r"error while loading shared libraries|file too short"
                         r"|cannot execute|Exec format error|not found")


def run_tool(cmd):
    """subprocess.run(cmd), retried while the tool itself is broken."""
    deadline = time.time() + TOOL_RETRY_SECONDS
    crashes = 0
    while True:
        try:
            p = subprocess.run(cmd, capture_output=True, text=True)
        except OSError as e:  # empty or non-executable file
            p = subprocess.CompletedProcess(cmd, 126, "", str(e))
        # A crash may be a half-written library, or a real compiler bug:
        # retried twice only.
        crashes += p.returncode < 0
        broken = p.returncode in (126, 127) or \
            (p.returncode < 0 and crashes <= 2) or \
            (p.returncode > 0 and TOOL_BROKEN.search(p.stderr or ""))
        if not broken or time.time() > deadline:
            if p.returncode < 0:
                p.stderr = "killed by signal %d\n%s" % (-p.returncode,
                                                         p.stderr or "")
            return p
        log("  (%s looks broken or is being rebuilt: %s; retrying in 10 s)"
            % (os.path.basename(cmd[0]), (p.stderr or "").strip()[:120]))
        time.sleep(10)


def tool_stamp(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return None


def so_name(name, threads):
    """The library of a workload compiled for a thread count."""
    return "%s-t%d.so" % (name, threads)


class ImportedModel:
    """The .mlir that s2s-import-onnx made of an `imported` workload's ONNX
    export, in the benchmark's temporary directory."""

    def __init__(self, name, libdir):
        self.name = name
        self.mlir_path = os.path.join(libdir, name + ".mlir")
        self.onnx_path = os.path.join(libdir, name + ".onnx")
        self.inputs_path = self.mlir_path + ".inputs.json"

    def path(self):
        return self.mlir_path


def import_workloads(ws, s2s_bin, libdir):
    """Exports each `imported` workload as ONNX Runtime gets it (its first
    ONNX configuration, from the inputs of its make) and imports the export
    with s2s-import-onnx: the models to compile, and {name: error}."""
    models, errors = [], {}
    if not ws:
        return models, errors
    import torch
    importer = os.path.join(s2s_bin, "s2s-import-onnx")
    for w in ws:
        m = ImportedModel(w.name, libdir)
        m.pipeline_options = w.pipeline_options
        try:
            inputs = w.make(torch)[0]
            idx = w.onnx[0][1](torch, inputs, m.onnx_path)
        except Exception as e:  # the export: report, go on
            errors[w.name] = "export: %s" % str(e).splitlines()[0][:200]
            log("  %-18s FAILED (%s)" % (w.name, errors[w.name]))
            continue
        p = run_tool([importer, m.onnx_path, "--function=" + w.name, "-o",
                      m.mlir_path])
        if p.returncode != 0:
            errors[w.name] = "s2s-import-onnx exit %d: %s" % (
                p.returncode, (p.stderr or p.stdout).strip())
            log("  %-18s FAILED (%s)" % (w.name, errors[w.name]))
            continue
        with open(m.inputs_path, "w") as f:
            json.dump(idx, f)
        # What the compiler makes of the imported attention (its first
        # pass over the graph raises it to s2s ops, causal where the mask
        # is the causal triangle).
        raised = run_tool([os.path.join(s2s_bin, "s2s-opt"), m.mlir_path,
                           "--s2s-raise-attention",
                           "--mlir-elide-elementsattrs-if-larger=16"])
        ops = re.findall(r"s2s\.scaled_dot_product_attention[^:]*",
                         raised.stdout)
        log("  %-18s exported and imported: %d attention op%s raised, %d "
            "causal" % (w.name, len(ops), "" if len(ops) == 1 else "s",
                        sum(" causal" in o for o in ops)))
        models.append(m)
    return models, errors


def s2s_inputs(w, inputs, libdir):
    """The arguments of the s2s function: for an `imported` workload, the
    graph inputs of its export (the weights are in the graph)."""
    if not w.imported:
        return inputs
    with open(ImportedModel(w.name, libdir).inputs_path) as f:
        return [inputs[i] for i in json.load(f)]


def compile_workloads(ws, s2s_compile, libdir, threads):
    """ws: workloads and models (anything with .name and .path())."""
    """s2s-compile --threads=T --emit=shared for each workload and thread
    count T; the compile time reported is the one of the first T."""
    errors, seconds = {}, {}
    for w in ws:
        for t in threads:
            so = os.path.join(libdir, so_name(w.name, t))
            t0 = time.perf_counter()
            options = getattr(w, "pipeline_options", "")
            p = run_tool([s2s_compile, w.path(), "--threads=%d" % t,
                          "--emit=shared", "-o", so] +
                         (["--pipeline-options=" + options] if options
                          else []))
            seconds.setdefault(w.name, time.perf_counter() - t0)
            if p.returncode != 0 or not os.path.exists(so):
                errors[w.name] = ("exit %d: %s" % (
                    p.returncode, (p.stderr or p.stdout).strip()))
                log("  %-18s FAILED (%s)" % (w.name, errors[w.name]))
                break
        else:
            log("  %-18s %.1f s" % (w.name, seconds[w.name]))
    return errors, seconds


def build_library(libdir, source, compiler, flags, libs=()):
    """bench/SOURCE built into a shared library in libdir with the compiler
    named by the environment variable `compiler` (CC or CXX): (path, None),
    or (None, the first line of the compiler's complaint)."""
    so = os.path.join(libdir, os.path.splitext(os.path.basename(source))[0]
                      + ".so")
    cmd = [os.environ.get(compiler, "cc" if compiler == "CC" else "c++")]
    p = subprocess.run(cmd + list(flags) + ["-shared", "-fPIC", "-o", so,
                                            os.path.join(HERE, source)]
                       + list(libs), capture_output=True, text=True)
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or
                      ["exit %d" % p.returncode])[0]
    return so, None


def read_results(path):
    recs = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    recs.append(json.loads(line))
    return recs


def run_threads(args, threads, names, libdir, shim):
    """Run the child for one thread count, restarting it past a crash."""
    results = os.path.join(libdir, "results-%d.jsonl" % threads)
    env = dict(os.environ)
    for k in OPENBLAS_UNSET:
        env.pop(k, None)
    env["OMP_NUM_THREADS"] = env["OPENBLAS_NUM_THREADS"] = str(threads)
    env["MKL_NUM_THREADS"] = str(threads)
    env.setdefault("OMP_WAIT_POLICY", OMP_WAIT_POLICY)
    if not args.default_malloc:
        env["GLIBC_TUNABLES"] = ":".join(
            x for x in (env.get("GLIBC_TUNABLES"), MALLOC_TUNABLES) if x)
    if shim:
        env["LD_PRELOAD"] = (shim + " " + env.get("LD_PRELOAD", "")).strip()
    todo = list(names)
    crashed = {}
    while True:
        cmd = [sys.executable, os.path.abspath(__file__), "--child",
               "--threads", str(threads), "--budget", str(args.budget),
               "--min-repeats", str(args.min_repeats),
               "--libdir", libdir, "--results", results,
               "--names", ",".join(todo)]
        if args.onednn_lib:
            cmd += ["--onednn-lib", args.onednn_lib]
        if args.ort:
            cmd += ["--ort"]
        p = subprocess.run(cmd, env=env)
        recs = read_results(results)
        done = {r["name"] for r in recs if r["type"] == "workload"}
        todo = [n for n in todo if n not in done and n not in crashed]
        if p.returncode == 0 or not todo:
            break
        begun = [r["name"] for r in recs if r["type"] == "begin"
                 and r["name"] not in done and r["name"] not in crashed]
        victim = begun[-1] if begun else todo[0]
        status = ("signal %d" % -p.returncode if p.returncode < 0
                  else "exit %d" % p.returncode)
        crashed[victim] = status
        log("  !! the benchmark process died (%s) in %s; going on without it"
            % (status, victim))
        todo = [n for n in todo if n != victim]
        if not todo:
            break
    return read_results(results), crashed


def find(recs, type_, **kw):
    return [r for r in recs if r["type"] == type_
            and all(r.get(k) == v for k, v in kw.items())]


def gen_section(p, ws, per_thread):
    """The generation rows: tokens per second, time and bytes allocated per
    step, and how the time per step grows with the number of steps."""
    gws = [w for w in ws if w.tokens is not None]
    if not gws:
        return
    p("Generation: the workloads that generate tokens. `ms/step` is a "
      "call's median time divided by the steps it runs (one token for each "
      "of the B sentences per step); `tokens/s` = B * steps / median. "
      "`alloc/step` is the heap memory a call allocates in all (freed or "
      "not; bench/memtrack.c), divided by its steps; for s2s the static "
      "arena of its planned buffers comes on top, once per process.")
    p("")
    rows = []
    for w in gws:
        B, N = w.tokens
        for t in sorted(per_thread):
            rec = (find(per_thread[t][0], "workload", name=w.name) or
                   [None])[0]
            if rec is None:
                continue
            sr, tr = rec.get("s2s"), rec["torch"]

            def cells(r):
                if r is None:
                    return ["-", "-", "-"]
                alloc = r.get("allocated")
                return [fmt_ms(r["median"] / N),
                        fmt_num(B * N / r["median"]),
                        fmt_bytes(alloc / N) if alloc is not None else "-"]
            rows.append([w.name, t, "%d x %d" % (B, N)] + cells(sr) +
                        cells(tr) + [fmt_num(sr["median"] / tr["median"])
                                     if sr else "-"])
    p(md_table(["workload", "thr", "B x steps", "s2s ms/step",
                "s2s tokens/s", "s2s alloc/step", "torch ms/step",
                "torch tokens/s", "torch alloc/step", "s2s/torch"], rows))
    p("")
    # Growth from the shortest to the longest run of a family (same group
    # and batch): with a KV cache a step costs a + b * prefix, so the time
    # per step grows by far less than the length; without one it would
    # grow with it.
    fams = {}
    for w in gws:
        fams.setdefault((w.group, w.tokens[0]), []).append(w)
    rows = []
    for (group, B), members in fams.items():
        if len(members) < 2:
            continue
        lo = min(members, key=lambda w: w.tokens[1])
        hi = max(members, key=lambda w: w.tokens[1])
        n_lo, n_hi = lo.tokens[1], hi.tokens[1]
        for t in sorted(per_thread):
            recs = per_thread[t][0]
            a = (find(recs, "workload", name=lo.name) or [None])[0]
            b = (find(recs, "workload", name=hi.name) or [None])[0]
            if a is None or b is None:
                continue
            row = [group, B, t, "%d -> %d" % (n_lo, n_hi)]
            for impl in ("s2s", "torch"):
                ra, rb = a.get(impl), b.get(impl)
                if ra is None or rb is None:
                    row += ["-", "-", "-"]
                    continue
                growth = (rb["median"] / n_hi) / (ra["median"] / n_lo)
                marginal = (rb["median"] - ra["median"]) / (n_hi - n_lo)
                aa, ab = ra.get("allocated"), rb.get("allocated")
                steady = ((ab - aa) / (n_hi - n_lo)
                          if aa is not None and ab is not None else None)
                row += [fmt_num(growth), fmt_ms(marginal),
                        fmt_bytes(steady) if steady is not None else "-"]
            rows.append(row)
    if rows:
        p("Growth with the length: `ms/step growth` = (time per step of the "
          "long run) / (that of the short run): 1 if a step costs the same "
          "whatever its prefix, and (long/short + 1) / 2 if its cost is "
          "proportional to the prefix; recomputing the whole prefix every "
          "step (no cache) grows faster still. `marginal ms/step` = (time "
          "of the long run - of the short) / (steps between): what a step "
          "late in the run costs. `steady alloc/step` = (bytes allocated by "
          "the long run - by the short) / (steps between): 0 when the steps "
          "allocate nothing that grows with the prefix (no copy of the "
          "cache).")
        p("")
        p(md_table(["generation", "B", "thr", "steps", "s2s ms/step growth",
                    "s2s marginal ms/step", "s2s steady alloc/step",
                    "torch ms/step growth", "torch marginal ms/step",
                    "torch steady alloc/step"], rows, left=(0,)))
        p("")


# The peers of the comparison: (record key, name in the tables).
PEERS = (("torch", "PyTorch"), ("onednn", "oneDNN"),
         ("ort", "ONNX Runtime"))


def peers_section(p, ws, per_thread, problems):
    """The table of s2s against each peer and the best of them."""
    versions = sorted({r["version"] for recs, _ in per_thread.values()
                       for r in find(recs, "onednn")})
    ort_versions = sorted({r["ort_version"] for recs, _ in per_thread.values()
                           for r in find(recs, "workload")
                           if r.get("ort_version")})
    rows, met, compared = [], 0, 0
    for w in ws:
        for t in sorted(per_thread):
            recs, _ = per_thread[t]
            rec = (find(recs, "workload", name=w.name) or [None])[0]
            if rec is None:
                continue
            pk = find(recs, "peak")
            sr = rec.get("s2s")
            times = {key: rec[key]["median"] for key, _ in PEERS
                     if rec.get(key)}
            row = [w.name, t, fmt_ms(sr["median"]) if sr else "-"]
            for key, _ in PEERS:
                row.append(fmt_ms(times[key]) if key in times else
                           "error" if rec.get(key + "_error") else "-")
            best = min(times, key=times.get) if times else None
            ratio = sr["median"] / times[best] if sr and best else None
            if ratio is not None:
                compared += 1
                met += ratio <= 1.0
            checks = []
            for key, name in PEERS[1:]:
                chk = rec.get(key + "_check")
                if chk:
                    checks.append("%s %s" % (name, "ok" if chk["ok"] else
                                             "MISMATCH"))
                    if not chk["ok"]:
                        problems.append("%s (%d thr): %s's result differs "
                                        "from PyTorch's: %s"
                                        % (w.name, t, name, chk["text"]))
                err = rec.get(key + "_error")
                if err:
                    checks.append("%s failed" % name)
                    problems.append("%s (%d thr): %s failed: %s"
                                    % (w.name, t, name, err))
            best_name = dict(PEERS).get(best, "-")
            if best == "ort" and len(w.onnx) > 1:
                best_name += " (%s)" % rec.get("ort_config")
            row += [best_name,
                    fmt_num(ratio) if ratio is not None else "-",
                    "%.0f%%" % (100 * w.flops / sr["median"] /
                                (max(r["gflops"] for r in pk) * 1e9))
                    if sr and pk else "-",
                    ", ".join(checks) or "-"]
            rows.append(row)
    if not rows:
        return
    p("Against the peers: the same workload written with each peer's own "
      "means, at its best configuration. %s: bench/peers/onednn.cpp, its "
      "primitives as its users compose them, weights reordered once into "
      "the layouts the primitives choose, called in the benchmark process. "
      "ONNX Runtime %s (onnxruntime-node, CPU provider, all graph "
      "optimizations, intra-op threads = thr): bench/peers/ort.js in a "
      "process of its own, on the ONNX export of the PyTorch module "
      "(torch.onnx.export, opset %d, weights as initializers) and, for the "
      "MHA block, also on a graph with its fused com.microsoft.Attention "
      "op; its figure is its fastest configuration whose result matches; "
      "each call is an `await session.run()` and includes that promise. "
      "PyTorch as above. After the first measurements, %d further rounds "
      "of each implementation in turn (A B C A B C). `s2s/best` is s2s's "
      "median time over the fastest peer's: at most 1 means s2s is ahead. "
      "`s2s x FMA peak`: s2s's GFLOP/s over the FMA peak measured in the "
      "same process (the GEMM rows' target is 90%% at 1 thread). "
      "`checks`: each peer's result against PyTorch's. A `-` is a workload "
      "the peer has no counterpart for."
      % (", ".join(versions) or "oneDNN (not available in this run)",
         ", ".join(ort_versions) or "(not available in this run)",
         suite.ONNX_OPSET, INTERLEAVE_ROUNDS))
    p("")
    headers = ["workload", "thr", "s2s ms"] + \
        ["%s ms" % name for _, name in PEERS] + \
        ["best peer", "s2s/best", "s2s x FMA peak", "checks"]
    p(md_table(headers, rows, left=(0, headers.index("best peer"),
                                     len(headers) - 1)))
    p("")
    p("s2s is at least as fast as the best peer in %d of %d measurements "
      "(workload x thread count)." % (met, compared))
    p("")
    stream_section(p, ws, per_thread)


def stream_section(p, ws, per_thread):
    """The memory-bound rows: the bandwidth each implementation makes of
    the bytes a call must read, against the measured read bandwidth."""
    rows = []
    for w in ws:
        if w.stream is None:
            continue
        nbytes, working_set, _ = w.stream
        for t in sorted(per_thread):
            recs, _ = per_thread[t]
            rec = (find(recs, "workload", name=w.name) or [None])[0]
            if rec is None or "bandwidth" not in rec:
                continue
            bw = rec["bandwidth"]

            def gbs(key):
                r = rec.get(key)
                return nbytes / r["median"] / 1e9 if r else None
            sg = gbs("s2s")
            # The peers of a bf16 row run in f32: their bytes are not these.
            peers = ({} if w.pipeline_options else
                     {name: gbs(key) for key, name in PEERS if gbs(key)})
            best = max(peers, key=peers.get) if peers else None
            rows.append([w.name, t, fmt_bytes(nbytes), fmt_bytes(working_set),
                         "%.1f" % bw, "%.1f" % sg if sg else "-",
                         "%.0f%%" % (100 * sg / bw) if sg else "-",
                         "%s %.1f" % (best, peers[best]) if best else "-"])
    if not rows:
        return
    p("Memory-bound rows: the bytes a call must read (formulas below), the "
      "GB/s each implementation makes of them (bytes / median time), and "
      "the read bandwidth of a buffer of the workload's working set (where "
      "its weights or its KV cache live) measured in the same process "
      "(bench/peak.c: the thr threads sum their shares of it in vector "
      "registers, best of 2). The target: s2s at 80% of that bandwidth. "
      "The peers of the bf16 rows run in f32, which reads other bytes: no "
      "figure.")
    p("")
    p(md_table(["workload", "thr", "bytes/call", "working set",
                "read GB/s at working set", "s2s GB/s", "s2s x bandwidth",
                "best peer GB/s"], rows, left=(0, 7)))
    p("")
    p("; ".join("%s: %s" % (w.name, w.stream[2]) for w in ws
                if w.stream is not None) + ".")
    p("")


def summarize(args, ws, per_thread, compile_errors, compile_seconds,
              env_info, s2s_bin, tool_note):
    lines = []
    p = lines.append
    p("## s2s benchmark results")
    p("")
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True).stdout.strip()
    e0 = next(iter(env_info.values()), {})
    kinds = {r.get("s2s_threads") for recs, _ in per_thread.values()
             for r in find(recs, "workload") if "s2s" in r}
    if kinds == {"1"}:
        s2s_thr_text = ("1 everywhere: the compiled code imports no thread "
                        "runtime, so it runs single-threaded whatever the "
                        "thread count")
    else:
        s2s_thr_text = ("s2s compiles each workload once per thread count "
                        "(s2s-compile --threads=thr); N (OpenMP) = the code "
                        "runs OpenMP parallel regions on N threads (LLVM's "
                        "libomp, under the same OMP_WAIT_POLICY; where a "
                        "function forks several regions in a row, the "
                        "compiled code sets the blocktime to 1 ms so that "
                        "its threads do not sleep between them: "
                        "s2s-cpu-keep-threads-awake); 1 = it imports no "
                        "thread runtime (single-threaded)")
    p("Machine: %s, %d logical CPUs; %s. s2s: %s (git %s%s). PyTorch %s "
      "(BLAS_INFO=%s: libblas.so.3 -> OpenBLAS), NumPy %s, %s "
      "(kernel %s; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in the "
      "benchmark processes)."
      % (cpu, os.cpu_count(), platform.platform(), s2s_bin, rev or "?",
         "; " + tool_note if tool_note else "",
         e0.get("torch", "?"), e0.get("torch_blas", "?"), e0.get("numpy", "?"),
         e0.get("openblas_config", "OpenBLAS"),
         e0.get("openblas_core", "?")))
    p("")
    p("How to read it: times are medians of repeated calls after warm-up (at "
      "least %d calls and %g s per measurement; at least %d calls, or 1, "
      "when a call is too slow for that); `first` is the first call alone. "
      "GFLOP/s = FLOP count (formulas below) / median time. `s2s/torch` is "
      "the ratio of median times measured in the same process: below 1, s2s "
      "is faster. `x sgemm` is the GFLOP/s as a fraction of OpenBLAS's "
      "cblas_sgemm 1024^3 rate measured in the same process at the same "
      "thread count (the machine's practical compute ceiling). PyTorch runs "
      "in eval mode under torch.no_grad, with torch.set_num_threads = "
      "openblas_set_num_threads = OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = "
      "`thr` and OMP_WAIT_POLICY=%s. `s2s thr` is what the compiled s2s "
      "code does with threads, read from its dynamic imports: %s. %s"
      % (args.min_repeats, args.budget, SLOW_MIN_REPEATS,
         e0.get("env", {}).get("OMP_WAIT_POLICY") or "unset", s2s_thr_text,
         "Malloc: glibc's defaults (--default-malloc): a call that allocates "
         "large blocks pays the first touch of fresh pages on every call."
         if args.default_malloc else
         "Malloc: glibc keeps freed memory (GLIBC_TUNABLES=%s), for both "
         "PyTorch and s2s, so that repeated calls do not pay the first touch "
         "of fresh pages (10-15 us per 4 KiB page here); `first` includes "
         "it." % MALLOC_TUNABLES))
    p("")
    p("Memory: %s" % MEM_METHOD)
    p("")
    rates, rows = {}, []
    for t in sorted(per_thread):
        recs, _ = per_thread[t]
        sg = find(recs, "sgemm")
        rates[t] = max(SGEMM_FLOPS / r["median"] for r in sg) if sg else None
        env = (find(recs, "env") or [{}])[0]
        end = (find(recs, "end") or [{}])[-1]
        pk = find(recs, "peak")
        rows.append((t, ", ".join("%s %.1f" % (r["when"], SGEMM_FLOPS /
                                               r["median"] / 1e9) for r in sg),
                     "%.1f" % (rates[t] / 1e9) if rates[t] else "-",
                     ", ".join("%s %.1f" % (r["when"], r["gflops"])
                               for r in pk) or "-",
                     "%s, %s" % (env.get("loadavg_start", "?"),
                                 end.get("loadavg_end", "?"))))
    p(md_table(["thr", "OpenBLAS sgemm 1024^3 GFLOP/s", "reference rate",
                "FMA peak GFLOP/s", "load average (start, end)"], rows))
    p("")
    p("FMA peak: bench/peak.c, thr threads each running 12 independent "
      "chains of vector fused multiply-adds (the widest vectors of this "
      "CPU) for 0.3 s, best of 3, at the start and at the end of the "
      "benchmark process; the higher is the peak the tables use.")
    p("")
    headers = ["workload", "thr", "GFLOP", "s2s ms", "s2s first ms",
               "s2s GFLOP/s", "torch ms", "torch GFLOP/s", "s2s/torch",
               "s2s x sgemm", "torch x sgemm", "s2s thr", "s2s scratch",
               "torch scratch", "check"]
    dyn_rows, dyn_within, dyn_compared = [], 0, 0
    table, problems, notes = [], [], []
    faster, compared = 0, 0
    for w in ws:
        for t in sorted(per_thread):
            recs, crashed = per_thread[t]
            rec = (find(recs, "workload", name=w.name) or [None])[0]
            row = [w.name, t, fmt_num(w.flops / 1e9)]
            if rec is None:
                why = crashed.get(w.name, "not run")
                table.append(row + ["-"] * 11 + ["died: %s" % why])
                if w.dyn is not None and w.mlir is not None:
                    dyn_rows.append([w.name, w.dyn.name, t] + ["-"] * 6 +
                                    ["died: %s" % why])
                problems.append("%s (%d thr): the benchmark process died "
                                "(%s)" % (w.name, t, why))
                continue
            tr, sr, rate = rec["torch"], rec.get("s2s"), rates.get(t)
            tg = w.flops / tr["median"] / 1e9
            sg = w.flops / sr["median"] / 1e9 if sr else None
            if sr is None:
                err = compile_errors.get(w.library().name) or \
                    rec.get("s2s_error", "?")
                check_txt = "s2s failed"
                if t == min(per_thread):
                    problems.append("%s: s2s failed: %s" % (w.name, err))
            else:
                compared += 1
                faster += sr["median"] < tr["median"]
                check = rec["check"]
                check_txt = "ok" if check["ok"] else "MISMATCH"
                if not check["ok"]:
                    problems.append("%s (%d thr): s2s's result differs from "
                                    "PyTorch's: %s" % (w.name, t,
                                                       check["text"]))
            dr = rec.get("dyn")
            if w.dyn is not None and w.mlir is not None:
                dcheck = rec.get("dyn_check")
                if dr is None:
                    err = compile_errors.get(w.dyn.name) or \
                        rec.get("dyn_error", "?")
                    if t == min(per_thread):
                        problems.append("%s: s2s failed: %s" % (w.dyn.name,
                                                                 err))
                elif not dcheck["ok"]:
                    problems.append("%s at the sizes of %s (%d thr): its "
                                    "result differs from PyTorch's: %s"
                                    % (w.dyn.name, w.name, t, dcheck["text"]))
                ratio = dr["median"] / sr["median"] if dr and sr else None
                if ratio is not None:
                    dyn_compared += 1
                    dyn_within += ratio <= DYN_TARGET
                dyn_rows.append([
                    w.name, w.dyn.name, t,
                    fmt_ms(sr["median"]) if sr else "-",
                    fmt_ms(dr["median"]) if dr else "-",
                    fmt_num(ratio) if ratio is not None else "-",
                    fmt_ms(dr["first"]) if dr else "-",
                    "%s / %s" % (fmt_bytes(sr["scratch"]) if sr else "-",
                                 fmt_bytes(dr["first_scratch"]) if dr
                                 else "-"),
                    ("-" if dr is None else "failed" if not dcheck else
                     "ok" if dcheck["ok"] else "MISMATCH")])
            for impl, r in (("s2s", sr), ("torch", tr)):
                if r and r.get("faults", 0) >= FAULTS_NOTE:
                    notes.append(
                        "%s, %s, %d thr: %.0f page faults per timed call "
                        "(~%.0f ms at 12 us each)"
                        % (w.name, impl, t, r["faults"],
                           r["faults"] * 12e-3))
            table.append(row + [
                fmt_ms(sr["median"]) if sr else "-",
                fmt_ms(sr["first"]) if sr else "-",
                fmt_num(sg) if sr else "-",
                fmt_ms(tr["median"]), fmt_num(tg),
                fmt_num(sr["median"] / tr["median"]) if sr else "-",
                fmt_num(sg * 1e9 / rate) if sr and rate else "-",
                fmt_num(tg * 1e9 / rate) if rate else "-",
                rec.get("s2s_threads", "-") if sr else "-",
                fmt_bytes(sr["scratch"]) if sr else "-",
                fmt_bytes(tr["scratch"]), check_txt])
    p(md_table(headers, table, left=(0, len(headers) - 1)))
    p("")
    p("s2s is faster than PyTorch in %d of %d measurements (workload x "
      "thread count)." % (faster, compared))
    p("")
    peers_section(p, ws, per_thread, problems)
    if dyn_rows:
        p("Dynamic shapes: each workload again with its batch and sequence "
          "dimensions written `?` (bench/workloads/*_dyn.mlir; one library "
          "per family, called at each workload's sizes), measured in the "
          "same process in turn with the static library (%d further rounds "
          "of each after the first measurements). `dyn/static` is the ratio "
          "of median times; the target is at most %.2f. Scratch: that of "
          "a call of the static library (its static arena included), and "
          "that of the first call of the dynamic one at the workload's "
          "sizes, which allocates the arena that later calls reuse "
          "(s2s-cpu-plan-buffers: it grows to the largest call so far; "
          "where an earlier workload of the family has grown it already, "
          "it is not counted again). `check`: the dynamic library's "
          "result against PyTorch's."
          % (INTERLEAVE_ROUNDS, DYN_TARGET))
        p("")
        p(md_table(["workload", "dynamic model", "thr", "static ms",
                    "dynamic ms", "dyn/static", "dynamic first ms",
                    "scratch static / dynamic (first call)", "check"],
                   dyn_rows, left=(0, 1, 8)))
        p("")
        p("The dynamic variant is within %d%% of the static one in %d of %d "
          "measurements." % (round((DYN_TARGET - 1) * 100), dyn_within,
                             dyn_compared))
        p("")
    if notes:
        p("Measurements whose timed calls still took page faults (fresh "
          "memory from the kernel: glibc's heap still growing, or blocks "
          "mapped per call), which their times include:")
        p("")
        for x in notes:
            p("- " + x)
        p("")

    gen_section(p, ws, per_thread)

    # Attention scratch against sequence length.
    t0 = min(per_thread)
    recs0 = per_thread[t0][0]
    fams = {}
    for w in ws:
        if w.kind == "attention":
            fams.setdefault(re.sub(r"_s\d+$", "", w.name), []).append(w)
    if fams:
        p("Attention scratch memory by sequence length (%d thread%s). The "
          "goal: no more scratch at S=%d than at S=%d beyond the inputs and "
          "outputs, i.e. no [S, S] score matrix."
          % (t0, "" if t0 == 1 else "s", max(suite.ATTN_SEQS),
             min(suite.ATTN_SEQS)))
        p("")
        rows = []
        for fam, members in fams.items():
            got = {}
            for w in members:
                rec = (find(recs0, "workload", name=w.name) or [None])[0]
                if rec:
                    got[int(w.name.rsplit("_s", 1)[1])] = rec
            cells = []
            for impl in ("s2s", "torch"):
                vals = [fmt_bytes(got[S][impl]["scratch"])
                        if S in got and got[S].get(impl) else "-"
                        for S in suite.ATTN_SEQS]
                cells.append(" / ".join(vals))
            lo, hi = min(suite.ATTN_SEQS), max(suite.ATTN_SEQS)
            verdict = "-"
            if lo in got and hi in got and got[lo].get("s2s") and \
                    got[hi].get("s2s") and \
                    got[hi]["s2s"]["scratch"] is not None:
                a, b = got[lo]["s2s"]["scratch"], got[hi]["s2s"]["scratch"]
                # Allow for the allocator's rounding: 64 KiB or 10 %.
                verdict = ("yes" if b <= max(a * 1.1, a + 65536) else
                           "no (%s more)" % fmt_bytes(b - a))
            rows.append([fam] + cells + [verdict])
        p(md_table(["workload", "s2s scratch, S = %s" % " / ".join(
            map(str, suite.ATTN_SEQS)), "torch scratch, same S",
            "s2s: S=%d needs no more than S=%d" % (hi, lo)], rows,
            left=(0, 3)))
        p("")
    p("FLOP counts (a multiply-add is 2 FLOP):")
    p("")
    p(md_table(["workload", "formula", "GFLOP"], left=(0, 1), rows=[
        (w.name, w.formula + ("; " + w.note if w.note else ""),
         "%.4g" % (w.flops / 1e9)) for w in ws]))
    p("")
    p("Compile time (s2s-compile --emit=shared, first thread count): " + ", ".join(
        "%s %.1f s" % (n, s) for n, s in compile_seconds.items()) + ".")
    if problems:
        p("")
        p("Problems:")
        p("")
        for x in problems:
            p("- " + x)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(
        description="s2s benchmark suite: s2s vs PyTorch vs OpenBLAS sgemm")
    ap.add_argument("--threads", default="1,2",
                    help="comma-separated thread counts (default 1,2)")
    ap.add_argument("--filter", default="",
                    help="only the workloads whose name matches this regex")
    ap.add_argument("--budget", type=float, default=2.0,
                    help="seconds of timed calls per measurement (default 2)")
    ap.add_argument("--min-repeats", type=int, default=5,
                    help="at least this many timed calls (default 5)")
    ap.add_argument("--s2s-bin", default=os.path.join(ROOT, "build", "bin"),
                    help="directory of s2s-compile (default build/bin); it "
                    "loads the s2s libraries of its own build tree")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the summary (Markdown) to FILE")
    ap.add_argument("--default-malloc", action="store_true",
                    help="leave glibc's malloc as it is (by default freed "
                    "memory is kept: GLIBC_TUNABLES=%s)" % MALLOC_TUNABLES)
    ap.add_argument("--no-memtrack", action="store_true",
                    help="do not LD_PRELOAD the malloc-counting shim")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary directory (compiled workloads)")
    ap.add_argument("--list", action="store_true",
                    help="list the workloads and their FLOP formulas")
    # Internal: the per-thread-count benchmark process.
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--libdir", help=argparse.SUPPRESS)
    ap.add_argument("--results", help=argparse.SUPPRESS)
    ap.add_argument("--names", help=argparse.SUPPRESS)
    ap.add_argument("--onednn-lib", help=argparse.SUPPRESS)
    ap.add_argument("--ort", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        args.threads_one = int(args.threads)
        return child(args)
    # On SIGTERM, unwind so that subprocess.run ends the benchmark process.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    ws = [w for w in suite.workloads() if re.search(args.filter, w.name)]
    if args.list:
        for w in suite.workloads():
            print("%-18s %.4g GFLOP  %s" % (w.name, w.flops / 1e9, w.formula))
        return 0
    if not ws:
        log("no workload matches --filter %r" % args.filter)
        return 2
    threads = [int(x) for x in args.threads.split(",") if x.strip()]
    if not threads or min(threads) < 1:
        log("--threads wants positive integers, e.g. 1,2")
        return 2
    s2s_compile = os.path.join(os.path.abspath(args.s2s_bin), "s2s-compile")
    if not os.path.exists(s2s_compile):
        log("error: %s not found (build s2s, or pass --s2s-bin DIR)"
            % s2s_compile)
        return 2
    if not os.path.exists(OPENBLAS):
        log("error: %s not found: run bench/setup.sh" % OPENBLAS)
        return 2
    t_start = time.time()

    models = suite.static_models(ws) + suite.dynamic_models(ws)
    for w in models:
        if not os.path.exists(w.path()):
            log("error: %s is missing (python3 bench/suite.py writes it)"
                % w.path())
            return 2
        with open(w.path()) as f:
            if f.read() != w.mlir:
                log("note: %s differs from what bench/suite.py generates; "
                    "benchmarking the file as it is" % w.path())

    libdir = tempfile.mkdtemp(prefix="s2s-bench-")
    try:
        log("s2s benchmark suite: %d workload%s, threads %s, budget %g s, "
            "at least %d timed calls"
            % (len(ws), "" if len(ws) == 1 else "s",
               ",".join(map(str, threads)), args.budget, args.min_repeats))
        log("compiling with %s --emit=shared into %s" % (s2s_compile, libdir))
        imported, import_errors = import_workloads(
            [w for w in ws if w.imported], os.path.abspath(args.s2s_bin),
            libdir)
        stamp = tool_stamp(s2s_compile)
        errors, seconds = compile_workloads(models + imported, s2s_compile,
                                            libdir, threads)
        errors.update(import_errors)
        tool_note = ""
        if tool_stamp(s2s_compile) != stamp:
            tool_note = ("s2s-compile was rebuilt while the workloads were "
                         "being compiled")
            log("note: " + tool_note)
        shim = None
        if not args.no_memtrack:
            shim, why = build_library(libdir, "memtrack.c", "CC", ["-O2"])
            if why:
                log("warning: cannot build bench/memtrack.c (%s); no memory "
                    "figures" % why)
        _, why = build_library(libdir, "peak.c", "CC",
                               ["-O2", "-march=native"], ["-lpthread"])
        if why:
            log("warning: cannot build bench/peak.c (%s); no FMA peak or "
                "bandwidth figures" % why)
        args.onednn_lib, why = build_library(
            libdir, "peers/onednn.cpp", "CXX", ["-O2", "-std=c++17"],
            ["-ldnnl"])
        if why:
            log("warning: cannot build bench/peers/onednn.cpp (%s); no "
                "oneDNN figures (bench/setup.sh installs libdnnl-dev)" % why)
        args.ort = bool(shutil.which("node")) and os.path.isdir(ORT_PACKAGE)
        if not args.ort:
            log("warning: no ONNX Runtime figures: %s (bench/setup.sh "
                "installs it)" % ("node is missing" if not shutil.which("node")
                                  else "%s is missing" % ORT_PACKAGE))
        log("memory: " + (MEM_METHOD if shim else "not measured"))
        log("environment of the benchmark processes: %s removed; "
            "OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = thread count; "
            "OMP_WAIT_POLICY=%s; %s%s"
            % (" and ".join("%s (=%s)" % (k, os.environ[k])
                            if k in os.environ else k
                            for k in OPENBLAS_UNSET),
               os.environ.get("OMP_WAIT_POLICY", OMP_WAIT_POLICY),
               "glibc malloc as it is" if args.default_malloc else
               "GLIBC_TUNABLES=%s (freed memory is kept)" % MALLOC_TUNABLES,
               "; LD_PRELOAD=%s" % shim if shim else ""))
        per_thread, env_info = {}, {}
        for t in threads:
            recs, crashed = run_threads(args, t, [w.name for w in ws],
                                        libdir, shim)
            per_thread[t] = (recs, crashed)
            env = next((r for r in recs if r["type"] == "env"), None)
            if env:
                env_info[t] = env
        md = summarize(args, ws, per_thread, errors, seconds, env_info,
                       os.path.abspath(args.s2s_bin), tool_note)
        log("")
        log(md)
        log("total time %.0f s" % (time.time() - t_start))
        if args.markdown:
            with open(args.markdown, "w") as f:
                f.write(md)
            log("wrote %s" % args.markdown)
    finally:
        if args.keep:
            log("kept %s" % libdir)
        else:
            shutil.rmtree(libdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
